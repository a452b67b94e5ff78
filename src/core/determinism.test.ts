import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { createRandom } from './random';
import { ScenarioDriver, type Step } from './scenario.test-support';
import { utf8Length } from './codec';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A busy little scenario: two concurrent colds, a warm reuse, a timeout, a reconfigure. */
const script: Step[] = [
  { invoke: '{}' },
  { invoke: '{"n":2}' },
  { initDone: 'env-1', ms: 120 },
  { initDone: 'env-2', ms: 80 },
  { invokeDone: 'env-1', ms: 10 },
  { invoke: '{"n":3}' },
  { advance: 3000 },
  { configure: { memoryMb: 256 } },
  { invoke: '{"n":4}' },
];

function fingerprint(seed: number): { requestIds: string[]; streams: string[]; summary: string[] } {
  const d = new ScenarioDriver({ seed });
  d.run(script);
  return {
    requestIds: d.commands('invoke').map((c) => c.requestId),
    streams: d.commands('startEnvironment').map((c) => c.spec.logStreamName),
    summary: d.summary(),
  };
}

describe('determinism', () => {
  it('the same seed gives the same request ids, log streams and timeline', () => {
    const a = fingerprint(42);
    expect(a.requestIds).toHaveLength(3);
    expect(a.streams).toHaveLength(3);
    expect(fingerprint(42)).toEqual(a);
  });

  it('a different seed gives different ids and streams', () => {
    const a = fingerprint(42);
    const b = fingerprint(43);
    expect(b.requestIds).not.toEqual(a.requestIds);
    expect(b.streams).not.toEqual(a.streams);
    expect(new Set([...a.requestIds, ...b.requestIds]).size).toBe(6);
  });

  it('ids and streams are well formed', () => {
    const { requestIds, streams } = fingerprint(7);
    for (const id of requestIds) expect(id).toMatch(UUID_V4);
    for (const s of streams) expect(s).toMatch(/^2025\/09\/01\/\[\$LATEST\][0-9a-f]{32}$/);
  });
});

describe('createRandom', () => {
  it('is a pure function of its seed', () => {
    const draw = (seed: number): string[] => {
      const r = createRandom(seed);
      return [String(r.next()), r.hex(13), r.uuid(), String(r.next())];
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(0)).not.toEqual(draw(2 ** 32 - 1));
  });

  it('treats seeds modulo 2^32', () => {
    expect(createRandom(2 ** 32 + 5).uuid()).toBe(createRandom(5).uuid());
    expect(createRandom(-1).uuid()).toBe(createRandom(2 ** 32 - 1).uuid());
  });

  it('uuid() is RFC 4122 version 4: 8-4-4-4-12 lowercase hex, version 4, variant 10xx', () => {
    const r = createRandom(2025);
    const ids = Array.from({ length: 2000 }, () => r.uuid());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
  });

  it('hex(n) gives exactly n lowercase hex digits, all of them in use', () => {
    const r = createRandom(3);
    for (const n of [0, 1, 7, 8, 9, 31, 32, 33, 100]) {
      const h = r.hex(n);
      expect(h).toHaveLength(n);
      expect(h).toMatch(/^[0-9a-f]*$/);
    }
    expect(new Set(r.hex(4000))).toEqual(new Set('0123456789abcdef'));
  });

  it('next() stays in [0, 1) and spreads evenly', () => {
    const r = createRandom(99);
    const xs = Array.from({ length: 20_000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const deciles = new Array<number>(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]! += 1;
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});

describe('ManualClock', () => {
  it('moves only when told', () => {
    const clock = new ManualClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(0.5);
    expect(clock.now()).toBe(1000.5);
    clock.set(5);
    expect(clock.now()).toBe(5);
    expect(new ManualClock().now()).toBe(0);
  });
});

describe('utf8Length matches Buffer.byteLength', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'hello, world {"a":1}\n\t~'],
    ['accented', 'café naïve Ångström'],
    ['2-byte boundary', '\u007f\u0080\u07ff\u0800'],
    ['CJK', '漢字かなカナ한국어'],
    ['emoji', '😀🚀'],
    ['emoji sequence', '👩‍👩‍👧 👍🏽 🇫🇷'],
    ['BMP edge', '\uffff\ue000'],
    ['mixed', 'a é 漢 😀 z'],
    ['lone high surrogate at the end', 'abc\ud800'],
    ['lone low surrogate', '\udc00x'],
    ['lone high surrogate before text', '\ud800é'],
    ['two high surrogates', '\ud800\ud800'],
    ['a lone high surrogate, then a pair', '\ud800\ud83d\ude00'],
    ['reversed pair', '\ude00\ud83d'],
  ])('%s', (_label, s) => {
    expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });
});
