/**
 * The rules `sam validate` applies to what our templates emit, written down
 * from the published AWS SAM specification (developer guide pages
 * "AWS::Serverless::Function", "FunctionUrlConfig", and the event source
 * pages Api, HttpApi, S3, SQS, SNS, Schedule, EventBridgeRule, DynamoDB,
 * Kinesis) and the CloudFormation resource reference for the resources the
 * events need (AWS::S3::Bucket, AWS::SQS::Queue, AWS::SNS::Topic,
 * AWS::Events::EventBus, AWS::DynamoDB::Table, AWS::Kinesis::Stream).
 * Only the properties this project emits are listed; any other property is
 * reported, so a new one must be looked up before it is used.
 */
export type PropType = 'string' | 'integer' | 'boolean' | 'list' | 'map' | 'json' | 'string|list';

export interface PropRule {
  type: PropType;
  required?: boolean;
  allowed?: readonly string[];
  min?: number;
  max?: number;
  /** Must be an intrinsic (Ref / GetAtt / Sub) rather than a literal. */
  intrinsic?: boolean;
}

// The runtimes the playground exports: Node.js, Python, and the OS-only provided.al2023 (Lambda's runtime identifiers).
const RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'python3.12', 'python3.13', 'provided.al2023'] as const;

export const FUNCTION_PROPERTIES: Record<string, PropRule> = {
  Description: { type: 'string', max: 256 },
  CodeUri: { type: 'string' },
  Handler: { type: 'string', max: 128 },
  Runtime: { type: 'string', allowed: RUNTIMES },
  // AWS::Serverless::Function SnapStart: { ApplyOn: PublishedVersions | None }.
  SnapStart: { type: 'map' },
  Architectures: { type: 'list', allowed: ['x86_64', 'arm64'], min: 1, max: 1 },
  MemorySize: { type: 'integer', min: 128, max: 10_240 },
  EphemeralStorage: { type: 'map' },
  Timeout: { type: 'integer', min: 1, max: 900 },
  Environment: { type: 'map' },
  LoggingConfig: { type: 'map' },
  // AWS::Serverless::Function Tracing: Active | PassThrough | Disabled (Active also grants the X-Ray write permissions).
  Tracing: { type: 'string', allowed: ['Active', 'PassThrough', 'Disabled'] },
  // AWS::Serverless::Function Layers: a list of layer version ARNs (Ref of an AWS::Serverless::LayerVersion); Lambda takes at most 5.
  Layers: { type: 'list', max: 5 },
  ReservedConcurrentExecutions: { type: 'integer', min: 0 },
  AutoPublishAlias: { type: 'string' },
  DeploymentPreference: { type: 'map' },
  ProvisionedConcurrencyConfig: { type: 'map' },
  EventInvokeConfig: { type: 'map' },
  FunctionUrlConfig: { type: 'map' },
  // AWS::Serverless::Function Policies: policy templates (POLICY_TEMPLATES), each a one-key map.
  Policies: { type: 'list' },
  Events: { type: 'map' },
};

/** SAM policy templates ("AWS SAM policy templates" list): the one parameter each takes as we emit it, and the resource type a reference in it must name. */
export const POLICY_TEMPLATES: Record<string, { parameter: string; resource: string }> = {
  DynamoDBCrudPolicy: { parameter: 'TableName', resource: 'AWS::DynamoDB::Table' },
  S3CrudPolicy: { parameter: 'BucketName', resource: 'AWS::S3::Bucket' },
  SQSSendMessagePolicy: { parameter: 'QueueName', resource: 'AWS::SQS::Queue' },
  SQSPollerPolicy: { parameter: 'QueueName', resource: 'AWS::SQS::Queue' },
  SNSPublishMessagePolicy: { parameter: 'TopicName', resource: 'AWS::SNS::Topic' },
  EventBridgePutEventsPolicy: { parameter: 'EventBusName', resource: 'AWS::Events::EventBus' },
  LambdaInvokePolicy: { parameter: 'FunctionName', resource: 'AWS::Serverless::Function' },
};

export const FUNCTION_URL_CONFIG: Record<string, PropRule> = {
  AuthType: { type: 'string', required: true, allowed: ['NONE', 'AWS_IAM'] },
  InvokeMode: { type: 'string', allowed: ['BUFFERED', 'RESPONSE_STREAM'] },
};

export const EVENT_INVOKE_CONFIG: Record<string, PropRule> = {
  MaximumRetryAttempts: { type: 'integer', min: 0, max: 2 },
  MaximumEventAgeInSeconds: { type: 'integer', min: 60, max: 21_600 },
};

export const PROVISIONED_CONCURRENCY_CONFIG: Record<string, PropRule> = {
  ProvisionedConcurrentExecutions: { type: 'integer', required: true, min: 1 },
};

