import { describe, expect, it } from 'vitest';
import { firstTraceLink, traceParts } from './traceLinks';

describe('trace links', () => {
  it("cuts a trace line into text and a link to the handler's file", () => {
    expect(traceParts('    at handler (file:///var/task/index.mjs:7:11)', 'index.mjs')).toEqual([
      '    at handler (',
      { text: 'file:///var/task/index.mjs:7:11', line: 7, column: 11 },
      ')',
    ]);
    expect(traceParts('"    at /var/task/index.js:3:5"', 'index.js')[1]).toEqual({ text: '/var/task/index.js:3:5', line: 3, column: 5 });
  });

  it("leaves other files' places as text", () => {
    expect(traceParts('at /var/task/lib.mjs:1:1', 'index.mjs')).toEqual(['at /var/task/lib.mjs:1:1']);
    expect(traceParts('no place here', 'index.mjs')).toEqual(['no place here']);
  });

  it('finds the frame that threw, for TypeScript under either name', () => {
    expect(firstTraceLink(['Error: x', '    at h (file:///var/task/index.ts:4:2)', '    at g (file:///var/task/index.ts:9:1)'], 'index.ts')).toEqual({ text: 'file:///var/task/index.ts:4:2', line: 4, column: 2 });
    expect(firstTraceLink(['Error: x', '    at /var/task/index.js:2:2'], 'index.ts')?.line).toBe(2);
    expect(firstTraceLink(['Error: x'], 'index.ts')).toBeNull();
  });
});
