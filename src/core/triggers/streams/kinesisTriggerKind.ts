import { s } from '../../schema/builders';
import { pascalCase } from '../../workspace/exportLayout';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';
import { startingPositionSchema, streamEvent, streamSettingsSchema } from './streamSettingsSchema';

/** A Kinesis data stream, read by an event source mapping that invokes one function. */
export const kinesisTriggerKind = triggerKind({
  type: 'kinesis',
  shape: {
    stream: s.string(128),
    function: s.string(FUNCTION_NAME_MAX),
    shards: s.number().default(2),
    startingPosition: startingPositionSchema,
    settings: streamSettingsSchema,
  },
  functions: (t) => [t.function],
  sam(t, out) {
    const stream = out.resource(`${pascalCase(t.stream, 'Playground')}Stream`, `Kinesis stream ${t.stream}`, { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: t.shards } });
    streamEvent(out, t, 'Kinesis', stream);
  },
});
