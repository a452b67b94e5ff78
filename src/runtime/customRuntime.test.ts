import { describe, expect, it } from 'vitest';
import { CustomEnvironment, withCorpusRuntime } from './handlerCorpus.test-support';
import { runtimeExitError } from './customRuntime';

withCorpusRuntime();

const API = 'const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;\n';
const bootstrap = (code: string) => ({ fileName: 'bootstrap' as const, code: API + code });

describe('a custom runtime (provided.al2023): its bootstrap is the runtime', () => {
  it('a function without a bootstrap file fails Init with Runtime.InvalidEntrypoint, as Lambda says it', async () => {
    await expect(CustomEnvironment.start({ fileName: 'index.mjs', code: 'export const handler = () => 1;' })).rejects.toMatchObject({
      wire: { errorType: 'Runtime.InvalidEntrypoint', errorMessage: "Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]" },
    });
  });

  it('a bootstrap that reports an init error: Init fails with the error it posted, and its output before it is kept', async () => {
    const code = `console.log('reading config');\nawait fetch(\`\${api}/init/error\`, { method: 'POST', headers: { 'Lambda-Runtime-Function-Error-Type': 'Config.Missing' }, body: JSON.stringify({ errorMessage: 'TABLE is not set', errorType: 'Config.Missing' }) });\n`;
    await expect(CustomEnvironment.start(bootstrap(code))).rejects.toMatchObject({ wire: { errorType: 'Config.Missing', errorMessage: 'TABLE is not set' }, logs: [{ text: 'reading config' }] });
  });

  it.each([
    { case: 'throws before asking for an event: its process exits with status 1', code: "throw new Error('bad start');", status: 1 },
    { case: 'ends without ever asking for an event: its process exits with status 0', code: "console.log('done');", status: 0 },
    { case: 'calls process.exit(3): its process exits with that status', code: 'process.exit(3);', status: 3 },
  ])('a bootstrap that $case', async ({ code, status }) => {
    await expect(CustomEnvironment.start(bootstrap(code))).rejects.toMatchObject({ status });
  });

  it('a bootstrap that ends after one event: the invocation in hand fails as the runtime exiting', async () => {
    const code = `const next = await fetch(\`\${api}/invocation/next\`);\nconsole.log(next.headers.get('Lambda-Runtime-Aws-Request-Id'));\n`;
    const env = await CustomEnvironment.start(bootstrap(code));
    const inv = await env.invoke({});
    expect(inv.outcome).toMatchObject({ kind: 'fatal', exitStatus: 0 });
    expect(inv.logs.map((l) => l.text)).toEqual(['req-1']);
  });

  it.each([
    { status: 0, requestId: null, message: 'Error: Runtime exited without providing a reason' },
    { status: 1, requestId: null, message: 'Error: Runtime exited with error: exit status 1' },
    { status: 1, requestId: 'abc', message: 'RequestId: abc Error: Runtime exited with error: exit status 1' },
  ])("Lambda's words when the runtime's process ends: status $status, request $requestId", ({ status, requestId, message }) => {
    expect(runtimeExitError(status, requestId)).toEqual({ errorType: 'Runtime.ExitError', errorMessage: message, trace: [] });
  });
});
