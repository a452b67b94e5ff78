import { EventBridge } from '../sources/eventBridge';
import type { SourceCommand, SourceContext } from '../sources/sourceTypes';
import { noAnswers } from './simSourceAnswers';
import type { SimEventBridgeFigures, SimEventBridgeSource, SimSourceAdapter } from './simSourceTypes';

/** Every event the traffic puts matches it. */
const ALL_EVENTS = '{"source":[{"prefix":""}]}';

/**
 * EventBridge (the live class): each arrival is a PutEvents entry on a
 * custom bus whose rule targets the function; the schedule, if any, is a
 * rule on the default bus. Both invoke the function asynchronously.
 */
export class SimEventBridgeAdapter implements SimSourceAdapter {
  readonly source: EventBridge;
  readonly figures: SimEventBridgeFigures = { kind: 'eventbridge', ...noAnswers(), eventsPut: 0, scheduledFires: 0 };

  constructor(
    private readonly spec: SimEventBridgeSource,
    ctx: SourceContext,
  ) {
    this.source = new EventBridge(ctx, { id: 'bus', busName: 'simulated' });
  }

  begin(out: SourceCommand[]): void {
    this.source.addRule({ name: 'traffic', pattern: ALL_EVENTS, functionName: 'simulated' }, out);
    if (this.spec.schedule !== null) this.source.addSchedule({ name: 'schedule', expression: this.spec.schedule, functionName: 'simulated', enabled: true }, out);
  }

  arrive(count: number, out: SourceCommand[]): void {
    // PutEvents takes up to 10 entries a call.
    for (let left = count; left > 0; left -= 10) {
      const n = Math.min(10, left);
      this.source.putEvents(Array.from({ length: n }, () => ({ source: 'simulation.traffic', detailType: 'Arrival', detail: '{}' })), out);
      this.figures.eventsPut += n;
    }
  }

  sample(_nowMs: number, final: boolean): void {
    if (!final) return;
    const schedule = this.source.view().schedules[0];
    this.figures.scheduledFires = schedule ? schedule.fired : 0;
  }
}
