import { pascalCase, uniqueId, type FunctionLayout } from './exportLayout';
import { getAtt, ref, sub, type YamlMap, type YamlNode } from './yamlEmitter';
import type { WorkspaceTrigger } from './workspaceTypes';

/**
 * Each trigger as SAM event sources on its functions, plus the resources
 * they need (AWS SAM specification, "EventSource" types Api, HttpApi, S3,
 * SQS, SNS, Schedule, EventBridgeRule, DynamoDB, Kinesis; function URLs are
 * the function's FunctionUrlConfig). Names of buckets, queues, topics,
 * tables and streams are left to CloudFormation, so the stack deploys in any
 * account; the playground's names are kept in comments.
 */
export interface TemplateParts {
  resources: YamlMap;
  /** Events per function logical ID. */
  events: Map<string, YamlMap>;
  /** Functions that get a function URL. */
  functionUrls: Set<string>;
  restApi: boolean;
  httpApi: boolean;
  /** What could not be exported, for the README. */
  notes: string[];
}

export function templateParts(triggers: readonly WorkspaceTrigger[], layout: readonly FunctionLayout[], taken: Set<string>): TemplateParts {
  const parts: TemplateParts = { resources: {}, events: new Map(), functionUrls: new Set(), restApi: false, httpApi: false, notes: [] };
  const byName = new Map(layout.map((l) => [l.fn.name, l.logicalId]));
  const eventIds = new Map<string, Set<string>>();
  let comments = 0;

  const addEvent = (functionName: string, base: string, event: YamlMap): void => {
    const fnId = byName.get(functionName);
    if (!fnId) {
      parts.notes.push(`A ${String(event.Type)} trigger names the function ${functionName}, which is not in the workspace: left out.`);
      return;
    }
    const ids = eventIds.get(fnId) ?? new Set<string>();
    eventIds.set(fnId, ids);
    const events = parts.events.get(fnId) ?? {};
    events[uniqueId(base, ids)] = event;
    parts.events.set(fnId, events);
  };
  const resource = (base: string, playgroundName: string, value: YamlMap): string => {
    const id = uniqueId(base, taken);
    parts.resources[`# ${++comments}`] = `${playgroundName} in the playground`;
    parts.resources[id] = value;
    return id;
  };

  for (const t of triggers) {
    switch (t.type) {
      case 'http':
        if (t.format === 'function-url') {
          const fnId = byName.get(t.function);
          if (fnId) parts.functionUrls.add(fnId);
        } else if (t.format === 'http-v2') {
          parts.httpApi = true;
          addEvent(t.function, 'HttpApi', { Type: 'HttpApi', Properties: { PayloadFormatVersion: '2.0' } });
        } else {
          parts.restApi = true;
          addEvent(t.function, 'RestApi', { Type: 'Api', Properties: { Path: '/{proxy+}', Method: 'ANY' } });
        }
        break;
      case 's3': {
        const bucket = resource(`${pascalCase(t.bucket, 'Playground')}Bucket`, `S3 bucket ${t.bucket}`, { Type: 'AWS::S3::Bucket' });
        for (const n of t.notifications) {
          const rules: YamlNode[] = [
            ...(n.prefix ? [{ Name: 'prefix', Value: n.prefix }] : []),
            ...(n.suffix ? [{ Name: 'suffix', Value: n.suffix }] : []),
          ];
          addEvent(n.function, `${bucket}Event`, {
            Type: 'S3',
            Properties: { Bucket: ref(bucket), Events: n.events, Filter: rules.length > 0 ? { S3Key: { Rules: rules } } : undefined },
          });
        }
        break;
      }
      case 'sqs': {
        const s = t.settings;
        const base = pascalCase(t.queue, 'Playground');
        const dlq = s.maxReceiveCount === null ? null : resource(`${base}DeadLetterQueue`, `dead-letter queue of ${t.queue}`, { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1_209_600 } });
        const queue = resource(`${base}Queue`, `SQS queue ${t.queue}`, {
          Type: 'AWS::SQS::Queue',
          Properties: {
            VisibilityTimeout: s.visibilityTimeoutS,
            RedrivePolicy: dlq === null ? undefined : { deadLetterTargetArn: getAtt(dlq, 'Arn'), maxReceiveCount: s.maxReceiveCount },
          },
        });
        addEvent(t.function, `${queue}Messages`, {
          Type: 'SQS',
          Properties: {
            Queue: getAtt(queue, 'Arn'),
            BatchSize: s.batchSize,
            MaximumBatchingWindowInSeconds: s.maximumBatchingWindowS > 0 ? s.maximumBatchingWindowS : undefined,
            FunctionResponseTypes: s.reportBatchItemFailures ? ['ReportBatchItemFailures'] : undefined,
            ScalingConfig: s.maximumConcurrency === null ? undefined : { MaximumConcurrency: s.maximumConcurrency },
            Enabled: s.enabled ? undefined : false,
          },
        });
        break;
      }
      case 'sns': {
        const topic = resource(`${pascalCase(t.topic, 'Playground')}Topic`, `SNS topic ${t.topic}`, { Type: 'AWS::SNS::Topic' });
        for (const s of t.subscriptions) {
          addEvent(s.function, `${topic}Messages`, { Type: 'SNS', Properties: { Topic: ref(topic), FilterPolicy: (s.filterPolicy as YamlMap | null) ?? undefined } }); // JSON values are YAML nodes
        }
        break;
      }
      case 'eventbridge': {
        for (const s of t.schedules) {
          addEvent(s.function, `${pascalCase(s.name, 'Rule')}Schedule`, {
            Type: 'Schedule',
            Properties: { Schedule: s.expression, Description: `Schedule ${s.name} of the playground`, Enabled: s.enabled ? undefined : false },
          });
        }
        if (t.rules.length === 0) break;
        const bus = resource(`${pascalCase(t.bus, 'Playground')}EventBus`, `custom event bus ${t.bus}`, {
          Type: 'AWS::Events::EventBus',
          Properties: { Name: sub(`\${AWS::StackName}-${t.bus.replace(/[^A-Za-z0-9._-]/g, '-')}`) },
        });
        for (const r of t.rules) {
          let pattern: unknown;
          try {
            pattern = JSON.parse(r.pattern);
          } catch {
            parts.notes.push(`The rule ${r.name} has an event pattern that is not JSON: left out.`);
            continue;
          }
          addEvent(r.function, `${pascalCase(r.name, 'Rule')}Rule`, { Type: 'EventBridgeRule', Properties: { EventBusName: getAtt(bus, 'Name'), Pattern: pattern as YamlMap } });
        }
        break;
      }
      case 'dynamodb':
      case 'kinesis': {
        const s = t.settings;
        let source: string;
        if (t.type === 'dynamodb') {
          const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
          source = resource(`${pascalCase(t.table, 'Playground')}Table`, `DynamoDB table ${t.table} (DynamoDB chooses its stream's shards)`, {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              BillingMode: 'PAY_PER_REQUEST',
              AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
              KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
              StreamSpecification: { StreamViewType: t.streamViewType },
            },
          });
        } else {
          source = resource(`${pascalCase(t.stream, 'Playground')}Stream`, `Kinesis stream ${t.stream}`, { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: t.shards } });
        }
        addEvent(t.function, `${source}Records`, {
          Type: t.type === 'dynamodb' ? 'DynamoDB' : 'Kinesis',
          Properties: {
            Stream: getAtt(source, t.type === 'dynamodb' ? 'StreamArn' : 'Arn'),
            StartingPosition: t.startingPosition,
            BatchSize: s.batchSize,
            MaximumBatchingWindowInSeconds: s.maximumBatchingWindowS > 0 ? s.maximumBatchingWindowS : undefined,
            ParallelizationFactor: s.parallelizationFactor !== 1 ? s.parallelizationFactor : undefined,
            MaximumRetryAttempts: s.maximumRetryAttempts !== -1 ? s.maximumRetryAttempts : undefined,
            MaximumRecordAgeInSeconds: s.maximumRecordAgeS !== -1 ? s.maximumRecordAgeS : undefined,
            BisectBatchOnFunctionError: s.bisectBatchOnFunctionError ? true : undefined,
            FunctionResponseTypes: s.reportBatchItemFailures ? ['ReportBatchItemFailures'] : undefined,
          },
        });
        break;
      }
    }
  }
  return parts;
}
