/**
 * The template menu's entries: what the menu lists without loading the
 * handlers' code (handlerTemplates.ts loads code and events on demand).
 */
import type { Runtime } from '../../core/functionConfig';

export interface TemplateEntry {
  id: string;
  label: string;
  /** What the menu groups it under. */
  group: 'HTTP' | 'Event sources' | 'Node.js' | 'Security' | 'Python' | 'Custom runtime';
  fileName: 'index.mjs' | 'index.js' | 'index.cjs' | 'index.ts' | 'bootstrap' | 'lambda_function.py';
  /** A runtime the handler needs (callback handlers stop at nodejs22.x); otherwise the function's stays. */
  runtime?: Runtime;
  /** Its file in ./code. */
  source: string;
}

type Entry = Omit<TemplateEntry, 'fileName'> & { fileName?: TemplateEntry['fileName'] };

const ENTRIES: Entry[] = [
  { id: 'httpApi', label: 'API Gateway HTTP API: JSON CRUD', group: 'HTTP', source: 'httpApi.mjs' },
  { id: 'restApi', label: 'API Gateway REST API: path parameters', group: 'HTTP', source: 'restApi.mjs' },
  { id: 'albTarget', label: 'Application Load Balancer target', group: 'HTTP', source: 'albTarget.mjs' },
  { id: 'functionUrlCookies', label: 'Function URL with cookies', group: 'HTTP', source: 'functionUrlCookies.mjs' },
  { id: 'gzipResponse', label: 'Gzip-compressed response', group: 'HTTP', source: 'gzipResponse.mjs' },
  { id: 'formPost', label: 'HTML form post (querystring)', group: 'HTTP', source: 'formPost.mjs' },
  { id: 'typescriptOrders', label: 'TypeScript: typed order API', group: 'HTTP', source: 'typescriptOrders.ts.txt', fileName: 'index.ts' },
  { id: 's3Gzip', label: 'S3: gzip new objects with streams', group: 'Event sources', source: 's3Gzip.mjs' },
  { id: 'sqsBatch', label: 'SQS: partial batch failures', group: 'Event sources', source: 'sqsBatch.mjs' },
  { id: 'kinesis', label: 'Kinesis: decode base64 records', group: 'Event sources', source: 'kinesis.mjs' },
  { id: 'dynamodbStream', label: 'DynamoDB Streams: unmarshall images', group: 'Event sources', source: 'dynamodbStream.mjs' },
  { id: 'snsFanIn', label: 'SNS: fan-in from several topics', group: 'Event sources', source: 'snsFanIn.mjs' },
  { id: 'scheduledJob', label: 'EventBridge scheduled job', group: 'Event sources', source: 'scheduledJob.mjs' },
  { id: 'cloudwatchLogs', label: 'CloudWatch Logs subscription (gzip)', group: 'Event sources', source: 'cloudwatchLogs.mjs' },
  { id: 'firehoseTransform', label: 'Firehose data transformation', group: 'Event sources', source: 'firehoseTransform.mjs' },
  { id: 'cognitoPreSignUp', label: 'Cognito pre sign-up trigger', group: 'Event sources', source: 'cognitoPreSignUp.mjs' },
  { id: 'webhookHmac', label: 'Webhook HMAC signature check', group: 'Security', source: 'webhookHmac.mjs' },
  { id: 'jwtVerify', label: 'JWT (HS256) verification', group: 'Security', source: 'jwtVerify.mjs' },
  { id: 'tokenAuthorizer', label: 'API Gateway token authorizer', group: 'Security', source: 'tokenAuthorizer.mjs' },
  { id: 'idempotentIds', label: 'randomUUID ids and idempotency keys', group: 'Security', source: 'idempotentIds.mjs' },
  { id: 'checksums', label: 'Checksums: MD5, SHA-256, SHA-512', group: 'Security', source: 'checksums.mjs' },
  { id: 'csvStream', label: 'CSV parsing with a Transform stream', group: 'Node.js', source: 'csvStream.mjs' },
  { id: 'tmpCache', label: '/tmp cache across warm invokes', group: 'Node.js', source: 'tmpCache.mjs' },
  { id: 'promisify', label: 'util.promisify with zlib and fs', group: 'Node.js', source: 'promisify.mjs' },
  { id: 'emitterPipeline', label: 'EventEmitter pipeline', group: 'Node.js', source: 'emitterPipeline.mjs' },
  { id: 'pathUrl', label: 'path and url manipulation', group: 'Node.js', source: 'pathUrl.mjs' },
  { id: 'commonjs', label: 'CommonJS: exports.handler with require', group: 'Node.js', source: 'commonjs.js', fileName: 'index.js' },
  { id: 'customRuntime', label: 'Custom runtime: bootstrap (Runtime API)', group: 'Custom runtime', source: 'customRuntime.bootstrap', fileName: 'bootstrap', runtime: 'provided.al2023' },
  { id: 'pythonHello', label: 'Python: hello, with warm state', group: 'Python', source: 'pythonHello.py', fileName: 'lambda_function.py', runtime: 'python3.13' },
  { id: 'pythonHttpApi', label: 'Python: HTTP API items', group: 'Python', source: 'pythonHttpApi.py', fileName: 'lambda_function.py', runtime: 'python3.13' },
  { id: 'pythonSqsBatch', label: 'Python: SQS partial batch failures', group: 'Python', source: 'pythonSqsBatch.py', fileName: 'lambda_function.py', runtime: 'python3.13' },
  { id: 'callbackStyle', label: 'Callback-style handler (nodejs22.x)', group: 'Node.js', source: 'callbackStyle.js', fileName: 'index.js', runtime: 'nodejs22.x' },
];

export const TEMPLATE_CATALOG: readonly TemplateEntry[] = ENTRIES.map((e) => ({ ...e, fileName: e.fileName ?? 'index.mjs' }));

export const TEMPLATE_GROUPS: readonly TemplateEntry['group'][] = ['HTTP', 'Event sources', 'Security', 'Node.js', 'Python', 'Custom runtime'];
