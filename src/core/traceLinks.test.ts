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

  it('Python: traceback frames in lambda_function.py link to their lines, and the raise is the last frame', () => {
    const trace = ['  File "/var/task/lambda_function.py", line 5, in lambda_handler\n    return helper(1)\n', '  File "/var/task/lambda_function.py", line 2, in helper\n    raise KeyError(x)\n'];
    expect(traceParts(trace[0]!, 'lambda_function.py')).toEqual(['  ', { text: 'File "/var/task/lambda_function.py", line 5', line: 5, column: 1 }, ', in lambda_handler\n    return helper(1)\n']);
    expect(firstTraceLink(trace, 'lambda_function.py')).toMatchObject({ line: 2 });
    expect(firstTraceLink(['  File "/var/task/lambda_function.py" Line 3\n    def f(\n'], 'lambda_function.py')).toMatchObject({ line: 3 });
    expect(firstTraceLink(['  File "/opt/python/greet.py", line 1, in hello\n'], 'lambda_function.py')).toBeNull();
  });
});
