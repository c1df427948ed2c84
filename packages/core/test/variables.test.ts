import { describe, expect, it } from 'vitest';
import { VENDOR_PRESETS } from '../src/presets.js';
import { CONFIG_VARIABLES } from '../src/variables.js';

describe('CONFIG_VARIABLES', () => {
  it('names each variable once: OTEL_* first, then the kit’s, then the vendors’', () => {
    // Arrange
    const names = CONFIG_VARIABLES.map((v) => v.name);
    const group = (name: string) =>
      name.startsWith('OTEL_') ? 0 : name.startsWith('LAMBDA_OTEL_') ? 1 : 2;

    // Act / Assert
    expect(new Set(names).size).toBe(names.length);
    expect(names.map(group)).toStrictEqual([...names.map(group)].sort());
  });

  it('includes every variable a vendor preset reads', () => {
    // Arrange
    const names = new Set(CONFIG_VARIABLES.map((v) => v.name));

    // Act / Assert
    for (const preset of VENDOR_PRESETS) {
      for (const variable of preset.variables)
        expect(names.has(variable.name), variable.name).toBe(true);
      for (const group of preset.required) {
        for (const name of group) expect(names.has(name), name).toBe(true);
      }
    }
  });

  it('marks headers, keys and tokens secret, and nothing else', () => {
    // Act
    const secret = CONFIG_VARIABLES.filter((v) => v.secret).map((v) => v.name);

    // Assert
    expect(secret).toStrictEqual([
      'OTEL_EXPORTER_OTLP_HEADERS',
      'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
      'CX_TOKEN',
      'DD_API_KEY',
      'DD_KMS_API_KEY',
      'HONEYCOMB_API_KEY',
      'GRAFANA_API_TOKEN',
      'NEW_RELIC_LICENSE_KEY',
    ]);
  });
});
