/** What a trace shows of an SDK call: the service, its operation and the resource it named. */
export interface AwsCallName {
  /** As X-Ray names the service: `DynamoDB`, `S3`, `SQS`, `SNS`, `EventBridge`, `Lambda`. */
  service: string;
  operation: string;
  resource: string;
}

/** An SDK request as the hub sees it, with its body as text. */
export interface AwsCallRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string | string[] | null>>;
  headers: Readonly<Record<string, string>>;
  body: string;
}

const SERVICE_NAMES: Readonly<Record<string, string>> = { dynamodb: 'DynamoDB', s3: 'S3', sqs: 'SQS', sns: 'SNS', events: 'EventBridge', lambda: 'Lambda' };

function headerOf(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function jsonBody(body: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A query-protocol body's fields (`Action=Publish&TopicArn=…`), form-decoded. */
function formFields(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      out.set(decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' ')), decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' ')));
    } catch {
      // A malformed escape: the field is left out, as a name it cannot show.
    }
  }
  return out;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The last part of an ARN or a URL: a topic's, a queue's or a function's name. */
const lastPart = (v: string): string => v.slice(Math.max(v.lastIndexOf('/'), v.lastIndexOf(':')) + 1);

/** The operation of a JSON-protocol request (`DynamoDB_20120810.PutItem`), or of a query-protocol one (`Action=Publish`). */
function operationOf(request: AwsCallRequest, form: Map<string, string>): string {
  const target = headerOf(request.headers, 'x-amz-target');
  if (target) return target.slice(target.lastIndexOf('.') + 1);
  return form.get('Action') ?? text(request.query.Action);
}

function s3Name(request: AwsCallRequest, bucket: string | undefined): AwsCallName {
  const parts = request.path.split('/').filter((p) => p !== '');
  const name = bucket ?? parts[0] ?? '';
  const hasKey = parts.length > (bucket === undefined ? 1 : 0);
  const method = request.method.toUpperCase();
  const operation =
    method === 'PUT' ? (hasKey ? 'PutObject' : 'CreateBucket')
    : method === 'DELETE' ? (hasKey ? 'DeleteObject' : 'DeleteBucket')
    : method === 'HEAD' ? (hasKey ? 'HeadObject' : 'HeadBucket')
    : method === 'POST' ? 'PostObject'
    : hasKey ? 'GetObject' : name === '' ? 'ListBuckets' : 'ListObjects';
  return { service: 'S3', operation, resource: decodeURIComponent(name) };
}

/**
 * The service, operation and resource of an SDK request, read from its wire
 * form (the header, path or body the SDK put them in), for a trace's
 * subsegment. `service` is the endpoint's prefix (awsEndpoint.ts).
 */
export function awsCallName(service: string, request: AwsCallRequest, bucket?: string): AwsCallName {
  if (service === 's3') return s3Name(request, bucket);
  const name = SERVICE_NAMES[service] ?? service;
  const form = formFields(headerOf(request.headers, 'content-type')?.includes('x-www-form-urlencoded') ? request.body : '');
  if (service === 'lambda') {
    const m = /\/functions\/([^/]+)\/invocations/.exec(request.path);
    const fn = m ? decodeURIComponent(m[1]!) : '';
    // A function ARN or name:qualifier: the function's name.
    const bare = fn.startsWith('arn:') ? (fn.split(':')[6] ?? fn) : (fn.split(':')[0] ?? fn);
    return { service: name, operation: m ? 'Invoke' : request.method, resource: bare };
  }
  const body = form.size > 0 ? {} : jsonBody(request.body);
  const operation = operationOf(request, form);
  let resource = '';
  if (service === 'dynamodb') {
    const items = body.RequestItems ?? body.TransactItems;
    resource = text(body.TableName) || (items && typeof items === 'object' && !Array.isArray(items) ? (Object.keys(items)[0] ?? '') : '');
  } else if (service === 'sqs') {
    resource = lastPart(text(body.QueueUrl) || text(body.QueueName) || form.get('QueueUrl') || form.get('QueueName') || '');
  } else if (service === 'sns') {
    resource = lastPart(text(body.TopicArn) || form.get('TopicArn') || form.get('Name') || '');
  } else if (service === 'events') {
    const entries = Array.isArray(body.Entries) ? (body.Entries as unknown[]) : [];
    const first = entries[0];
    const bus = first && typeof first === 'object' ? text((first as Record<string, unknown>).EventBusName) : '';
    resource = operation === 'PutEvents' ? lastPart(bus || 'default') : lastPart(text(body.Name) || text(body.EventBusName));
  }
  return { service: name, operation, resource };
}
