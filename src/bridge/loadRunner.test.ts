import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadRunner, type LoadProgress } from './loadRunner';

/** A clock and timer queue that move only when told, and can be made late on purpose. */
class FakeScheduler {
  time = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  readonly delays: number[] = [];

  now = (): number => this.time;
  schedule = (fn: () => void, ms: number): unknown => {
    this.delays.push(ms);
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  cancel = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  /** Moves the clock to `to`, firing every timer due on the way, each at its own time. */
  advanceTo(to: number): void {
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= to && (!first || entry[1].at < first[1].at)) first = entry;
      if (!first) break;
      this.timers.delete(first[0]);
      this.time = Math.max(this.time, first[1].at);
      first[1].fn();
    }
    this.time = to;
  }

  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  /** The thread was busy: time passes and no timer fires. */
  jank(ms: number): void {
    this.time += ms;
  }
}

function setup(arrivals: number[], extra: { durationMs?: number; tickMs?: number; send?: (i: number) => void } = {}) {
  const clock = new FakeScheduler();
  clock.time = 5_000; // the runner must measure from its own start, not from 0
  const sent: { index: number; at: number }[] = [];
  const reports: LoadProgress[] = [];
  const runner = new LoadRunner({
    arrivals: Float64Array.from(arrivals),
    send: extra.send ?? ((index) => sent.push({ index, at: clock.time - 5_000 })),
    onProgress: (p) => reports.push(p),
    now: clock.now,
    schedule: clock.schedule,
    cancel: clock.cancel,
    ...(extra.durationMs === undefined ? {} : { durationMs: extra.durationMs }),
    ...(extra.tickMs === undefined ? {} : { tickMs: extra.tickMs }),
  });
  const at = (ms: number): void => clock.advanceTo(5_000 + ms);
  return { clock, runner, sent, reports, at };
}

const every100 = Array.from({ length: 10 }, (_, i) => (i + 1) * 100);

