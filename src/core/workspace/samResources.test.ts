import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from './cfnYaml.test-support';
import { fn, WITH_RESOURCES, ws } from './sampleWorkspaces.test-support';
import { namesResource } from './samPolicies';
import { samTemplate } from './samTemplate';
import { checkSamTemplate } from './samTemplateChecker.test-support';


type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
const templateOf = (yaml: string): Template => parseCfnYaml(yaml) as Template;

describe("the workspace's own resources in the SAM template", () => {
  const sam = samTemplate(WITH_RESOURCES);
  const t = templateOf(sam.yaml);

  it('passes the spec checks', () => {
    expect(checkSamTemplate(t)).toEqual([]);
  });

  it('declares each table, bucket, queue and topic, and a trigger’s bucket only once', () => {
    const byType = (type: string): string[] => Object.entries(t.Resources).filter(([, r]) => r.Type === type).map(([id]) => id).sort();
    expect(byType('AWS::DynamoDB::Table')).toEqual(['OrdersTable', 'SessionsV2Table']);
    expect(byType('AWS::S3::Bucket')).toEqual(['PhotosExample1Bucket', 'UploadsBucket']);
    expect(byType('AWS::SQS::Queue')).toEqual(['JobsDlqQueue', 'JobsQueue', 'StepsFifoQueue']);
    expect(byType('AWS::SNS::Topic')).toEqual(['AlertsFifoTopic', 'NewsTopic']);
    expect(sam.notes).toContain("The S3 bucket uploads is also a trigger's source: the template declares it once, as the trigger's.");
  });

  it('gives a table its keys, on-demand billing and its stream; a queue its redrive policy to the dead-letter queue’s Arn; FIFO ones their names', () => {
    expect(t.Resources.OrdersTable!.Properties).toEqual({
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(t.Resources.SessionsV2Table!.Properties!.StreamSpecification).toBeUndefined();
    expect(t.Resources.JobsQueue!.Properties).toEqual({ VisibilityTimeout: 60, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['JobsDlqQueue', 'Arn'] }, maxReceiveCount: 5 } });
    expect(t.Resources.StepsFifoQueue!.Properties).toEqual({ FifoQueue: true, QueueName: 'steps.fifo' });
    expect(t.Resources.AlertsFifoTopic!.Properties).toEqual({ FifoTopic: true, TopicName: 'alerts.fifo' });
    expect(t.Resources.NewsTopic!.Properties).toBeUndefined();
  });

  it('gives each function the policy templates for the clients it imports and the resources it names (code or environment)', () => {
    expect(t.Resources.OrdersApiFunction!.Properties!.Policies).toEqual([
      { DynamoDBCrudPolicy: { TableName: { Ref: 'OrdersTable' } } },
      { SQSSendMessagePolicy: { QueueName: { 'Fn::GetAtt': ['JobsQueue', 'QueueName'] } } },
    ]);
    expect(t.Resources.FilesFunction!.Properties!.Policies).toEqual([
      { S3CrudPolicy: { BucketName: { Ref: 'PhotosExample1Bucket' } } },
      { SNSPublishMessagePolicy: { TopicName: { 'Fn::GetAtt': ['AlertsFifoTopic', 'TopicName'] } } },
      { LambdaInvokePolicy: { FunctionName: { Ref: 'OrdersApiFunction' } } },
    ]);
  });

  it("reaches a trigger's source, polls with SQSPollerPolicy when the code receives, puts events on the default bus and the trigger's, and notes a client that names nothing", () => {
    const code = [
      "import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';",
      "import { EventBridgeClient } from '@aws-sdk/client-eventbridge';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "export const handler = async () => [process.env.QUEUE, 'playground-bus'];",
    ].join('\n');
    const workspace = ws([fn('poller', { code, environment: { QUEUE: 'incoming' } }), fn('target')], {
      triggers: [
        { type: 'sqs', queue: 'incoming', function: 'target', settings: { batchSize: 10, maximumBatchingWindowS: 0, maximumConcurrency: null, visibilityTimeoutS: 30, maxReceiveCount: null, reportBatchItemFailures: false, enabled: true, filterPatterns: [] } },
        { type: 'eventbridge', bus: 'playground-bus', schedules: [], rules: [{ name: 'r', pattern: '{"source":["x"]}', function: 'target' }] },
      ],
    });
    const sam = samTemplate(workspace);
    const parsed = templateOf(sam.yaml);
    expect(checkSamTemplate(parsed)).toEqual([]);
    expect(parsed.Resources.PollerFunction!.Properties!.Policies).toEqual([
      { SQSSendMessagePolicy: { QueueName: { 'Fn::GetAtt': ['IncomingQueue', 'QueueName'] } } },
      { SQSPollerPolicy: { QueueName: { 'Fn::GetAtt': ['IncomingQueue', 'QueueName'] } } },
      { EventBridgePutEventsPolicy: { EventBusName: 'default' } },
      { EventBridgePutEventsPolicy: { EventBusName: { 'Fn::GetAtt': ['PlaygroundBusEventBus', 'Name'] } } },
    ]);
    expect(sam.notes).toContain("poller imports the DynamoDB client but names none of the workspace's tables: no DynamoDB policy was added (name it in the code or an environment variable).");
    expect(parsed.Resources.TargetFunction!.Properties!.Policies).toBeUndefined();
  });

  it('finds a Python function’s boto3 clients too', () => {
    const code = "import boto3\ns3 = boto3.client('s3')\ndef lambda_handler(event, context):\n    return s3.list_objects_v2(Bucket='photos')\n";
    const workspace = ws([fn('py', { runtime: 'python3.12', fileName: 'lambda_function.py', handler: 'lambda_function.lambda_handler', code })], { resources: { tables: [], buckets: [{ name: 'photos' }], queues: [], topics: [] } });
    expect(templateOf(samTemplate(workspace).yaml).Resources.PyFunction!.Properties!.Policies).toEqual([{ S3CrudPolicy: { BucketName: { Ref: 'PhotosBucket' } } }]);
  });

  it.each([
    ["TableName: 'orders'", 'orders', true],
    ['https://sqs.us-east-1.amazonaws.com/123456789012/orders', 'orders', true],
    ['orders', 'orders', true],
    ["'orders-dlq'", 'orders', false],
    ["'orders.fifo'", 'orders', false],
    ["'my_orders'", 'orders', false],
    ['orders-dlq and orders', 'orders', true],
    ['anything', '', false],
  ] as const)('names %j → %s: %s', (text, name, found) => {
    expect(namesResource(text, name)).toBe(found);
  });
});
