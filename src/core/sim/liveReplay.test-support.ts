/**
 * Live mode, replayed in virtual time for the live-versus-simulated test:
 * the full platform model (not lean), driven the way LiveDriver drives it,
 * with what real workers and real timers add (browser-limits.md):
 * - a new environment's worker starts and runs Init in about 8.5 ms
 *   (median), 14 ms at the 99th percentile (lognormal);
 * - each message between the app and a worker takes 0.1–0.6 ms;
 * - a handler that sleeps N ms with setTimeout measures N plus 0–4 ms
 *   (timers fire late), and so do the platform's own timers;
 * - the app never accepts a Duration longer than it saw elapse.
 * What comes out is folded by the same SimMetrics the simulation uses, and
 * the records are kept (as the run recorder keeps them) for the profiled
 * duration model.
 */
import { ManualClock } from '../clock';
import type { InvocationRecord } from '../invocationRecord';
import { arrivalTimes, type LoadPlan } from '../loadPattern';
import { Platform } from '../platform';
import type { PlatformCommand, PlatformEvent } from '../platformTypes';
import { createRandom } from '../random';
import { EventQueue } from './eventQueue';
import type { Scenario } from './scenario';
import { SIM_START_MS } from './scenario';
import { configOf, settingsOf } from './scenarioPlatform';
import { SimMetrics } from './simMetrics';
import type { TimerId } from '../timerKey';

const FEED = 1;
const TIMER = 2;

export interface LiveReplay {
  metrics: SimMetrics;
  records: InvocationRecord[];
}

/** `workerInitMs`: the median of a worker's start plus Init (8.5 ms for the example's tiny module). */
export function replayLive(plan: LoadPlan, scenario: Scenario, handlerMs: number, seed = 1, workerInitMs = 8.5): LiveReplay {
  const clock = new ManualClock(SIM_START_MS);
  const jitter = createRandom(seed);
  const platform = new Platform({ clock, random: createRandom(seed + 1), config: configOf(scenario), settings: settingsOf(scenario) });
  const endMs = SIM_START_MS + plan.durationS * 1000;
  const metrics = new SimMetrics(SIM_START_MS, endMs, 1000);
  const records: InvocationRecord[] = [];
  const queue = new EventQueue();
  const pending = new Map<number, PlatformEvent>();
  const timers = new Map<string, number>();
  let nextEvent = 0;

  const message = (): number => 0.1 + 0.5 * jitter.next();
  const late = (): number => 4 * jitter.next();
  const z = (): number => Math.sqrt(-2 * Math.log(1 - jitter.next())) * Math.cos(2 * Math.PI * jitter.next());
  const workerInit = (): number => workerInitMs * Math.exp(0.2145 * z());
  const later = (atMs: number, event: PlatformEvent): void => {
    const id = nextEvent++;
    pending.set(id, event);
    queue.push(atMs, FEED, null, null, id);
  };

  const feed = (event: PlatformEvent): void => {
    for (const c of platform.handle(event)) run(c);
  };
  const run = (c: PlatformCommand): void => {
    const now = clock.now();
    switch (c.type) {
      case 'startEnvironment': {
        const initMs = workerInit();
        later(now + message() + initMs + message(), { type: 'initDone', envId: c.spec.envId, initDurationMs: initMs, logs: [] });
        break;
      }
      case 'invoke': {
        const measured = handlerMs + late();
        const doneAt = now + message() + measured + message();
        later(doneAt, { type: 'invokeDone', envId: c.envId, requestId: c.requestId, durationMs: Math.min(measured, doneAt - now), cpuMs: 0, outcome: { kind: 'success', payload: 'null' }, logs: [] });
        break;
      }
      case 'setTimer':
        if (timers.has(c.timerId)) queue.remove(timers.get(c.timerId) as number);
        timers.set(c.timerId, queue.push(Math.max(now, c.atMs) + late(), TIMER, c.timerId, null, 0));
        break;
      case 'clearTimer':
        if (timers.has(c.timerId)) queue.remove(timers.get(c.timerId) as number);
        timers.delete(c.timerId);
        break;
      case 'complete':
        records.push(c.record);
        metrics.complete(c.record, true);
        break;
      case 'notice':
        metrics.notice(c.notice, false);
        break;
      default:
        break;
    }
  };

  feed({ type: 'settings', settings: settingsOf(scenario) });
  const arrivals = arrivalTimes(plan);
  let i = 0;
  let ticket = 0;
  for (;;) {
    const arrival = i < arrivals.length ? SIM_START_MS + (arrivals[i] as number) : Infinity;
    const due = queue.peekTime();
    if (arrival === Infinity && (due === Infinity || (due > endMs && metrics.serving === 0))) break;
    if (arrival < due) {
      clock.set(arrival);
      metrics.arrival(arrival);
      feed({ type: 'invoke', ticket: ++ticket, payload: '{}' });
      i += 1;
      continue;
    }
    const slot = queue.pop();
    clock.set(Math.max(clock.now(), queue.time(slot)));
    if (queue.kind(slot) === TIMER) {
      const timerId = queue.a(slot) as TimerId;
      timers.delete(timerId);
      queue.release(slot);
      feed({ type: 'timer', timerId });
    } else {
      const id = queue.num(slot);
      queue.release(slot);
      const event = pending.get(id) as PlatformEvent;
      pending.delete(id);
      feed(event);
    }
  }
  metrics.advanceTo(endMs);
  return { metrics, records };
}
