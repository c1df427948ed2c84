// Stages a function folder (an example) the way a user has it after copying it out of this
// repository: the same files, with each `workspace:*` dependency replaced by the package as it
// would come from npm (here the `pnpm pack` tarball of the built workspace package, under kit/),
// and a package-lock.json made by `npm install --package-lock-only`. The result is the build
// context for the example's own Dockerfile and for the shared ones in docker/.
//
//   node scripts/images/stage-function.mjs <example-dir> <out-dir>
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

const [source, out] = process.argv.slice(2).map((p) => resolve(p));
if (!source || !out) {
  console.error('usage: stage-function.mjs <example-dir> <out-dir>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '../..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Workspace packages by name: `{ dir, manifest }`. */
const workspace = new Map(
  readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = readJson(join(dir, 'package.json'));
      return [manifest.name, { dir, manifest }];
    }),
);

const isWorkspaceSpec = (spec) => typeof spec === 'string' && spec.startsWith('workspace:');

/** The kit packages a manifest needs at run time, transitively. */
function kitClosure(manifest, seen = new Set()) {
  for (const [name, spec] of Object.entries(manifest.dependencies ?? {})) {
    if (!isWorkspaceSpec(spec) || seen.has(name)) continue;
    const pkg = workspace.get(name);
    if (!pkg) throw new Error(`${name} is not a workspace package`);
    seen.add(name);
    kitClosure(pkg.manifest, seen);
  }
  return seen;
}

const skip = new Set(['node_modules', 'dist', 'test', '.env']);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(source, out, {
  recursive: true,
  filter: (file) => !skip.has(basename(file)) || relative(source, file).includes('/'),
});

const manifest = readJson(join(out, 'package.json'));
const kitDir = join(out, 'kit');
mkdirSync(kitDir, { recursive: true });
const tarballs = {};
for (const name of kitClosure(manifest)) {
  const { dir } = workspace.get(name);
  if (!existsSync(join(dir, 'dist'))) throw new Error(`${name} is not built: run pnpm build`);
  const before = new Set(readdirSync(kitDir));
  execFileSync('pnpm', ['pack', '--pack-destination', kitDir], { cwd: dir, stdio: 'ignore' });
  const file = readdirSync(kitDir).find((f) => !before.has(f));
  tarballs[name] = `file:kit/${file}`;
}
for (const field of ['dependencies', 'devDependencies']) {
  for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
    if (isWorkspaceSpec(spec)) manifest[field][name] = tarballs[name];
  }
}
// Kit packages depend on each other by version (0.1.0, not on npm yet): point npm at the tarballs.
manifest.overrides = { ...manifest.overrides, ...tarballs };
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

execFileSync(
  'npm',
  [
    'install',
    '--package-lock-only',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ],
  { cwd: out, stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(
  `staged ${relative(root, source)} -> ${relative(root, out)} (${Object.keys(tarballs).join(', ')})`,
);
