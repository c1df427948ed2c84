import { basename, dirname, extname, resolve } from 'node:path';

/** A handler named as `<module>#<export>`. */
export interface HandlerRef {
  /** Absolute path of the module file. */
  modulePath: string;
  /** The exported function, `handler` when the reference names none. */
  exportName: string;
  /** `LAMBDA_TASK_ROOT` for the runtime client: the module's directory. */
  taskRoot: string;
  /** `_HANDLER` for the runtime client: `<file without extension>.<export>`. */
  runtimeHandler: string;
}

const MODULE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);

/**
 * Parses `<handler-module>#<export>` (e.g. `dist/handler.mjs#handler`, `index.js`), resolved
 * against a working directory. The module must be JavaScript (`.js`, `.mjs`, `.cjs`), as in
 * the image: build TypeScript first.
 *
 * @param text - the reference as typed.
 * @param cwd - the directory relative paths start from.
 * @returns the reference, or `undefined` for an empty path, a bad export name or a non-JS file.
 * @example
 * ```ts
 * parseHandlerRef('dist/app.mjs#main', '/work')?.runtimeHandler; // 'app.main'
 * ```
 */
export function parseHandlerRef(text: string, cwd: string): HandlerRef | undefined {
  const at = text.lastIndexOf('#');
  const file = (at === -1 ? text : text.slice(0, at)).trim();
  const exportName = (at === -1 ? 'handler' : text.slice(at + 1)).trim();
  if (file === '' || !/^[A-Za-z_$][\w$]*$/.test(exportName)) return undefined;
  const extension = extname(file);
  if (!MODULE_EXTENSIONS.has(extension)) return undefined;
  const modulePath = resolve(cwd, file);
  return {
    modulePath,
    exportName,
    taskRoot: dirname(modulePath),
    runtimeHandler: `${basename(modulePath, extension)}.${exportName}`,
  };
}
