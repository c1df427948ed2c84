// Lints every Dockerfile the project ships (docker/*.Dockerfile, examples/*/Dockerfile) with
// dockerfile-utils, the parser and validator behind the Dockerfile language server. Every
// finding fails, warnings included, and each multi-stage rule is switched on.
//
//   node scripts/images/lint-dockerfiles.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ValidationSeverity, validate } from 'dockerfile-utils';

const root = join(import.meta.dirname, '../..');
const files = [
  ...readdirSync(join(root, 'docker'))
    .filter((name) => name.endsWith('Dockerfile'))
    .map((name) => join(root, 'docker', name)),
  ...readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'examples', entry.name, 'Dockerfile'))
    .filter((file) => existsSync(file)),
];
const strict = ValidationSeverity.ERROR;
const settings = {
  deprecatedMaintainer: strict,
  directiveCasing: strict,
  emptyContinuationLine: strict,
  instructionCasing: strict,
  instructionCmdMultiple: strict,
  instructionEntrypointMultiple: strict,
  instructionHealthcheckMultiple: strict,
  instructionJSONInSingleQuotes: strict,
  instructionWorkdirRelative: strict,
};

let problems = 0;
for (const file of files) {
  const findings = validate(readFileSync(file, 'utf8'), settings);
  for (const finding of findings) {
    console.log(`${relative(root, file)}:${finding.range.start.line + 1}: ${finding.message}`);
  }
  problems += findings.length;
}
console.log(`==> dockerfiles: ${files.length} linted, ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);
