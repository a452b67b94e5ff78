import { EventBridge } from '../../../core/sources/eventBridge';
import { sourceById, sourceContext, useSources } from '../../sourcesStore';
import { actNow, registerOrTarget, triggerKindLive, type TriggerChoiceSpec } from '../triggerKindLive';

/** The one EventBridge of the workspace: the default bus for schedules, a custom bus for rules. */
import { EVENTBRIDGE_ID } from './eventBridgeId';

export { EVENTBRIDGE_ID, waitScaleChanged } from './eventBridgeId';
let ruleNumber = 1;

/** A name for a new schedule or rule of the function, unique in the workspace. */
export const nextRuleName = (functionName: string, what: 'schedule' | 'rule'): string => `${functionName}-${what}-${ruleNumber++}`;

function theBus(functionName: string): EventBridge {
  registerOrTarget('eventbridge', EVENTBRIDGE_ID, functionName, () => new EventBridge(sourceContext, { id: EVENTBRIDGE_ID, busName: 'playground-bus' }));
  return sourceById<EventBridge>(EVENTBRIDGE_ID) as EventBridge;
}

const schedule: TriggerChoiceSpec = {
  choice: 'schedule',
  label: 'EventBridge schedule',
  detailLabel: 'Schedule expression',
  detailPlaceholder: 'rate(1 minute)',
  hint: 'rate() or six-field cron(), in UTC. Asynchronous.',
  add(functionName, options) {
    const bus = theBus(functionName);
    const expression = options.detail || 'rate(1 minute)';
    return actNow(EVENTBRIDGE_ID, (out) => bus.addSchedule({ name: nextRuleName(functionName, 'schedule'), expression, functionName, enabled: true }, out));
  },
};

const rule: TriggerChoiceSpec = {
  choice: 'rule',
  label: 'EventBridge rule (custom bus)',
  detailLabel: 'Event pattern',
  detailPlaceholder: '{"source":["my.app"]}',
  hint: 'Events put on the bus that match the pattern invoke the function asynchronously.',
  add(functionName, options) {
    const bus = theBus(functionName);
    const pattern = options.detail || '{"source":["my.app"]}';
    return actNow(EVENTBRIDGE_ID, (out) => bus.addRule({ name: nextRuleName(functionName, 'rule'), pattern, functionName }, out));
  },
};

export const eventBridgeTriggerLive = triggerKindLive({
  type: 'eventbridge',
  choices: [schedule, rule],
  capture(entry) {
    const v = sourceById<EventBridge>(entry.sourceId)?.view();
    if (!v) return null;
    return {
      type: 'eventbridge',
      bus: v.busName,
      schedules: v.schedules.map((s) => ({ name: s.name, expression: s.expression, function: s.functionName, enabled: s.enabled })),
      rules: v.rules.map((r) => ({ name: r.name, pattern: r.patternText, function: r.functionName })),
    };
  },
  restore(t) {
    const store = useSources.getState();
    const functions = [...new Set([...t.schedules.map((s) => s.function), ...t.rules.map((r) => r.function)])];
    // The one bus of the workspace, the one the views and "Add trigger" use.
    if (sourceById(EVENTBRIDGE_ID)) for (const f of functions) store.addTarget(EVENTBRIDGE_ID, f);
    else store.register({ sourceId: EVENTBRIDGE_ID, kind: 'eventbridge', functionNames: functions }, new EventBridge(sourceContext, { id: EVENTBRIDGE_ID, busName: t.bus }));
    const bus = sourceById<EventBridge>(EVENTBRIDGE_ID)!;
    let problem: string | null = null;
    for (const s of t.schedules) problem ??= actNow(EVENTBRIDGE_ID, (out) => bus.addSchedule({ name: s.name, expression: s.expression, functionName: s.function, enabled: s.enabled }, out));
    for (const r of t.rules) problem ??= actNow(EVENTBRIDGE_ID, (out) => bus.addRule({ name: r.name, pattern: r.pattern, functionName: r.function }, out));
    return problem;
  },
});

/** The scale of platform waits changed: the EventBridge view's note says so (the clock itself is the workspace's PlatformClock). */
