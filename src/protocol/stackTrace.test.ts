import { transform } from 'sucrase';
import { describe, expect, it } from 'vitest';
import { lineMapOf, sourcePosition, userStack, userTrace, type TraceSource } from './stackTrace';

const esm: TraceSource = { scriptUrl: 'file:///var/task/index.mjs', shownAs: 'file:///var/task/index.mjs', firstLineOffset: 10 };

describe('userTrace', () => {
  it("keeps the message and the handler's frames, and drops the runtime's blob: frames", () => {
    const stack = [
      'Error: boom',
      '    at handler (file:///var/task/index.mjs:3:9)',
      '    at invokeHandler (blob:http://localhost:5173/0b7c-11:120:33)',
      '    at new Promise (<anonymous>)',
      '    at blob:http://localhost:5173/0b7c-11:4:1',
    ];
    expect(userTrace(stack, esm)).toEqual(['Error: boom', '    at handler (file:///var/task/index.mjs:3:9)']);
  });

  it("keeps V8's built-in frames only between the handler's frames", () => {
    const stack = [
      'SyntaxError: Unexpected token',
      '    at JSON.parse (<anonymous>)',
      '    at parse (file:///var/task/index.mjs:2:15)',
      '    at Array.map (<anonymous>)',
      '    at handler (file:///var/task/index.mjs:5:20)',
      '    at new Promise (<anonymous>)',
    ];
    expect(userTrace(stack, esm)).toEqual([
      'SyntaxError: Unexpected token',
      '    at parse (file:///var/task/index.mjs:2:15)',
      '    at Array.map (<anonymous>)',
      '    at handler (file:///var/task/index.mjs:5:20)',
    ]);
  });

  it('names a CommonJS file as Node does (a path) and takes the wrapper off line 1', () => {
    const cjs: TraceSource = { scriptUrl: 'file:///var/task/index.js', shownAs: '/var/task/index.js', firstLineOffset: 40 };
    expect(userStack('Error: x\n    at file:///var/task/index.js:1:47', cjs)).toBe('Error: x\n    at /var/task/index.js:1:7');
  });

  it('keeps a multi-line message whole', () => {
    expect(userTrace(['Error: line one', 'line two', '    at blob:x:1:1'], esm)).toEqual(['Error: line one', 'line two']);
  });
});

describe('source maps', () => {
  it("maps a TypeScript position back to the editor's column through Sucrase's map (lines are kept)", () => {
    const ts = "import { readFileSync } from 'node:fs';\nexport const handler = async (event: { name: string }): Promise<string> => {\n  const n: number = 1; throw new Error(event.name + n);\n};";
    const out = transform(ts, { transforms: ['typescript', 'imports'], filePath: 'index.ts', sourceMapOptions: { compiledFilename: 'index.ts' } });
    expect(out.code.split('\n').length).toBeGreaterThanOrEqual(ts.split('\n').length);
    const map = lineMapOf(out.sourceMap?.mappings ?? '');
    const generatedLine = out.code.split('\n')[2] ?? '';
    const generatedColumn = generatedLine.indexOf('throw') + 1;
    const sourceColumn = (ts.split('\n')[2] ?? '').indexOf('throw') + 1;
    expect(generatedColumn).not.toBe(sourceColumn);
    const src: TraceSource = { scriptUrl: 'file:///var/task/index.js', shownAs: 'file:///var/task/index.ts', firstLineOffset: 0, lineMap: map };
    expect(sourcePosition(src, 3, generatedColumn)).toEqual({ line: 3, column: sourceColumn });
  });
});
