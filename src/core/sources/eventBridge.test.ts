import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { PlatformClock } from '../platformClock';
import { createRandom } from '../random';
import { EventBridge, eventTime, validateRuleName, type PutEventsEntry } from './eventBridge';
import type { SourceCommand } from './sourceTypes';

const ms = (iso: string): number => Date.parse(iso);
const T0 = ms('2026-01-01T12:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type Invoke = Extract<SourceCommand, { type: 'invoke' }>;

/**
 * An EventBridge with a stand-in for the source hub: timers (platform time)
 * kept by id, fired in time order as the real clock moves. The source reads
 * platform time, which runs `scale` times faster (nothing executes here).
 */
function harness(scale = 1, seed = 7) {
  const clock = new ManualClock(T0);
  const platform = new PlatformClock(clock, scale);
  const eb = new EventBridge(
    { clock: platform, random: createRandom(seed), region: 'us-east-1', accountId: '123456789012', waitScale: () => platform.waitScale() },
    { id: 'eb', busName: 'orders' },
  );
  const timers = new Map<string, number>();
  const invokes: Invoke[] = [];
  const logs: string[] = [];
  const carry = (out: SourceCommand[]): void => {
    for (const c of out) {
      if (c.type === 'setTimer') timers.set(c.timerId, c.atMs);
      else if (c.type === 'clearTimer') timers.delete(c.timerId);
      else if (c.type === 'invoke') invokes.push(c);
      else if (c.type === 'log') logs.push(c.text);
    }
  };
  const act = <R>(f: (out: SourceCommand[]) => R): R => {
    const out: SourceCommand[] = [];
    const r = f(out);
    carry(out);
    return r;
  };
  /** Move the real clock to `t`, firing every timer due on the way, at its (platform) time. */
  const runUntil = (t: number): void => {
    for (;;) {
      const until = platform.now() + (t - clock.now()) * platform.rate();
      const due = [...timers].filter(([, at]) => at <= until).sort((a, b) => a[1] - b[1])[0];
      if (!due) break;
      timers.delete(due[0]);
      clock.set(clock.now() + platform.realDelayUntil(due[1]));
      act((out) => eb.onTimer(due[0], out));
    }
    clock.set(t);
  };
  const events = (): EventBridgeEvent<string, unknown>[] => invokes.map((i) => JSON.parse(i.payload) as EventBridgeEvent<string, unknown>);
  return { eb, clock, platform, timers, invokes, logs, act, runUntil, events, setScale: (x: number) => platform.setScale(x) };
}

describe('scheduled rules', () => {
  it('rate(1 minute) in real time: a Scheduled Event every minute, invoked asynchronously', () => {
    const h = harness();
    expect(h.act((out) => h.eb.addSchedule({ name: 'every-minute', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out))).toEqual({ ok: true });
    expect(h.timers.get('schedule/every-minute')).toBe(T0 + 60_000);
    h.runUntil(T0 + 3.5 * 60_000);
    expect(h.invokes.map((i) => [i.functionName, i.invocationType])).toEqual([['fn', 'Event'], ['fn', 'Event'], ['fn', 'Event']]);
    const [first] = h.events();
    const expected = {
      version: '0',
      id: first?.id ?? '',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2026-01-01T12:01:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/every-minute'],
      detail: {},
    } satisfies EventBridgeEvent<'Scheduled Event', Record<string, never>>;
    expect(first).toEqual(expected);
    expect(Object.keys(first ?? {})).toEqual(Object.keys(expected));
    expect(first?.id).toMatch(UUID);
    expect(h.events().map((e) => e.time)).toEqual(['2026-01-01T12:01:00Z', '2026-01-01T12:02:00Z', '2026-01-01T12:03:00Z']);
    expect(new Set(h.events().map((e) => e.id)).size).toBe(3);
    expect(h.eb.view().schedules[0]?.fired).toBe(3);
  });

  it('rate(1 minute) at 60× (nothing executing): fires every real second, with the platform time in the event', () => {
    const h = harness(60);
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    h.runUntil(T0 + 3500);
    expect(h.events().map((e) => e.time)).toEqual(['2026-01-01T12:01:00Z', '2026-01-01T12:02:00Z', '2026-01-01T12:03:00Z']);
    const view = h.eb.view();
    expect(view.schedules[0]?.next).toEqual([ms('2026-01-01T12:04:00Z'), ms('2026-01-01T12:05:00Z'), ms('2026-01-01T12:06:00Z')]);
    expect(view.waitScale).toBe(60);
    expect(view.scaleNote).toMatch(/60× faster.*while no handler runs.*1 minute in 1 s/);
  });

  it('cron at 60×: UTC times in platform time', () => {
    const h = harness(60);
    h.clock.set(T0 + 500);
    h.act((out) => h.eb.addSchedule({ name: 'c', expression: 'cron(0/5 * * * ? *)', functionName: 'fn', enabled: true }, out));
    // platform 12:00:30 → 12:05:00 is 270 platform s = 4.5 real s away
    expect(h.timers.get('schedule/c')).toBe(ms('2026-01-01T12:05:00Z'));
    expect(h.platform.realDelayUntil(ms('2026-01-01T12:05:00Z'))).toBe(4500);
    h.runUntil(T0 + 10_500);
    expect(h.events().map((e) => e.time)).toEqual(['2026-01-01T12:05:00Z', '2026-01-01T12:10:00Z']);
  });

  it('a change of scale takes effect at that moment, without a jump: the timer stays put in platform time', () => {
    const h = harness(1);
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    h.runUntil(T0 + 30_000);
    h.setScale(60);
    h.act((out) => h.eb.onWaitScaleChanged(out));
    // platform 12:00:30 at real 12:00:30; the 12:01:00 firing is 30 platform s = 0.5 real s away
    expect(h.timers.get('schedule/r')).toBe(T0 + 60_000);
    expect(h.platform.realDelayUntil(T0 + 60_000)).toBe(500);
    h.runUntil(T0 + 31_600);
    expect(h.events().map((e) => e.time)).toEqual(['2026-01-01T12:01:00Z', '2026-01-01T12:02:00Z']);
  });

  it('a change of scale applies to every schedule at once (the clock is shared)', () => {
    const h = harness(60);
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    h.clock.set(T0 + 500);
    h.setScale(600);
    h.runUntil(T0 + 1000);
    // 0.5 s at 60× (30 s) then 0.5 s at 600× (300 s): platform 12:05:30
    expect(h.events().map((e) => e.time)).toEqual(['12:01', '12:02', '12:03', '12:04', '12:05'].map((t) => `2026-01-01T${t}:00Z`));
    expect(h.timers.get('schedule/r')).toBe(T0 + 360_000);
  });

  it('while a handler executes, platform time runs at real speed: a schedule cannot outrun it', () => {
    const h = harness(60);
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    h.runUntil(T0 + 1000);
    expect(h.events()).toHaveLength(1);
    h.platform.begin(); // the first tick's invocation runs for 5 real seconds
    h.runUntil(T0 + 6000);
    expect(h.events()).toHaveLength(1);
    h.platform.end();
    h.runUntil(T0 + 6000 + 1000 * (55 / 60) - 1);
    expect(h.events()).toHaveLength(1);
    h.runUntil(T0 + 6000 + 1000 * (55 / 60) + 1);
    expect(h.events()).toHaveLength(2);
  });

  it('disabled schedules do not fire; a rate counts again from re-enabling', () => {
    const h = harness();
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: false }, out));
    expect(h.timers.size).toBe(0);
    expect(h.eb.view().schedules[0]?.next).toEqual([]);
    h.runUntil(T0 + 310_000);
    expect(h.invokes).toHaveLength(0);
    h.act((out) => h.eb.setScheduleEnabled('r', true, out));
    expect(h.timers.get('schedule/r')).toBe(T0 + 370_000);
    h.act((out) => h.eb.setScheduleEnabled('r', false, out));
    expect(h.timers.size).toBe(0);
    expect(h.act((out) => h.eb.setScheduleEnabled('nope', true, out))).toEqual({ ok: false, code: 'ResourceNotFoundException', message: 'Rule nope does not exist.' });
  });

  it('removing a schedule clears its timer; adding one of the same name replaces it', () => {
    const h = harness();
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(5 minutes)', functionName: 'other', enabled: true }, out));
    expect(h.eb.view().schedules.map((s) => [s.expression, s.functionName])).toEqual([['rate(5 minutes)', 'other']]);
    expect(h.timers.get('schedule/r')).toBe(T0 + 300_000);
    expect(h.act((out) => h.eb.removeSchedule('r', out))).toEqual({ ok: true });
    expect(h.timers.size).toBe(0);
    expect(h.eb.view().schedules).toEqual([]);
  });

  it('late timers: missed occurrences fire on wake-up, at most 20, and the rest are skipped', () => {
    const h = harness(60);
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    h.clock.set(T0 + 5500);
    h.act((out) => h.eb.onTimer('schedule/r', out));
    expect(h.events().map((e) => e.time)).toEqual(['12:01', '12:02', '12:03', '12:04', '12:05'].map((t) => `2026-01-01T${t}:00Z`));
    expect(h.timers.get('schedule/r')).toBe(T0 + 360_000);
    h.clock.set(T0 + 60_000);
    h.act((out) => h.eb.onTimer('schedule/r', out));
    expect(h.invokes).toHaveLength(25);
    expect(h.logs.some((l) => /timers ran late; occurrences up to 2026-01-01T13:00:00Z were skipped/.test(l))).toBe(true);
    expect(h.timers.get('schedule/r')).toBe(T0 + 3_660_000);
  });

  it('a fire time beyond the reach of setTimeout is approached by re-arming', () => {
    const h = harness();
    h.act((out) => h.eb.addSchedule({ name: 'y', expression: 'cron(0 0 1 1 ? 2030)', functionName: 'fn', enabled: true }, out));
    const limit = T0 + 2 ** 31 - 1;
    expect(h.timers.get('schedule/y')).toBe(limit);
    h.clock.set(limit);
    h.act((out) => h.eb.onTimer('schedule/y', out));
    expect(h.invokes).toHaveLength(0);
    expect(h.timers.get('schedule/y')).toBe(limit + 2 ** 31 - 1);
    expect(h.eb.view().schedules[0]?.next[0]).toBe(ms('2030-01-01T00:00:00Z'));
  });

  it('an expression that never fires again has no timer and no next time', () => {
    const h = harness();
    h.act((out) => h.eb.addSchedule({ name: 'past', expression: 'cron(0 0 1 1 ? 2020)', functionName: 'fn', enabled: true }, out));
    expect(h.timers.size).toBe(0);
    expect(h.eb.view().schedules[0]?.next).toEqual([]);
  });

  it('refuses bad input with AWS wording, and keeps it in the view until an action succeeds', () => {
    const h = harness();
    const bad = h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minutes)', functionName: 'fn', enabled: true }, out));
    expect(bad).toEqual({ ok: false, code: 'ValidationException', message: expect.stringMatching(/^Parameter ScheduleExpression is not valid\. rate: a value of 1 takes the singular unit/) });
    expect(h.eb.view().lastError).toMatch(/^ValidationException: Parameter ScheduleExpression is not valid\./);
    expect(h.act((out) => h.eb.addSchedule({ name: 'bad name', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out))).toMatchObject({ ok: false, code: 'ValidationException' });
    expect(h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: ' ', enabled: true }, out))).toMatchObject({ ok: false, message: 'A target function is required.' });
    h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
    expect(h.eb.view().lastError).toBeNull();
    expect(h.eb.view().schedules).toHaveLength(1);
  });
});

