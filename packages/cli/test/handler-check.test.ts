import { describe, expect, it } from 'vitest';
import { checkHandlerSource } from '../src/handler-check.js';

describe('checkHandlerSource', () => {
  it.each([
    ["export const handler = instrumentHandler(async () => 'ok');", 'wrapped'],
    ['export const handler = sqsBatchHandler(async (record) => {});', 'wrapped'],
    ['// instrumentHandler(h) later\nexport const handler = async () => 1;', 'not-wrapped'],
    ['const a="lambda.invoke",b="faas.invocation_id";export{x as handler}', 'bundled'],
    ['export const handler = async () => ({ statusCode: 200 });', 'not-wrapped'],
  ])('%s → %s', (text, expected) => {
    expect(checkHandlerSource(text)).toBe(expected);
  });
});
