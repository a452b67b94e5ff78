import { describe, expect, it } from 'vitest';
import { toWireError } from './errors';
import { LogSink, logSettingsOf } from './logSink';

describe('LogSink: one console call is one log event', () => {
  it('keeps the newlines of a pretty-printed object in one Text event', () => {
    const sink = new LogSink('undefined');
    const fake = {} as Console;
    sink.patch(fake);
    sink.requestId = 'req-1';
    fake.log(JSON.stringify({ a: 1, b: [2] }, null, 2));
    const events = sink.take();
    expect(events).toHaveLength(1);
    const [time, id, level, message] = (events[0]?.text ?? '').split('\t');
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect([id, level]).toEqual(['req-1', 'INFO']);
    expect(message).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
  });
});

describe('LogSink: JSON format (AWS_LAMBDA_LOG_FORMAT=JSON)', () => {
  const jsonSink = (level = 'INFO'): { sink: LogSink; console: Console } => {
    const sink = new LogSink('undefined', logSettingsOf({ AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: level }));
    const c = {} as Console;
    sink.patch(c);
    return { sink, console: c };
  };

  it('writes {timestamp, level, requestId, message}, an object as structured JSON', () => {
    const { sink, console: c } = jsonSink();
    sink.requestId = 'req-2';
    c.info({ order: 7, items: ['a'] });
    c.warn('count: %d', 3);
    const [obj, text] = sink.take().map((e) => JSON.parse(e.text) as Record<string, unknown>);
    expect(obj).toEqual({ timestamp: expect.stringMatching(/Z$/), level: 'INFO', requestId: 'req-2', message: { order: 7, items: ['a'] } });
    expect(text).toMatchObject({ level: 'WARN', requestId: 'req-2', message: 'count: 3' });
  });

  it('has no requestId during Init, and an Error as errorType, errorMessage and stackTrace', () => {
    const { sink, console: c } = jsonSink();
    c.error('failed:', new TypeError('bad input'));
    const event = JSON.parse(sink.take()[0]?.text ?? '{}') as Record<string, unknown>;
    expect(event).not.toHaveProperty('requestId');
    expect(event).toMatchObject({ level: 'ERROR', errorType: 'TypeError', errorMessage: 'bad input' });
    expect((event.stackTrace as string[])[0]).toBe('TypeError: bad input');
    expect(event.message).toMatch(/^failed: TypeError: bad input/);
  });

  it('drops calls below the application log level', () => {
    const { sink, console: c } = jsonSink('WARN');
    c.trace('t');
    c.debug('d');
    c.info('i');
    c.log('l');
    c.warn('w');
    c.error('e');
    (c as unknown as { fatal(m: string): void }).fatal('f');
    expect(sink.take().map((e) => (JSON.parse(e.text) as { level: string }).level)).toEqual(['WARN', 'ERROR', 'FATAL']);
  });

  it('logs an invoke error with the error as the message', () => {
    const { sink } = jsonSink();
    sink.writeError('Invoke Error', { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom'] });
    expect(JSON.parse(sink.take()[0]?.text ?? '{}')).toMatchObject({ level: 'ERROR', message: { errorType: 'Error', errorMessage: 'boom', stackTrace: ['Error: boom'] } });
  });

  it('keeps Text (and no filtering) when the variables say nothing', () => {
    expect(logSettingsOf({})).toEqual({ json: false, minLevel: 'TRACE' });
  });
});

describe('a thrown value that is not an Error', () => {
  it("is reported as Node's runtime reports it: typeof, toString(), no trace", () => {
    expect(toWireError('oops')).toEqual({ errorType: 'string', errorMessage: 'oops', trace: [] });
    expect(toWireError({ a: 1 })).toEqual({ errorType: 'object', errorMessage: '[object Object]', trace: [] });
    expect(toWireError(42)).toEqual({ errorType: 'number', errorMessage: '42', trace: [] });
    expect(toWireError(null).errorType).toBe('handled');
  });
});

describe('Invoke Error for a thrown non-Error', () => {
  it('responds with typeof and toString(), and logs the value wrapped in an Error, as the runtime does', async () => {
    const { invokeHandler } = await import('./invokeHandler');
    const logs = new LogSink('undefined');
    logs.requestId = 'req-9';
    const outcome = await invokeHandler(async () => Promise.reject({ a: 1 }), {}, { awsRequestId: 'req-9' }, 'nodejs22.x', logs);
    expect(outcome).toEqual({ kind: 'error', error: { errorType: 'object', errorMessage: '[object Object]', trace: [] } });
    expect(logs.take().map((l) => l.text.split('\t').slice(1).join('\t'))).toEqual([
      'req-9\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"[object Object]","stack":["Error: [object Object]"]}',
    ]);
  });
});
