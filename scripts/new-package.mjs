#!/usr/bin/env node
// Creates packages/<name> from templates/package: `pnpm new-package <name> "<description>"`.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [name, description = ''] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: pnpm new-package <kebab-case-name> "<one-line description>"');
  process.exit(2);
}
const target = join('packages', name);
if (existsSync(target)) {
  console.error(`${target} already exists`);
  process.exit(1);
}
cpSync(join('templates', 'package'), target, { recursive: true });
const fill = (dir) => {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) fill(path);
    else
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replaceAll('__NAME__', name)
          .replaceAll('__DESCRIPTION__', description),
      );
  }
};
fill(target);
console.log(`created ${target}; run pnpm install to link it`);
