import { s } from '../../schema/builders';
import { isObject } from '../../schema/schema';
import { parseFilterPolicy, type SnsFilterPolicy } from '../../sources/snsTopic';
import { pascalCase } from '../../workspace/exportLayout';
import { ref, type YamlMap } from '../../workspace/yamlEmitter';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';

/** What SNS would accept on subscribe (snsTopic.ts), nothing more. */
const filterPolicy = s.json<SnsFilterPolicy>().refine((v) => {
  if (!isObject(v)) return 'expected an object';
  const parsed = parseFilterPolicy(v);
  return parsed.ok ? null : parsed.message.replace('Invalid parameter: FilterPolicy: ', '');
});

/** A topic and its subscriptions (fan-out to several functions). */
export const snsTriggerKind = triggerKind({
  type: 'sns',
  shape: {
    topic: s.string(256),
    subscriptions: s.array(s.object({ function: s.string(FUNCTION_NAME_MAX), filterPolicy: s.nullable(filterPolicy).default(null) })).default([]),
  },
  functions: (t) => t.subscriptions.map((x) => x.function),
  sam(t, out) {
    const topic = out.resource(`${pascalCase(t.topic, 'Playground')}Topic`, `SNS topic ${t.topic}`, { Type: 'AWS::SNS::Topic' }, { kind: 'topics', name: t.topic });
    for (const sub of t.subscriptions) {
      // JSON values are YAML nodes.
      out.event(sub.function, `${topic}Messages`, { Type: 'SNS', Properties: { Topic: ref(topic), FilterPolicy: (sub.filterPolicy as YamlMap | null) ?? undefined } });
    }
  },
});