const STREAM_EVENT: Record<string, PropRule> = {
  Stream: { type: 'string', required: true, intrinsic: true },
  StartingPosition: { type: 'string', required: true, allowed: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] },
  BatchSize: { type: 'integer', min: 1, max: 10_000 },
  MaximumBatchingWindowInSeconds: { type: 'integer', min: 0, max: 300 },
  ParallelizationFactor: { type: 'integer', min: 1, max: 10 },
  MaximumRetryAttempts: { type: 'integer', min: -1, max: 10_000 },
  MaximumRecordAgeInSeconds: { type: 'integer', min: -1, max: 604_800 },
  BisectBatchOnFunctionError: { type: 'boolean' },
  FunctionResponseTypes: { type: 'list', allowed: ['ReportBatchItemFailures'] },
  Enabled: { type: 'boolean' },
};

/** Event source types: Properties each may have. */
export const EVENT_PROPERTIES: Record<string, Record<string, PropRule>> = {
  Api: {
    Path: { type: 'string', required: true },
    Method: { type: 'string', required: true, allowed: ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'any', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options'] },
  },
  HttpApi: { Path: { type: 'string' }, Method: { type: 'string' }, PayloadFormatVersion: { type: 'string', allowed: ['1.0', '2.0'] } },
  S3: { Bucket: { type: 'string', required: true, intrinsic: true }, Events: { type: 'string|list', required: true }, Filter: { type: 'map' } },
  SQS: {
    Queue: { type: 'string', required: true },
    BatchSize: { type: 'integer', min: 1, max: 10_000 },
    MaximumBatchingWindowInSeconds: { type: 'integer', min: 0, max: 300 },
    FunctionResponseTypes: { type: 'list', allowed: ['ReportBatchItemFailures'] },
    ScalingConfig: { type: 'map' },
    Enabled: { type: 'boolean' },
  },
  SNS: { Topic: { type: 'string', required: true }, FilterPolicy: { type: 'map' } },
  Schedule: { Schedule: { type: 'string', required: true }, Description: { type: 'string', max: 512 }, Enabled: { type: 'boolean' }, Name: { type: 'string', max: 64 } },
  EventBridgeRule: { Pattern: { type: 'map', required: true }, EventBusName: { type: 'string' } },
  DynamoDB: STREAM_EVENT,
  Kinesis: STREAM_EVENT,
};

/** S3's supported notification event types (the ones the playground models, and their families). */
export const S3_EVENTS = ['s3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post', 's3:ObjectCreated:Copy', 's3:ObjectCreated:CompleteMultipartUpload', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete', 's3:ObjectRemoved:DeleteMarkerCreated'];

/** CloudFormation resources: the properties we emit, and the attributes Fn::GetAtt may read. */
export const RESOURCE_RULES: Record<string, { properties: Record<string, PropRule>; attributes: readonly string[] }> = {
  'AWS::Serverless::Function': { properties: FUNCTION_PROPERTIES, attributes: ['Arn'] },
  // AWS::Serverless::LayerVersion: Ref gives the layer version's ARN; ContentUri is a folder of the project (sam package uploads it).
  'AWS::Serverless::LayerVersion': {
    properties: {
      LayerName: { type: 'string', max: 140 },
      Description: { type: 'string', max: 256 },
      ContentUri: { type: 'string', required: true },
      CompatibleRuntimes: { type: 'list', max: 15 },
    },
    attributes: [],
  },
  'AWS::S3::Bucket': { properties: {}, attributes: ['Arn', 'DomainName', 'RegionalDomainName'] },
  'AWS::SQS::Queue': {
    properties: {
      VisibilityTimeout: { type: 'integer', min: 0, max: 43_200 },
      MessageRetentionPeriod: { type: 'integer', min: 60, max: 1_209_600 },
      RedrivePolicy: { type: 'json' },
      FifoQueue: { type: 'boolean' },
      QueueName: { type: 'string', max: 80 },
      ContentBasedDeduplication: { type: 'boolean' },
    },
    attributes: ['Arn', 'QueueName', 'QueueUrl'],
  },
  'AWS::SNS::Topic': { properties: { FifoTopic: { type: 'boolean' }, TopicName: { type: 'string', max: 256 } }, attributes: ['TopicArn', 'TopicName'] },
  'AWS::Events::EventBus': { properties: { Name: { type: 'string', required: true } }, attributes: ['Arn', 'Name', 'Policy'] },
  'AWS::DynamoDB::Table': {
    properties: {
      BillingMode: { type: 'string', allowed: ['PROVISIONED', 'PAY_PER_REQUEST'] },
      AttributeDefinitions: { type: 'list', min: 1 },
      KeySchema: { type: 'list', required: true, min: 1, max: 2 },
      StreamSpecification: { type: 'map' },
    },
    attributes: ['Arn', 'StreamArn'],
  },
  'AWS::Kinesis::Stream': { properties: { ShardCount: { type: 'integer', min: 1 } }, attributes: ['Arn'] },
};

/** Resources SAM generates, which templates may refer to (SAM specification, "Generated CloudFormation resources"). */
export const GENERATED = {
  restApi: 'ServerlessRestApi',
  httpApi: 'ServerlessHttpApi',
  /** A function with FunctionUrlConfig gets `<FunctionLogicalId>Url` (AWS::Lambda::Url, attribute FunctionUrl). */
  functionUrl: (fnId: string): string => `${fnId}Url`,
};

export const PSEUDO_PARAMETERS = ['AWS::Region', 'AWS::AccountId', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::Partition', 'AWS::StackId'];

export const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;
