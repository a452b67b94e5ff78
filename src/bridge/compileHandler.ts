import type { Transform } from 'sucrase';
import { sucrase } from './sucraseLoader';
import type { InitSpec } from '../protocol/messages';
import { BUILTIN_FILES, builtinFile } from '../protocol/nodeBuiltins';
import { awsSdkGroupsUsed } from '../protocol/awsSdk';
import { lineMapOf, shownFileOf, type LineMap } from '../protocol/stackTrace';
import { offsetOf, v8SyntaxMessage } from './syntaxMessage';

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
export function compileHandler(fileName: string, source: string): Compiled {
  // A `#!` first line (a bootstrap's `#!/usr/bin/env node`) is Node's to read: blanked, so lines and columns stay.
  const code = source.startsWith('#!') ? source.replace(/^#![^\n]*/, (line) => `//${line.slice(2)}`) : source;
  const ts = fileName.endsWith('.ts');
  // A custom runtime's `bootstrap` has no extension: like a `.js` file, its syntax says which it is.
  const esm = ts || fileName.endsWith('.mjs') || ((fileName.endsWith('.js') || fileName === 'bootstrap') && MODULE_SYNTAX.test(code));
  if (!esm) {
    const syntaxAt = syntaxErrorOf(fileName, code, []);
    return { ok: true, js: code, esm: false, builtins: builtinsUsed(code), ...sdkOf(code), ...(syntaxAt ? { syntaxAt } : {}) };
  }
  let out: ReturnType<ReturnType<typeof sucrase>['transform']>;
  try {
    out = sucrase().transform(code, {
      transforms: ts ? ['typescript', 'imports'] : ['imports'],
      filePath: fileName,
      keepUnusedImports: !ts,
      preserveDynamicImport: false,
      sourceMapOptions: { compiledFilename: fileName },
    });
  } catch (err) {
    const at = syntaxErrorOf(fileName, code, ts ? ['typescript'] : []) ?? { line: 0, column: 0, message: err instanceof Error ? err.message : String(err) };
    const errorMessage = `SyntaxError: ${at.message}`;
    const where = at.line > 0 ? [`    at ${shownFileOf(fileName, true)}:${at.line}:${at.column}`] : [];
    return {
      ok: false,
      error: { errorType: 'Runtime.UserCodeSyntaxError', errorMessage, trace: [`Runtime.UserCodeSyntaxError: ${errorMessage}`, ...where] },
    };
  }
  const lineMap = out.sourceMap ? lineMapOf(out.sourceMap.mappings) : undefined;
  const js = replaceImportMeta(out.code, lineMap);
  return { ok: true, js, esm: true, builtins: builtinsUsed(js), ...sdkOf(js), ...(lineMap ? { lineMap } : {}) };
}

/** Where the parser stops on `code`, worded as V8 words it (1-based line and column); null when it parses. */
function syntaxErrorOf(fileName: string, code: string, transforms: Transform[]): { line: number; column: number; message: string } | null {
  try {
    sucrase().transform(code, { transforms, filePath: fileName });
    return null;
  } catch (err) {
    // Sucrase gives `loc` with a 1-based column and `pos`, the offset of the token it stopped at.
    const { loc, pos } = err as { loc?: { line: number; column: number }; pos?: number };
    const raw = (err instanceof Error ? err.message : String(err)).replace(/^Error transforming [^:]*: /, '');
    if (!loc) return { line: 0, column: 0, message: raw.replace(/\s*\(\d+:\d+\)$/, '') };
    const offset = typeof pos === 'number' ? pos : offsetOf(code, loc.line, loc.column - 1);
    return { line: loc.line, column: loc.column, message: v8SyntaxMessage(code, offset, raw) };
  }
}

/** `import.meta` becomes the module's own object; source-map columns after it on its line move with it. */
function replaceImportMeta(js: string, lineMap: LineMap | undefined): string {
  if (!IMPORT_META.test(js)) return js;
  IMPORT_META.lastIndex = 0;
  return js
    .split('\n')
    .map((line, i) => {
      const segments = lineMap?.[i];
      return line.replace(IMPORT_META, (match: string, column: number) => {
        const shift = IMPORT_META_NAME.length - match.length;
        if (segments) lineMap[i] = segments.map(([gen, src]) => [gen > column ? gen + shift : gen, src] as const);
        return IMPORT_META_NAME;
      });
    })
    .join('\n');
}

// --- Node.js built-ins: which the handler needs, so a worker gets only those (src/runtime/node).
const IMPORT_META = /\bimport\s*\.\s*meta\b/g;
const IMPORT_META_NAME = '__playgroundImportMeta';
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
  // The global `crypto.subtle` (absent in the opaque-origin sandbox) is crypto's subset.
  const crypto = builtinFile('crypto');
  if (crypto && /\bsubtle\b/.test(js)) files.add(crypto);
  return [...files].sort();
}
// --- end Node.js built-ins

/** The AWS SDK groups (src/protocol/awsSdk.ts) of the packages the code requires with a plain string; absent when none. */
function sdkOf(js: string): { awsSdk?: string[] } {
  const ids = [...js.matchAll(REQUIRE_CALL)].flatMap((m) => (m[2] === undefined ? [] : [m[2]]));
  const groups = awsSdkGroupsUsed(ids);
  return groups.length > 0 ? { awsSdk: groups } : {};
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
