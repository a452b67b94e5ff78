import { transform } from 'sucrase';
import type { InitSpec } from '../protocol/messages';

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
  if (!esm) return { ok: true, js: code, esm: false };
  try {
    const out = transform(code, {
      transforms: ts ? ['typescript', 'imports'] : ['imports'],
      filePath: fileName,
      keepUnusedImports: !ts,
      preserveDynamicImport: false,
    });
    return { ok: true, js: out.code, esm: true };
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
