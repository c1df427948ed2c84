import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_CONTEXT_SOURCES, RECORD_PARENTINGS } from '../src/kit-settings.js';
import { OTLP_COMPRESSIONS, OTLP_PROTOCOLS } from '../src/otlp.js';
import { VENDOR_PRESET_NAMES } from '../src/presets.js';
import { PROPAGATOR_NAMES, SAMPLER_NAMES } from '../src/sdk-settings.js';
import { CONFIG_VARIABLES } from '../src/variables.js';
import { VARIABLE_CASES } from './support/variable-cases.js';

const DOC = fileURLToPath(new URL('../../../docs/environment-variables.md', import.meta.url));

interface Row {
  name: string;
  defaultText: string;
  meaning: string;
  valid: string;
}

/** The rows of the doc's one table whose first cell is a backticked variable name. */
function readRows(): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const match = /^\| `([A-Z0-9_]+)` \|(.*)\|$/.exec(line);
    if (!match) continue;
    const cells = (match[2] ?? '').split(' | ').map((cell) => cell.trim());
    expect(cells, `row of ${match[1]} has four columns`).toHaveLength(3);
    const [defaultText = '', meaning = '', valid = ''] = cells;
    rows.push({ name: match[1] ?? '', defaultText, meaning, valid });
  }
  return rows;
}

/** Backticked tokens of a cell. */
const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** How a default value is written in the Default column. */
function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

describe('docs/environment-variables.md', () => {
  it('lists every variable of CONFIG_VARIABLES once, in the same order', () => {
    expect(readRows().map((row) => row.name)).toStrictEqual(CONFIG_VARIABLES.map((v) => v.name));
  });

  it('marks exactly the secret variables as secret', () => {
    // Arrange
    const rows = new Map(readRows().map((row) => [row.name, row]));

    // Act / Assert
    for (const variable of CONFIG_VARIABLES) {
      const marked = rows.get(variable.name)?.meaning.startsWith('**Secret.**');
      expect(marked, variable.name).toBe(variable.secret);
    }
  });

  it('gives the default readConfig applies for each variable', () => {
    // Arrange
    const rows = new Map(readRows().map((row) => [row.name, row]));

    // Act / Assert
    for (const variable of VARIABLE_CASES) {
      const expected = variable.documented ?? shown(variable.unset);
      expect(ticks(rows.get(variable.name)?.defaultText ?? ''), variable.name).toContain(expected);
    }
  });

  it.each([
    ['OTEL_SDK_DISABLED', ['true', 'false']],
    ['OTEL_PROPAGATORS', PROPAGATOR_NAMES],
    ['OTEL_TRACES_SAMPLER', SAMPLER_NAMES],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', OTLP_PROTOCOLS],
    ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', OTLP_PROTOCOLS],
    ['OTEL_EXPORTER_OTLP_COMPRESSION', OTLP_COMPRESSIONS],
    ['OTEL_EXPORTER_OTLP_TRACES_COMPRESSION', OTLP_COMPRESSIONS],
    ['LAMBDA_OTEL_VENDOR', VENDOR_PRESET_NAMES],
    ['LAMBDA_OTEL_RECORD_CONTEXT_ORDER', [...RECORD_CONTEXT_SOURCES, 'none']],
    ['LAMBDA_OTEL_RECORD_PARENTING', RECORD_PARENTINGS],
  ])('lists exactly the values %s accepts', (name, values) => {
    // Act
    const row = readRows().find((r) => r.name === name);

    // Assert
    expect(ticks(row?.valid ?? '')).toStrictEqual([...values]);
  });
});
