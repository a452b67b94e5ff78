import type { EventBridge } from '../../core/sources/eventBridge';
import type { HttpTrigger } from '../../core/sources/httpTrigger';
import type { S3Bucket } from '../../core/sources/s3Bucket';
import type { SnsTopic } from '../../core/sources/snsTopic';
import { usePlayground } from '../../state/playgroundStore';
import { sourceById, useSources, type TriggerEntry } from '../../state/sourcesStore';
import { EVENTBRIDGE_ID } from '../../state/triggerFactories';
import { EventBridgeView } from './EventBridgeView';
import { HttpRequestPanel } from './HttpRequestPanel';
import { S3BucketView } from './S3BucketView';
import { SnsTopicView } from './SnsTopicView';
import { SqsTriggerView } from './SqsTriggerView';
import { StreamTriggerView } from './StreamTriggerView';

let ruleNumber = 1;

/** A trigger's source, shown with its own view and wired to the store's actions. */
export function TriggerView({ trigger }: { trigger: TriggerEntry }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const functionName = usePlayground((s) => s.config.name);
  const id = trigger.sourceId;
  switch (trigger.kind) {
    case 'http': {
      const source = sourceById<HttpTrigger>(id);
      if (!source) return null;
      return <HttpRequestPanel view={source.view()} onSend={(r) => act(id, (out) => source.send(r, out))} onFormatChange={(f) => act(id, (out) => source.setFormat(f, out))} />;
    }
    case 's3': {
      const source = sourceById<S3Bucket>(id);
      if (!source) return null;
      return (
        <S3BucketView
          view={source.view()}
          onPut={(key, bytes, type) => act(id, (out) => source.putObject(key, bytes, type, out))}
          onPutText={(key, text) => act(id, (out) => source.putText(key, text, out))}
          onDelete={(key) => act(id, (out) => source.deleteObject(key, out))}
        />
      );
    }
    case 'sns': {
      const source = sourceById<SnsTopic>(id);
      if (!source) return null;
      return <SnsTopicView view={source.view()} onPublish={(input) => act(id, (out) => source.publish(input, out))} />;
    }
    case 'eventbridge': {
      const bus = sourceById<EventBridge>(EVENTBRIDGE_ID);
      if (!bus) return null;
      return (
        <EventBridgeView
          view={bus.view()}
          onAddSchedule={(expression, enabled) =>
            act(id, (out) => bus.addSchedule({ name: `${functionName}-schedule-${ruleNumber++}`, expression, functionName, enabled }, out))
          }
          onRemoveSchedule={(name) => act(id, (out) => bus.removeSchedule(name, out))}
          onToggleSchedule={(name, enabled) => act(id, (out) => bus.setScheduleEnabled(name, enabled, out))}
          onAddRule={(name, pattern) => act(id, (out) => bus.addRule({ name, pattern, functionName }, out))}
          onPutEvents={(entry) => act(id, (out) => bus.putEvents([entry], out))}
        />
      );
    }
    case 'sqs':
      return <SqsTriggerView sourceId={id} />;
    case 'dynamodb':
    case 'kinesis':
      return <StreamTriggerView sourceId={id} />;
  }
}
