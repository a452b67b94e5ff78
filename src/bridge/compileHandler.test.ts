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
    expect(compileHandler('index.js', cjs)).toEqual({ ok: true, js: cjs, esm: false });
    expect(compileHandler('index.cjs', cjs)).toEqual({ ok: true, js: cjs, esm: false });
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
    expect(out.error.trace[1]).toMatch(/at \/var\/task\/index\.mjs:2:\d+/);
  });
});
