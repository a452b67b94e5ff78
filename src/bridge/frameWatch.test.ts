import { describe, expect, it } from 'vitest';
import { FrameWatch, type Pingable } from './frameWatch';

/** A frame whose renderer answers pings at once until it dies. */
class FakeFrame implements Pingable {
  dead = false;
  starting = false;
  pings = 0;
  ping(): Promise<unknown> {
    this.pings++;
    return this.dead ? new Promise(() => undefined) : Promise.resolve(0);
  }
  busy(): boolean {
    return this.starting;
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Tick every `everyMs` on a fake clock until `until`; the time the frame was declared dead, or null. */
async function run(watch: FrameWatch<FakeFrame>, frame: FakeFrame, clock: { t: number }, until: number, everyMs = 100): Promise<number | null> {
  while (clock.t < until) {
    clock.t += everyMs;
    if (watch.tick([frame]).includes(frame)) return clock.t;
    await flush();
  }
  return null;
}

describe('FrameWatch notices a dead sandbox renderer fast, and only a dead one', () => {
  it('declares a frame dead within about 2 s of its renderer dying', async () => {
    const clock = { t: 0 };
    const watch = new FrameWatch<FakeFrame>({ now: () => clock.t });
    const frame = new FakeFrame();
    expect(await run(watch, frame, clock, 2000)).toBeNull();
    frame.dead = true;
    const diedAt = clock.t;
    const declared = await run(watch, frame, clock, diedAt + 5000);
    expect(declared).not.toBeNull();
    expect((declared ?? Infinity) - diedAt).toBeGreaterThan(1500);
    expect((declared ?? Infinity) - diedAt).toBeLessThanOrEqual(2200);
  });

  it('allows a renderer that has been answering slowly (a loaded machine) proportionally longer', async () => {
    const clock = { t: 0 };
    const watch = new FrameWatch<FakeFrame>({ now: () => clock.t });
    const frame = new FakeFrame();
    // Each answer takes 800 ms.
    frame.ping = () => {
      frame.pings++;
      if (frame.dead) return new Promise(() => undefined);
      const due = clock.t + 800;
      return new Promise((resolve) => {
        const wait = (): void => void (clock.t >= due ? resolve(0) : setImmediate(wait));
        wait();
      });
    };
    expect(await run(watch, frame, clock, 3000)).toBeNull();
    frame.dead = true;
    const diedAt = clock.t;
    const declared = (await run(watch, frame, clock, diedAt + 10_000)) ?? Infinity;
    expect(declared - diedAt).toBeGreaterThan(2500);
    expect(declared - diedAt).toBeLessThanOrEqual(8200);
  });

  it('gives a frame busy starting workers longer', async () => {
    const clock = { t: 0 };
    const watch = new FrameWatch<FakeFrame>({ now: () => clock.t });
    const frame = new FakeFrame();
    frame.dead = true; // silent, as a busy frame is for a while
    frame.starting = true;
    expect(await run(watch, frame, clock, 7000)).toBeNull();
    frame.starting = false;
    expect(await run(watch, frame, clock, 10_000)).not.toBeNull();
  });

  it('does not blame a frame for the app thread having been stalled', async () => {
    const clock = { t: 0 };
    const watch = new FrameWatch<FakeFrame>({ now: () => clock.t });
    const frame = new FakeFrame();
    frame.dead = true;
    watch.tick([frame]);
    clock.t += 3000; // the app's thread was busy for 3 s: the tick comes late
    expect(watch.tick([frame])).toEqual([]);
  });

  it('keeps one ping outstanding per frame, and forgets silence across a pause', async () => {
    const clock = { t: 0 };
    const watch = new FrameWatch<FakeFrame>({ now: () => clock.t });
    const frame = new FakeFrame();
    frame.dead = true;
    for (let i = 0; i < 4; i++) {
      clock.t += 100;
      watch.tick([frame]);
    }
    expect(frame.pings).toBe(1);
    watch.pause();
    clock.t += 100;
    expect(watch.tick([frame])).toEqual([]);
  });
});
