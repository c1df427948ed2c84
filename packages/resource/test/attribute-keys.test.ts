import * as semconv from '@opentelemetry/semantic-conventions/incubating';
import { describe, expect, it } from 'vitest';
import { RESOURCE_ATTR } from '../src/attribute-keys.js';

describe('RESOURCE_ATTR', () => {
  it.each(Object.entries(RESOURCE_ATTR))(
    '%s is spelled as the semantic conventions spell it',
    (name, key) => {
      // Arrange
      const expected = (semconv as Record<string, unknown>)[`ATTR_${name}`];

      // Act / Assert
      expect(expected).toBeTypeOf('string');
      expect(key).toBe(expected);
    },
  );
});
