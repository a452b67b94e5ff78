import { describe, expect, it } from 'vitest';
import { compileHandler } from './compileHandler';

describe('compileHandler', () => {
  it('turns ES module exports into CommonJS, keeping line numbers', () => {
    const out = compileHandler('index.mjs', 'const a = 1;\n\nexport const handler = async () => a;');
    expect(out.ok && out.esm).toBe(true);
    if (!out.ok) return;
    expect(out.js.split('\n')).toHaveLength(3);
    expect(out.js).toContain('exports.handler = handler');
  });

  it('leaves CommonJS untouched, and detects module syntax in .js as Node.js 22 does', () => {
    const cjs = 'exports.handler = async () => 1;';
    expect(compileHandler('index.js', cjs)).toEqual({ ok: true, js: cjs, esm: false, builtins: [] });
    expect(compileHandler('index.cjs', cjs)).toEqual({ ok: true, js: cjs, esm: false, builtins: [] });
    const esm = compileHandler('index.js', 'export const handler = 1;');
    expect(esm.ok && esm.esm).toBe(true);
  });

  it('strips TypeScript types and keeps imports as require calls', () => {
    const out = compileHandler('index.ts', "import { x } from 'lib';\nexport const handler = async (e: { n: number }): Promise<number> => e.n + x;");
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.js).not.toContain(': number');
    expect(out.js).toContain("require('lib')");
  });

  it('keeps unused imports in JavaScript: Node.js still loads them and fails on a missing package', () => {
    const out = compileHandler('index.mjs', "import fs from 'missing-pkg';\nexport const handler = async () => 1;");
    expect(out.ok && out.js).toContain("require('missing-pkg')");
  });

  it('reports a parse error as Runtime.UserCodeSyntaxError with the position', () => {
    const out = compileHandler('index.mjs', 'export const handler = async () => {\n  return { ok: true ;\n};');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(out.error.errorMessage).toMatch(/^SyntaxError: /);
    expect(out.error.trace[0]).toBe(`Runtime.UserCodeSyntaxError: ${out.error.errorMessage}`);
    expect(out.error.trace[1]).toMatch(/at file:\/\/\/var\/task\/index\.mjs:2:\d+$/);
  });

  describe('finds the Node.js built-ins a handler needs, so a worker is sent only those', () => {
    const files = (fileName: string, code: string): string[] | undefined => {
      const out = compileHandler(fileName, code);
      return out.ok ? out.builtins : undefined;
    };
    it.each([
      ['index.mjs', 'export const handler = async () => 1;', []],
      ['index.mjs', "import { createHash } from 'node:crypto';\nimport zlib from 'zlib';\nexport const handler = 1;", ['crypto', 'zlib']],
      ['index.mjs', "import fsp from 'node:fs/promises';\nexport const handler = async () => (await import('node:os')).tmpdir();", ['fsPromises', 'os']],
      ['index.js', "const { join } = require('path');\nconst https = require(\"node:https\");\nexports.handler = 1;", ['http', 'path']],
      ['index.cjs', "exports.handler = async () => Buffer.from('x').toString('hex');", ['buffer']],
      ['index.ts', "import { format } from 'util';\nimport type { Readable } from 'stream';\nexport const handler = (): string => format('x');", ['util']],
      ['index.mjs', "import pad from 'left-pad';\nimport cp from 'child_process';\nexport const handler = 1;", []],
    ])('%s: %s', (fileName, code, expected) => {
      expect(files(fileName, code)).toEqual(expected);
    });

    it('sends them all when a require has a computed name', () => {
      expect(files('index.js', "const m = 'fs';\nconst fs = require(m);\nexports.handler = 1;")).toEqual(expect.arrayContaining(['buffer', 'crypto', 'fs', 'zlib']));
    });

    it('gives import.meta as the worker provides it', () => {
      const out = compileHandler('index.mjs', 'export const handler = async () => import.meta.url;');
      expect(out.ok && out.js).toContain('__playgroundImportMeta.url');
    });
  });
});