describe('LoadRunner: sending on time', () => {
  it('sends each arrival when its offset is due, and finishes after the last', () => {
    const { runner, sent, at, clock } = setup(every100);
    expect(runner.state).toBe('idle');
    runner.start();
    expect(runner.state).toBe('running');
    expect(sent).toEqual([]);
    at(99);
    expect(sent).toEqual([]);
    at(100);
    expect(sent).toEqual([{ index: 0, at: 100 }]);
    at(450);
    expect(sent.map((s) => s.at)).toEqual([100, 200, 300, 400]);
    at(1000);
    expect(sent.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sent.map((s) => s.at)).toEqual(every100);
    expect(runner.state).toBe('finished');
    expect(clock.pending).toBe(0);
  });

  it('sends what is due at 0 at once, inside start()', () => {
    const { runner, sent, clock } = setup([0, 0, 0, 2]);
    runner.start();
    expect(sent.map((s) => s.index)).toEqual([0, 1, 2]);
    clock.advance(2);
    expect(runner.state).toBe('finished');
    expect(sent).toHaveLength(4);
  });

  it('wakes at least every tick (10 ms by default, or tickMs), sooner when the next arrival is sooner', () => {
    const a = setup([0, 5_000]);
    a.runner.start();
    a.at(5_000);
    expect(Math.max(...a.clock.delays)).toBe(10);
    const b = setup([3, 5_000], { tickMs: 25 });
    b.runner.start();
    expect(b.clock.delays[0]).toBe(3);
    b.at(5_000);
    expect(Math.max(...b.clock.delays)).toBe(25);
    expect(b.sent.map((s) => s.at)).toEqual([3, 5_000]);
  });

  it('never drifts: after a late timer it catches up from the absolute start', () => {
    const { runner, sent, at, clock } = setup(every100);
    runner.start();
    at(150);
    clock.jank(400); // the thread was busy until 550
    expect(sent).toHaveLength(1);
    clock.advance(0.5); // the overdue timer fires
    expect(sent.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    at(600);
    expect(sent.at(-1)).toEqual({ index: 5, at: 600 });
    at(1000);
    expect(sent.slice(5).map((s) => s.at)).toEqual([600, 700, 800, 900, 1000]);
  });

  it('with no arrivals, finishes at once', () => {
    const { runner, reports, clock } = setup([]);
    runner.start();
    expect(runner.state).toBe('finished');
    expect(reports.at(-1)).toEqual({ sent: 0, total: 0, elapsedMs: 0, durationMs: 0, state: 'finished' });
    expect(clock.pending).toBe(0);
  });
});

describe('LoadRunner: pause, resume, stop', () => {
  it('pause holds the schedule; resume shifts what remains by the pause', () => {
    const { runner, sent, at } = setup(every100);
    runner.start();
    at(350);
    runner.pause();
    expect(runner.state).toBe('paused');
    expect(sent).toHaveLength(3);
    at(1350);
    expect(sent).toHaveLength(3);
    expect(runner.progress.elapsedMs).toBe(350);
    runner.resume();
    expect(runner.state).toBe('running');
    at(1399);
    expect(sent).toHaveLength(3);
    at(2350);
    expect(sent.map((s) => s.at)).toEqual([100, 200, 300, 1400, 1500, 1600, 1700, 1800, 1900, 2000]);
    expect(runner.state).toBe('finished');
    expect(runner.progress.elapsedMs).toBe(1000);
  });

  it('pause first sends what was already due', () => {
    const { runner, sent, at, clock } = setup(every100);
    runner.start();
    at(50);
    clock.jank(200); // 250: 100 and 200 are due, no timer has fired
    runner.pause();
    expect(sent.map((s) => s.index)).toEqual([0, 1]);
    expect(runner.progress).toMatchObject({ sent: 2, elapsedMs: 250, state: 'paused' });
  });

  it('pausing twice adds both pauses', () => {
    const { runner, sent, at } = setup(every100);
    runner.start();
    at(100);
    runner.pause();
    at(600);
    runner.resume();
    at(650);
    runner.pause();
    at(1650);
    runner.resume();
    at(2000);
    expect(sent.map((s) => s.at)).toEqual([100, 1700, 1800, 1900, 2000]);
  });

  it('stop halts: nothing more is sent, no timer is left, and it cannot start again', () => {
    const { runner, sent, at, clock } = setup(every100);
    runner.start();
    at(250);
    runner.stop();
    expect(runner.state).toBe('stopped');
    expect(clock.pending).toBe(0);
    at(5_000);
    runner.start();
    runner.resume();
    expect(sent).toHaveLength(2);
    expect(runner.progress).toEqual({ sent: 2, total: 10, elapsedMs: 250, durationMs: 1000, state: 'stopped' });
  });

  it('stop while paused, and stop from idle', () => {
    const a = setup(every100);
    a.runner.start();
    a.at(150);
    a.runner.pause();
    a.runner.stop();
    expect(a.runner.state).toBe('stopped');
    const b = setup(every100);
    b.runner.stop();
    expect(b.runner.state).toBe('stopped');
    b.runner.start();
    expect(b.sent).toEqual([]);
  });

  it('pause, resume and stop do nothing once finished', () => {
    const { runner, at } = setup([10]);
    runner.start();
    at(10);
    expect(runner.state).toBe('finished');
    runner.pause();
    runner.resume();
    runner.stop();
    expect(runner.state).toBe('finished');
  });

  it('a send may stop the run', () => {
    const indices: number[] = [];
    let runner: LoadRunner | null = null;
    const s = setup([0, 0, 0, 10], { send: (i) => { indices.push(i); if (i === 1) runner?.stop(); } });
    runner = s.runner;
    runner.start();
    s.at(100);
    expect(indices).toEqual([0, 1]);
    expect(runner.state).toBe('stopped');
  });

  it('a send that throws is not sent again, and the run goes on', () => {
    const indices: number[] = [];
    const s = setup([0, 10, 20], { send: (i) => { indices.push(i); if (i === 1) throw new Error('boom'); } });
    s.runner.start();
    expect(() => s.at(10)).toThrow('boom');
    s.at(20);
    expect(indices).toEqual([0, 1, 2]);
    expect(s.runner.state).toBe('finished');
  });
});

describe('LoadRunner: progress', () => {
  it('reports at most 10 times a second, plus each change of state', () => {
    const arrivals = Array.from({ length: 2000 }, (_, i) => i); // one every ms for 2 s
    const { runner, reports, at } = setup(arrivals, { durationMs: 2_000 });
    runner.start();
    at(2_000);
    const running = reports.filter((r) => r.state === 'running');
    for (let i = 1; i < running.length; i++) expect(running[i]!.elapsedMs - running[i - 1]!.elapsedMs).toBeGreaterThanOrEqual(100);
    expect(running.length).toBeLessThanOrEqual(21);
    expect(reports[0]).toEqual({ sent: 1, total: 2000, elapsedMs: 0, durationMs: 2_000, state: 'running' });
    expect(reports.at(-1)).toEqual({ sent: 2000, total: 2000, elapsedMs: 1999, durationMs: 2_000, state: 'finished' });
  });

  it('reports pause, resume and stop at once', () => {
    const { runner, reports, at } = setup(every100);
    runner.start();
    at(10);
    runner.pause();
    runner.resume();
    runner.stop();
    expect(reports.map((r) => r.state)).toEqual(['running', 'paused', 'running', 'stopped']);
    expect(reports.every((r) => r.durationMs === 1000 && r.total === 10)).toBe(true);
  });
});

describe('LoadRunner with the real timer functions (vitest fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uses setTimeout and performance.now by default', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const sent: number[] = [];
    const runner = new LoadRunner({ arrivals: Float64Array.from([0, 50, 100, 1000]), send: (i) => sent.push(i) });
    runner.start();
    expect(sent).toEqual([0]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([0, 1, 2]);
    runner.pause();
    vi.advanceTimersByTime(5_000);
    runner.resume();
    vi.advanceTimersByTime(899);
    expect(sent).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([0, 1, 2, 3]);
    expect(runner.state).toBe('finished');
    expect(vi.getTimerCount()).toBe(0);
  });
});
