import { DEFAULT_SCENARIO, type Scenario, type SimSourceSpec } from './scenario';

/**
 * A backlog for a source in the simulation: 1,000 arrivals at once, 2 s
 * handlers, no init time, a 3 s timeout, 10 simulated minutes (the run goes
 * on until the backlog is drained).
 */
export function backlogScenario(source: SimSourceSpec, over: Partial<Scenario> = {}): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    durationS: 600,
    traffic: { kind: 'burst', count: 1000 },
    duration: { model: 'fixed', ms: 2000 },
    initDuration: { model: 'fixed', ms: 0 },
    function: { ...DEFAULT_SCENARIO.function, timeoutS: 3 },
    source,
    ...over,
  };
}
