/** What a static read of a handler module's text tells about its instrumentation. */
export type HandlerWrapping = 'wrapped' | 'bundled' | 'not-wrapped';

const WRAPPER_CALL = /\b(?:instrumentHandler|sqsBatchHandler)\s*\(/;
/** Strings a bundle keeps even when it renames functions: the kit's span name and attribute. */
const BUNDLED_KIT = ['lambda.invoke', 'faas.invocation_id'];

/**
 * Reads a handler module's source (or bundle) and tells whether it wraps its handler with the
 * kit: a call to `instrumentHandler(…)` or `sqsBatchHandler(…)`, or, in a minified bundle,
 * the kit's own strings. A static check: it cannot tell which export is wrapped.
 *
 * @param text - the module's text.
 * @returns `wrapped`, `bundled` (the kit is bundled in, names minified) or `not-wrapped`.
 * @example
 * ```ts
 * checkHandlerSource("export const handler = instrumentHandler(async () => 'ok');"); // 'wrapped'
 * checkHandlerSource('export const handler = async () => "ok";'); // 'not-wrapped'
 * ```
 */
export function checkHandlerSource(text: string): HandlerWrapping {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  if (WRAPPER_CALL.test(code)) return 'wrapped';
  if (BUNDLED_KIT.every((marker) => code.includes(marker))) return 'bundled';
  return 'not-wrapped';
}
