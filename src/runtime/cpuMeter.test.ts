import { describe, expect, it, vi } from 'vitest';
import { CpuMeter } from './cpuMeter';

const spin = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('CpuMeter', () => {
  it('counts a busy task and not the waiting after it', async () => {
    // A clock the test moves: how late the end-of-task message arrives on a loaded machine cannot change the figure.
    let t = 1_000;
    const meter = new CpuMeter(() => t);
    meter.reset();
    meter.taskStarted();
    t += 30; // the task's own work
    expect(meter.read()).toBe(30); // still running: counted so far
    await vi.waitFor(() => expect(meter.taskOpen).toBe(false), { timeout: 10_000 });
    t += 100; // waiting, with no task running
    expect(meter.read()).toBe(30);
    meter.taskStarted();
    t += 5;
    expect(meter.read()).toBe(35);
  });

  it('on the real clock, a busy task is counted and the wait after it is not', async () => {
    const meter = new CpuMeter(() => performance.now());
    meter.reset();
    meter.taskStarted();
    spin(30);
    await vi.waitFor(() => expect(meter.taskOpen).toBe(false), { timeout: 10_000 });
    const afterTask = meter.read();
    await sleep(100);
    expect(afterTask).toBeGreaterThanOrEqual(29);
    // Nothing ran during the sleep: the reading has not moved (counting the wait would add 100 ms).
    expect(meter.read()).toBe(afterTask);
  });

  it('counts timer callbacks of wrapped timers, and the microtasks they release', async () => {
    let t = 1_000;
    const scope: Record<string, unknown> = { setTimeout, setInterval };
    const meter = new CpuMeter(() => t);
    meter.wrapTimers(scope);
    const wrappedTimeout = scope.setTimeout as typeof setTimeout;
    meter.reset();
    const fired = new Promise<void>((resolve) =>
      wrappedTimeout(() => {
        t += 10; // the callback's work
        void Promise.resolve().then(() => {
          t += 10; // the microtask it released
          resolve();
        });
      }, 5),
    );
    t += 40; // waiting for the timer
    await fired;
    await vi.waitFor(() => expect(meter.taskOpen).toBe(false), { timeout: 10_000 });
    t += 40; // waiting after it
    expect(meter.read()).toBe(20);
  });

  it('starts from zero at each reset', async () => {
    const meter = new CpuMeter(() => performance.now());
    meter.reset();
    meter.taskStarted();
    spin(15);
    await sleep(10);
    meter.reset();
    expect(meter.read()).toBeLessThan(1);
  });
});
