import { describe, expect, it } from 'vitest';
import { compileHandler } from './compileHandler';

const syntaxError = (fileName: string, code: string) => {
  const out = compileHandler(fileName, code);
  if (out.ok) throw new Error('expected a syntax error');
  return out.error;
};

describe("syntax errors in Node's words", () => {
  it('names the unexpected token and the place in the file', () => {
    const e = syntaxError('index.mjs', 'export const handler = async () => {\n  return { ok: true ;\n};');
    expect(e.errorMessage).toBe("SyntaxError: Unexpected token ';'");
    expect(e.trace).toEqual(["Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';'", '    at file:///var/task/index.mjs:2:21']);
  });

  it('words identifiers, the end of input and unterminated strings as V8 does', () => {
    expect(syntaxError('index.mjs', 'export const handler = async () => { return 1 foo; };').errorMessage).toBe("SyntaxError: Unexpected identifier 'foo'");
    expect(syntaxError('index.mjs', 'export const handler = async () => {').errorMessage).toBe('SyntaxError: Unexpected end of input');
    expect(syntaxError('index.mjs', "export const s = 'abc;\nexport const handler = 1;").errorMessage).toBe('SyntaxError: Invalid or unexpected token');
  });

  it('gives TypeScript errors the file in the editor', () => {
    expect(syntaxError('index.ts', 'export const handler = async (e: number => e;').trace[1]).toMatch(/^ {4}at file:\/\/\/var\/task\/index\.ts:1:\d+$/);
  });

  it('finds where CommonJS code fails, for the engine message that has no place', () => {
    const out = compileHandler('index.js', 'exports.handler = async () => {\n  return 1 +;\n};');
    expect(out.ok && out.syntaxAt).toEqual({ line: 2, column: 13, message: "Unexpected token ';'" });
    const fine = compileHandler('index.js', 'exports.handler = async () => 1;');
    expect(fine.ok && fine.syntaxAt).toBeUndefined();
  });
});
