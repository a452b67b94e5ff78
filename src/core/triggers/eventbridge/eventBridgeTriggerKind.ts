import { s } from '../../schema/builders';
import { pascalCase } from '../../workspace/exportLayout';
import { getAtt, sub, type YamlMap } from '../../workspace/yamlEmitter';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';

/** The workspace's EventBridge: schedules on the default bus, rules on one custom bus. */
export const eventBridgeTriggerKind = triggerKind({
  type: 'eventbridge',
  shape: {
    bus: s.string(256).default('playground-bus'),
    schedules: s.array(s.object({ name: s.string(64), expression: s.string(256), function: s.string(FUNCTION_NAME_MAX), enabled: s.boolean().default(true) })).default([]),
    /** `pattern`: the event pattern as JSON text, as typed. */
    rules: s.array(s.object({ name: s.string(64), pattern: s.string(4096), function: s.string(FUNCTION_NAME_MAX) })).default([]),
  },
  functions: (t) => [...t.schedules.map((x) => x.function), ...t.rules.map((r) => r.function)],
  sam(t, out) {
    for (const x of t.schedules) {
      out.event(x.function, `${pascalCase(x.name, 'Rule')}Schedule`, {
        Type: 'Schedule',
        Properties: { Schedule: x.expression, Description: `Schedule ${x.name} of the playground`, Enabled: x.enabled ? undefined : false },
      });
    }
    if (t.rules.length === 0) return;
    const bus = out.resource(`${pascalCase(t.bus, 'Playground')}EventBus`, `custom event bus ${t.bus}`, {
      Type: 'AWS::Events::EventBus',
      Properties: { Name: sub(`\${AWS::StackName}-${t.bus.replace(/[^A-Za-z0-9._-]/g, '-')}`) },
    }, { kind: 'eventBuses', name: t.bus });
    for (const r of t.rules) {
      let pattern: unknown;
      try {
        pattern = JSON.parse(r.pattern);
      } catch {
        out.note(`The rule ${r.name} has an event pattern that is not JSON: left out.`);
        continue;
      }
      out.event(r.function, `${pascalCase(r.name, 'Rule')}Rule`, { Type: 'EventBridgeRule', Properties: { EventBusName: getAtt(bus, 'Name'), Pattern: pattern as YamlMap } });
    }
  },
});
