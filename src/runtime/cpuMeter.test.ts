import { describe, expect, it } from 'vitest';
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
    const meter = new CpuMeter(() => performance.now());
    meter.reset();
    meter.taskStarted();
    spin(30);
    await sleep(100);
    const cpu = meter.read();
    // Counting the wait too would read 130 ms or more.
    expect(cpu).toBeGreaterThanOrEqual(29);
    expect(cpu).toBeLessThan(100);
  });

  it('counts timer callbacks of wrapped timers, and the microtasks they release', async () => {
    const scope: Record<string, unknown> = { setTimeout, setInterval };
    const meter = new CpuMeter(() => performance.now());
    meter.wrapTimers(scope);
    const wrappedTimeout = scope.setTimeout as typeof setTimeout;
    meter.reset();
    await new Promise<void>((resolve) =>
      wrappedTimeout(() => {
        spin(10);
        void Promise.resolve().then(() => {
          spin(10);
          resolve();
        });
      }, 40),
    );
    await sleep(40);
    const cpu = meter.read();
    // Counting the 40 ms before the timer and the 40 ms after would read 100 ms or more.
    expect(cpu).toBeGreaterThanOrEqual(19);
    expect(cpu).toBeLessThan(75);
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
