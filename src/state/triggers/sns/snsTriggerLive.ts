import { SnsTopic } from '../../../core/sources/snsTopic';
import { sourceById, sourceContext, useSources } from '../../sourcesStore';
import { actNow, registerOrTarget, sourceIdFor, triggerKindLive } from '../triggerKindLive';

export const snsTriggerLive = triggerKindLive({
  type: 'sns',
  choices: [
    {
      choice: 'sns',
      label: 'SNS topic',
      nameLabel: 'Topic name',
      namePlaceholder: 'my-topic',
      hint: 'Asynchronous. Name a topic that exists to subscribe this function too (fan-out).',
      add(functionName, options) {
        const topicName = options.name || 'my-topic';
        const id = sourceIdFor('sns', topicName);
        registerOrTarget('sns', id, functionName, () => new SnsTopic(sourceContext, { id, topicName }));
        return actNow(id, (out) => (sourceById<SnsTopic>(id) as SnsTopic).subscribe(functionName, undefined, out));
      },
    },
  ],
  capture(entry) {
    const v = sourceById<SnsTopic>(entry.sourceId)?.view();
    return v ? { type: 'sns', topic: v.topicName, subscriptions: v.subscriptions.map((s) => ({ function: s.functionName, filterPolicy: s.filterPolicy })) } : null;
  },
  restore(t) {
    const sourceId = sourceIdFor('sns', t.topic);
    const topic = new SnsTopic(sourceContext, { id: sourceId, topicName: t.topic });
    useSources.getState().register({ sourceId, kind: 'sns', functionNames: [...new Set(t.subscriptions.map((s) => s.function))] }, topic);
    let problem: string | null = null;
    for (const s of t.subscriptions) problem ??= actNow(sourceId, (out) => topic.subscribe(s.function, s.filterPolicy ?? undefined, out));
    return problem;
  },
});
