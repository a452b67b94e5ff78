import { describe, expect, it } from 'vitest';
import { PythonEnvironment, PythonInitError } from './pythonEnvironment.test-support';

const texts = (logs: { text: string }[]) => logs.map((l) => l.text);
const code = (...lines: string[]) => lines.join('\n');

async function initError(source: string, handler?: string): Promise<PythonInitError> {
  const started = await PythonEnvironment.start(source, handler ? { handler } : {}).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(started instanceof PythonInitError)) throw new Error('Init did not fail');
  return started;
}

describe('the Python runtime (Pyodide), as Lambda’s Python runtime behaves', () => {
  it('keeps module state between invocations, logs as Lambda does, and gives the context’s fields', async () => {
    const env = await PythonEnvironment.start(
      code(
        'import logging, os, json',
        'logger = logging.getLogger()',
        'logger.setLevel(logging.INFO)',
        'count = 0',
        "print('init')",
        'def lambda_handler(event, context):',
        '    global count',
        '    count += 1',
        "    logger.info('n=%d', count)",
        "    logging.debug('hidden')",
        "    print('two\\nlines')",
        "    return {'count': count, 'id': context.aws_request_id, 'arn': context.invoked_function_arn, 'mem': context.memory_limit_in_mb,",
        "            'version': context.function_version, 'left': context.get_remaining_time_in_millis(), 'trace': os.environ.get('_X_AMZN_TRACE_ID'),",
        "            'path': __import__('sys').path[0], 'cwd': os.getcwd(), 'name': os.environ['AWS_LAMBDA_FUNCTION_NAME']}",
      ),
    );
    expect(texts(env.take())).toEqual(['init']);
    // A deadline a minute away: the remaining time counts down from it, however long a loaded machine takes to get there.
    const first = await env.invoke({}, { deadlineMs: Date.now() + 60_000 });
    expect(first.result).toMatchObject({ count: 1, id: 'req-1', arn: 'arn:aws:lambda:us-east-1:123456789012:function:corpus', mem: '128', version: '$LATEST', path: '/var/task', cwd: '/var/task', name: 'corpus' });
    expect((first.result as { left: number }).left).toBeGreaterThan(30_000);
    expect((first.result as { left: number }).left).toBeLessThanOrEqual(60_000);
    expect((first.result as { trace: string }).trace).toMatch(/^Root=1-/);
    const [info, ...printed] = texts(first.logs);
    expect(info).toMatch(/^\[INFO\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\treq-1\tn=1$/);
    expect(printed).toEqual(['two', 'lines']);
    expect((await env.invoke({})).result).toMatchObject({ count: 2 });
  });

  it('a handler’s exception: Lambda’s Python error body, and `[ERROR] Type: message` with the traceback as one log event', async () => {
    const env = await PythonEnvironment.start(code('def helper(x):', "    raise KeyError(x)", '', 'def lambda_handler(event, context):', "    return helper('sku')"));
    const { outcome, logs } = await env.invoke({});
    expect(outcome).toEqual({
      kind: 'error',
      error: {
        errorType: 'KeyError',
        errorMessage: "'sku'",
        requestId: 'req-1',
        trace: [
          '  File "/var/task/lambda_function.py", line 5, in lambda_handler\n    return helper(\'sku\')\n',
          '  File "/var/task/lambda_function.py", line 2, in helper\n    raise KeyError(x)\n',
        ],
      },
    });
    expect(texts(logs)).toEqual([
      [
        "[ERROR] KeyError: 'sku'",
        'Traceback (most recent call last):',
        '  File "/var/task/lambda_function.py", line 5, in lambda_handler',
        "    return helper('sku')",
        '  File "/var/task/lambda_function.py", line 2, in helper',
        '    raise KeyError(x)',
      ].join('\n'),
    ]);
  });

  it.each([
    ['a set', 'return {1, 2}', 'Unable to marshal response: Object of type set is not JSON serializable'],
    ['a datetime', 'import datetime; return {"at": datetime.datetime(2026, 1, 1)}', 'Unable to marshal response: Object of type datetime is not JSON serializable'],
  ])('returning %s is Runtime.MarshalError', async (_, body, message) => {
    const env = await PythonEnvironment.start(`def lambda_handler(event, context):\n    ${body}\n`);
    expect((await env.invoke({})).outcome).toEqual({ kind: 'error', error: { errorType: 'Runtime.MarshalError', errorMessage: message, requestId: 'req-1', trace: [] } });
  });

  it('marshals Decimals as numbers and keeps non-ASCII text', async () => {
    const env = await PythonEnvironment.start(code('from decimal import Decimal', 'def lambda_handler(event, context):', "    return {'price': Decimal('9.5'), 'name': 'café'}"));
    expect((await env.invoke({})).outcome).toEqual({ kind: 'success', payload: '{"price": 9.5, "name": "café"}' });
  });

  it.each([
    ['a missing module', code('import requests', 'def lambda_handler(e, c):', '    return 1'), 'Runtime.ImportModuleError', "Unable to import module 'lambda_function': No module named 'requests'"],
    ['a syntax error', code('def lambda_handler(e, c)', '    return 1'), 'Runtime.UserCodeSyntaxError', "Syntax error in module 'lambda_function': expected ':' (lambda_function.py, line 1)"],
    ['an exception at import', code("raise RuntimeError('no config')"), 'RuntimeError', 'no config'],
  ])('%s fails Init with Lambda’s error and an [ERROR] log event', async (_, source, errorType, errorMessage) => {
    const failed = await initError(source);
    expect(failed.wire).toMatchObject({ errorType, errorMessage, requestId: '' });
    expect(texts(failed.logs)[0]).toMatch(new RegExp(`^\\[ERROR\\] ${errorType.replace('.', '\\.')}: `));
    expect(texts(failed.logs)[0]).toContain('Traceback (most recent call last):');
  });

  it('a handler name the module lacks: Init succeeds, every invocation is Runtime.HandlerNotFound', async () => {
    const env = await PythonEnvironment.start('def main(e, c):\n    return 1\n');
    const { outcome } = await env.invoke({});
    expect(outcome).toEqual({ kind: 'error', error: { errorType: 'Runtime.HandlerNotFound', errorMessage: "Handler 'lambda_handler' missing on module 'lambda_function'", requestId: 'req-1', trace: [] } });
  });

  it('sys.exit ends the runtime’s process with its status', async () => {
    const env = await PythonEnvironment.start(code('import sys', 'def lambda_handler(e, c):', '    sys.exit(3)'));
    const { outcome } = await env.invoke({});
    expect(outcome).toMatchObject({ kind: 'fatal', exitStatus: 3 });
  });

  it('JSON log format: logging records are JSON objects with the request id', async () => {
    const env = await PythonEnvironment.start(code('import logging', 'def lambda_handler(e, c):', "    logging.getLogger('orders').info('placed %s', 'o-1')", '    return 1'), {
      variables: { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'INFO' },
    });
    const [line] = texts((await env.invoke({})).logs);
    expect(JSON.parse(line!)).toMatchObject({ level: 'INFO', message: 'placed o-1', logger: 'orders', requestId: 'req-1' });
  });

  it('SnapStart: a snapshot’s Init and every restore from it make the same “random” state; hooks run in Lambda’s order', async () => {
    const source = code(
      'import random, uuid',
      'from snapshot_restore_py import register_before_snapshot, register_after_restore',
      'TOKEN = random.random()',
      'ID = str(uuid.uuid4())',
      'events = []',
      "print('init ran')",
      '@register_before_snapshot',
      'def first():',
      "    events.append('before 1')",
      'def second(tag):',
      "    events.append('before ' + tag)",
      "register_before_snapshot(second, '2')",
      '@register_after_restore',
      'def fresh():',
      "    events.append('after')",
      "    print('after restore')",
      'def lambda_handler(event, context):',
      "    return {'token': TOKEN, 'id': ID, 'events': events, 'now': random.random()}",
    );
    const snapshot = await PythonEnvironment.start(source, { snapStart: { phase: 'snapshot', seed: 42 } });
    const taken = (await snapshot.invoke({})).result as { token: number; id: string; events: string[] };
    expect(taken.events).toEqual(['before 2', 'before 1']);
    const restored = await Promise.all([1, 2].map(() => PythonEnvironment.start(source, { snapStart: { phase: 'restore', seed: 42 } })));
    expect(texts(restored[0]!.take())).toEqual(['after restore']);
    const answers = (await Promise.all(restored.map((env) => env.invoke({})))).map((r) => r.result as { token: number; id: string; events: string[] });
    for (const a of answers) {
      expect(a).toMatchObject({ token: taken.token, id: taken.id, events: ['after'] });
    }
    // The replayed Init's output was logged at publish, not again; the hooks' output is the restore's.
    expect(restored[0]!.restoredAfter?.map((l) => l.text)).toEqual(['init ran']);
    const other = await PythonEnvironment.start(source, { snapStart: { phase: 'restore', seed: 7 } });
    expect(((await other.invoke({})).result as { token: number }).token).not.toBe(taken.token);
  });

  it('a layer’s /opt/python module is importable, and /opt/python/lib/python3.13/site-packages too', async () => {
    const env = await PythonEnvironment.start(code('import greet, shout', 'def lambda_handler(event, context):', "    return greet.hello('Ada') + shout.LOUD"), {
      layerFiles: [
        { path: '/opt/python/greet.py', content: "def hello(name):\n    return 'Hello, ' + name\n" },
        { path: '/opt/python/lib/python3.13/site-packages/shout.py', content: "LOUD = '!'\n" },
      ],
    });
    expect((await env.invoke({})).result).toBe('Hello, Ada!');
  });

  it('time.sleep waits, and the environment counts that time as waiting, not CPU', async () => {
    const env = await PythonEnvironment.start(code('import time', 'def lambda_handler(event, context):', '    t = time.time()', '    time.sleep(0.2)', '    return time.time() - t'));
    const waited = (await env.invoke({})).result as number;
    expect(waited).toBeGreaterThanOrEqual(0.19);
    expect(env.sleptMs).toBeGreaterThanOrEqual(195);
  });
});
