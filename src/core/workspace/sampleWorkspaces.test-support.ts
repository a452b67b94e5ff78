import { DEFAULT_SQS_MAPPING_SETTINGS } from '../sources/sqsMappingSettings';
import { DEFAULT_STREAM_MAPPING_SETTINGS } from '../sources/streamMappingSettings';
import { FUNCTION_DEFAULTS, WORKSPACE_DEFAULTS, type Workspace, type WorkspaceFunction } from './workspaceTypes';

/** Workspaces the round-trip, export and template tests run over. */

export const fn = (name: string, patch: Partial<WorkspaceFunction> = {}): WorkspaceFunction => ({
  ...FUNCTION_DEFAULTS,
  name,
  code: `export const handler = async (event) => ({ from: '${name}', event });\n`,
  event: '{\n  "name": "Lambda"\n}\n',
  ...patch,
});

export const ws = (functions: WorkspaceFunction[], patch: Partial<Workspace> = {}): Workspace => ({ ...WORKSPACE_DEFAULTS, functions, ...patch });

export const MINIMAL = ws([fn('my-function')]);

export const UNICODE = ws(
  [
    fn('grüße', {
      code: `// Grüße, 你好, こんにちは, مرحبا, emoji 🚀👩🏽‍💻, combining é, RTL ‏mark, NUL-free \u2028 separators\nexport const handler = async () => ({ text: 'ünïcödé ✓ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢' });\n`,
      event: '{"emoji":"🎉","cjk":"漢字","quote":"\\"","newline":"a\\nb"}',
      environment: { GREETING: 'héllo wörld ☃', EMPTY: '' },
      savedEvents: [{ name: 'Ünïcode 🎈', json: '{"k":"ß"}' }],
    }),
  ],
  { name: 'Ünïcode workspace ✨' },
);

/** Code that, compressed, lands the link just under the 8,000-character warning: deterministic, poorly compressible text. */
export function largeCode(targetChars: number): string {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const words: string[] = [];
  let length = 0;
  while (length < targetChars) {
    const w = next().toString(36);
    words.push(w);
    length += w.length + 1;
  }
  return `export const handler = async () => ${JSON.stringify(words.join(' '))}.length;\n`;
}

export const LARGE = (chars: number): Workspace => ws([fn('big', { code: largeCode(chars) })]);

export const EVERY_TRIGGER: Workspace = ws(
  [
    fn('api', { memoryMb: 512, timeoutS: 10, architecture: 'arm64', runtime: 'nodejs20.x', environment: { STAGE: 'dev', TABLE: 'orders' } }),
    fn('worker', { fileName: 'index.ts', code: 'export const handler = async (event: { Records: unknown[] }): Promise<number> => event.Records.length;\n' }),
    fn('streams', { fileName: 'index.js', code: 'exports.handler = async (event) => event.Records.length;\n', timeoutS: 60 }),
  ],
  {
    name: 'Every trigger',
    selected: 1,
    triggers: [
      { type: 'http', function: 'api', format: 'function-url' },
      { type: 'http', function: 'api', format: 'http-v2' },
      { type: 'http', function: 'worker', format: 'rest-v1' },
      { type: 's3', bucket: 'photos-bucket', notifications: [{ id: 'worker-notification', function: 'worker', events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'], prefix: 'uploads/', suffix: '.jpg' }] },
      { type: 'sqs', queue: 'orders', function: 'worker', settings: { ...DEFAULT_SQS_MAPPING_SETTINGS, batchSize: 25, maximumBatchingWindowS: 5, maxReceiveCount: 3, reportBatchItemFailures: true, maximumConcurrency: 10 } },
      { type: 'sns', topic: 'alerts', subscriptions: [{ function: 'api', filterPolicy: { level: ['error', { exists: true }] } }, { function: 'worker', filterPolicy: null }] },
      {
        type: 'eventbridge',
        bus: 'playground-bus',
        schedules: [
          { name: 'api-schedule-1', expression: 'rate(5 minutes)', function: 'api', enabled: true },
          { name: 'worker-schedule-2', expression: 'cron(0 12 * * ? *)', function: 'worker', enabled: false },
        ],
        rules: [{ name: 'worker-rule-3', pattern: '{"source":["my.app"],"detail-type":["order"]}', function: 'worker' }],
      },
      {
        type: 'dynamodb', table: 'orders-table', function: 'streams', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' },
        streamViewType: 'NEW_IMAGE', shards: 1, startingPosition: 'LATEST', settings: { ...DEFAULT_STREAM_MAPPING_SETTINGS, batchSize: 50, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3 },
      },
      { type: 'kinesis', stream: 'clicks', function: 'streams', shards: 4, startingPosition: 'TRIM_HORIZON', settings: { ...DEFAULT_STREAM_MAPPING_SETTINGS, parallelizationFactor: 2, maximumRecordAgeS: 3600, reportBatchItemFailures: true } },
    ],
    concurrency: { ...WORKSPACE_DEFAULTS.concurrency, reservedConcurrency: 50, provisionedConcurrency: 2, maximumRetryAttempts: 1, maximumEventAgeS: 3600, waitScale: 60 },
    loadPlan: { pattern: { kind: 'poisson', rps: 25, seed: 7 }, durationS: 30, invocationType: 'Event' },
    scenarios: [{ id: 'scenario-1', any: ['shape', 1, true, null, { nested: 'kept as is' }] }],
  },
);

/** Standalone resources of every kind, one shared with a trigger, and functions calling them with the AWS SDK. */
export const WITH_RESOURCES: Workspace = ws(
  [
    fn('orders-api', {
      code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';\nimport { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst db = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nconst sqs = new SQSClient({});\nexport const handler = async (event) => {\n  await db.send(new PutCommand({ TableName: 'orders', Item: { pk: event.id } }));\n  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: '{}' }));\n  return { ok: true };\n};\n",
      environment: { QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs' },
    }),
    fn('files', {
      code: "const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst { SNSClient } = require('@aws-sdk/client-sns');\nconst { LambdaClient } = require('@aws-sdk/client-lambda');\nexports.handler = async () => ({ bucket: 'photos.example-1', topic: process.env.TOPIC, next: 'orders-api' });\n",
      fileName: 'index.js',
      environment: { TOPIC: 'alerts.fifo' },
    }),
  ],
  {
    name: 'With resources',
    triggers: [{ type: 's3', bucket: 'uploads', notifications: [{ id: 'n', function: 'files', events: ['s3:ObjectCreated:*'] }] }],
    resources: {
      tables: [
        { name: 'orders', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' }, stream: true },
        { name: 'Sessions.v2', partitionKey: { name: 'id', type: 'B' } },
      ],
      buckets: [{ name: 'photos.example-1' }, { name: 'uploads' }],
      queues: [{ name: 'jobs-dlq' }, { name: 'jobs', visibilityTimeoutS: 60, deadLetterQueue: 'jobs-dlq', maxReceiveCount: 5 }, { name: 'steps.fifo' }],
      topics: [{ name: 'alerts.fifo' }, { name: 'news' }],
    },
  },
);

export const SAMPLE_WORKSPACES: Record<string, Workspace> = { MINIMAL, UNICODE, EVERY_TRIGGER, WITH_RESOURCES };
