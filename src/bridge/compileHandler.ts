import { transform } from 'sucrase';
import type { InitSpec } from '../protocol/messages';
import { BUILTIN_FILES, builtinFile } from '../protocol/nodeBuiltins';

type Compiled = InitSpec['compiled'];

const MODULE_SYNTAX = /^\s*(import\s*[\w{*'"]|import\s*\(|export\s)/m;

/**
 * Turn the handler file into a CommonJS body the classic-worker runtime can
 * evaluate, with line numbers kept. `.mjs` and `.ts` are ES modules, `.cjs`
 * is CommonJS, `.js` is whichever its syntax says (as Node.js 22 detects).
 * TypeScript types are stripped by Sucrase, which keeps lines in place so
 * stack traces match the editor. A parse error here is the
 * `Runtime.UserCodeSyntaxError` Lambda would report at Init.
 */
export function compileHandler(fileName: string, code: string): Compiled {
  const ts = fileName.endsWith('.ts');
  const esm = ts || fileName.endsWith('.mjs') || (fileName.endsWith('.js') && MODULE_SYNTAX.test(code));
  if (!esm) return { ok: true, js: code, esm: false, builtins: builtinsUsed(code) };
  try {
    const out = transform(code, {
      transforms: ts ? ['typescript', 'imports'] : ['imports'],
      filePath: fileName,
      keepUnusedImports: !ts,
      preserveDynamicImport: false,
    });
    const js = out.code.replace(IMPORT_META, '__playgroundImportMeta');
    return { ok: true, js, esm: true, builtins: builtinsUsed(js) };
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/\s*\(\d+:\d+\)$/, '') : String(err);
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    const where = loc ? `/var/task/${fileName.replace(/\.ts$/, '.js')}:${loc.line}` : '';
    const errorMessage = `SyntaxError: ${message}`;
    return {
      ok: false,
      error: {
        errorType: 'Runtime.UserCodeSyntaxError',
        errorMessage,
        trace: [`Runtime.UserCodeSyntaxError: ${errorMessage}`, ...(where ? [`    at ${where}:${(loc?.column ?? 0) + 1}`] : [])],
      },
    };
  }
}

// --- Node.js built-ins: which the handler needs, so a worker gets only those (src/runtime/node).
const IMPORT_META = /\bimport\s*\.\s*meta\b/g;
const REQUIRE_CALL = /\brequire\s*\(\s*(?:(['"`])([^'"`$\\]*)\1\s*\)|(?=[^\s)]))/g;

/**
 * The files of src/runtime/node the code requires (Sucrase turns `import`
 * and `import()` into `require`): every `require('x')` with a plain string,
 * `buffer` for the global `Buffer`; all of them when a `require` has a
 * computed name, since the worker cannot fetch one later.
 */
export function builtinsUsed(js: string): string[] {
  const files = new Set<string>();
  for (const m of js.matchAll(REQUIRE_CALL)) {
    if (m[2] === undefined) return [...new Set(Object.values(BUILTIN_FILES))].sort();
    const file = builtinFile(m[2]);
    if (file) files.add(file);
  }
  if (/\bBuffer\b/.test(js)) files.add('buffer');
  return [...files].sort();
}
// --- end Node.js built-ins

const cache = new Map<string, Compiled>();

/** The same, remembered for the last few sources: cold starts reuse the compiled code. */
export function compileHandlerCached(fileName: string, code: string): Compiled {
  const key = `${fileName}\u0000${code}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = compileHandler(fileName, code);
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    cache.set(key, hit);
  }
  return hit;
}