describe('pattern rules and PutEvents', () => {
  const order: PutEventsEntry = { source: 'com.example.orders', detailType: 'Order Placed', detail: '{"total":250,"items":[{"sku":"A-1"}]}' };

  function withRules() {
    const h = harness();
    h.act((out) => h.eb.addRule({ name: 'big-orders', pattern: '{"source":["com.example.orders"],"detail":{"total":[{"numeric":[">",100]}]}}', functionName: 'audit' }, out));
    h.act((out) => h.eb.addRule({ name: 'placed', pattern: '{"detail-type":["Order Placed"]}', functionName: 'mailer' }, out));
    h.act((out) => h.eb.addRule({ name: 'a1', pattern: '{"detail":{"items":{"sku":[{"prefix":"B-"}]}}}', functionName: 'restock' }, out));
    return h;
  }

  it('delivers each event to every matching rule, asynchronously, in EventBridge shape', () => {
    const h = withRules();
    const result = h.act((out) => h.eb.putEvents([{ ...order, resources: ['arn:aws:s3:::orders'] }], out));
    expect(result).toEqual({ ok: true, failedEntryCount: 0, entries: [{ ok: true, eventId: expect.stringMatching(UUID), source: order.source, detailType: order.detailType, matchedRules: ['big-orders', 'placed'] }] });
    expect(h.invokes.map((i) => [i.functionName, i.invocationType])).toEqual([['audit', 'Event'], ['mailer', 'Event']]);
    const [event] = h.events();
    const expected = {
      version: '0', id: result.ok && result.entries[0]?.ok ? result.entries[0].eventId : '', 'detail-type': 'Order Placed', source: 'com.example.orders',
      account: '123456789012', time: '2026-01-01T12:00:00Z', region: 'us-east-1', resources: ['arn:aws:s3:::orders'], detail: { total: 250, items: [{ sku: 'A-1' }] },
    } satisfies EventBridgeEvent<'Order Placed', { total: number; items: { sku: string }[] }>;
    expect(event).toEqual(expected);
    expect(Object.keys(event ?? {})).toEqual(Object.keys(expected));
    expect(h.invokes[0]?.payload).toBe(h.invokes[1]?.payload);
    const view = h.eb.view();
    expect(view.rules.map((r) => [r.name, r.arn, r.matched])).toEqual([
      ['big-orders', 'arn:aws:events:us-east-1:123456789012:rule/orders/big-orders', 1],
      ['placed', 'arn:aws:events:us-east-1:123456789012:rule/orders/placed', 1],
      ['a1', 'arn:aws:events:us-east-1:123456789012:rule/orders/a1', 0],
    ]);
    expect(view.busArn).toBe('arn:aws:events:us-east-1:123456789012:event-bus/orders');
    expect(view.putEvents[0]?.result).toBe(result);
    expect(view.deliveries.map((d) => [d.rule, d.kind, d.status])).toEqual([['placed', 'pattern', 'sent'], ['big-orders', 'pattern', 'sent']]);
  });

  it('fails bad entries one by one, as PutEvents does, and still sends the good ones', () => {
    const h = withRules();
    const result = h.act((out) =>
      h.eb.putEvents([
        { ...order, source: '' },
        { ...order, detailType: '' },
        { ...order, detail: '' },
        { ...order, detail: '[1,2]' },
        { ...order, detail: '{"total": 5' },
        { ...order, detail: '"text"' },
        { source: 'other', detailType: 'Nothing', detail: '{}' },
      ], out),
    );
    if (!result.ok) throw new Error('expected per-entry results');
    expect(result.failedEntryCount).toBe(6);
    expect(result.entries.map((e) => (e.ok ? `ok ${e.matchedRules.join(',')}` : `${e.errorCode}: ${e.errorMessage}`))).toEqual([
      'InvalidArgument: Parameter Source is not valid. Reason: Source is a required argument.',
      'InvalidArgument: Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      'InvalidArgument: Parameter Detail is not valid. Reason: Detail is a required argument.',
      'MalformedDetail: Detail is malformed.',
      'MalformedDetail: Detail is malformed.',
      'MalformedDetail: Detail is malformed.',
      'ok ',
    ]);
    expect(h.invokes).toHaveLength(0);
  });

  it('refuses a whole call of more than 10 entries, none, or over 256 KB', () => {
    const h = withRules();
    const eleven = h.act((out) => h.eb.putEvents(Array.from({ length: 11 }, () => order), out));
    expect(eleven).toEqual({ ok: false, code: 'ValidationException', message: expect.stringContaining('Member must have length less than or equal to 10') });
    expect(h.act((out) => h.eb.putEvents([], out))).toMatchObject({ ok: false, message: expect.stringContaining('greater than or equal to 1') });
    const big = `{"x":"${'a'.repeat(256 * 1024)}"}`;
    expect(h.act((out) => h.eb.putEvents([{ ...order, detail: big }], out))).toEqual({ ok: false, code: 'ValidationException', message: 'Total size of the entries in the request is over the limit.' });
    const justFits = `{"x":"${'a'.repeat(256 * 1024 - 8 - order.source.length - order.detailType.length)}"}`;
    expect(h.act((out) => h.eb.putEvents([{ ...order, detail: justFits }], out)).ok).toBe(true);
    expect(h.invokes.map((i) => i.functionName)).toEqual(['mailer']);
    expect(h.eb.view().lastError).toBeNull();
  });

  it('rejects an invalid pattern with InvalidEventPatternException', () => {
    const h = harness();
    expect(h.act((out) => h.eb.addRule({ name: 'r', pattern: '{"source":"aws.ec2"}', functionName: 'fn' }, out))).toEqual({
      ok: false, code: 'InvalidEventPatternException', message: 'Event pattern is not valid. Reason: "source" must be an object or an array',
    });
    expect(h.act((out) => h.eb.removeRule('r', out))).toMatchObject({ ok: false, code: 'ResourceNotFoundException' });
  });

  it('records what Lambda answered for each delivery', () => {
    const h = withRules();
    h.act((out) => h.eb.putEvents([order], out));
    const [audit, mailer] = h.invokes;
    h.act((out) => h.eb.onResult(audit?.invocationId ?? '', { kind: 'accepted' }, out));
    h.act((out) => h.eb.onResult(mailer?.invocationId ?? '', { kind: 'rejected', statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate exceeded', trace: [] } }, out));
    expect(h.eb.view().deliveries.map((d) => [d.functionName, d.status, d.detail])).toEqual([['mailer', 'rejected', '429 TooManyRequestsException'], ['audit', 'accepted', undefined]]);
    expect(h.logs.some((l) => l.includes('Lambda refused the event from rule placed'))).toBe(true);
  });
});

describe('helpers and determinism', () => {
  it('formats event time to the second, as AWS does', () => {
    expect(eventTime(ms('2026-01-01T12:00:00.999Z'))).toBe('2026-01-01T12:00:00Z');
  });

  it('validates rule names as PutRule does', () => {
    expect(validateRuleName('my-rule_1.x')).toBeNull();
    expect(validateRuleName('a'.repeat(64))).toBeNull();
    expect(validateRuleName('a'.repeat(65))).toMatch(/failed to satisfy constraint/);
    expect(validateRuleName('')).toMatch(/failed to satisfy constraint/);
    expect(validateRuleName('has space')).toMatch(/failed to satisfy constraint/);
  });

  it('keeps the same view object until something changes', () => {
    const h = harness();
    const v = h.eb.view();
    expect(h.eb.view()).toBe(v);
    h.setScale(10);
    expect(h.eb.view()).not.toBe(v);
  });

  it('gives the same ids for the same seed', () => {
    const run = () => {
      const h = harness(60, 42);
      h.act((out) => h.eb.addSchedule({ name: 'r', expression: 'rate(1 minute)', functionName: 'fn', enabled: true }, out));
      h.runUntil(T0 + 2000);
      return h.events().map((e) => e.id);
    };
    expect(run()).toEqual(run());
  });
});
