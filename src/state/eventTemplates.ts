/** A few test events to start from; the event-source issue brings generated, AWS-exact ones. */
export interface EventTemplate {
  id: string;
  label: string;
  json: string;
}

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const EVENT_TEMPLATES: EventTemplate[] = [
  { id: 'hello', label: 'Hello world', json: pretty({ key1: 'value1', key2: 'value2', key3: 'value3' }) },
  {
    id: 'apigw-v2',
    label: 'API Gateway HTTP API (2.0)',
    json: pretty({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/hello',
      rawQueryString: 'name=Lambda',
      headers: { accept: '*/*', host: 'abc123.execute-api.us-east-1.amazonaws.com', 'user-agent': 'curl/8.5.0' },
      queryStringParameters: { name: 'Lambda' },
      requestContext: {
        accountId: '123456789012',
        apiId: 'abc123',
        domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
        domainPrefix: 'abc123',
        http: { method: 'GET', path: '/hello', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
        requestId: 'JKJaXmPLvHcESHA=',
        routeKey: '$default',
        stage: '$default',
        time: '22/Nov/2026:09:00:00 +0000',
        timeEpoch: 1795338000000,
      },
      isBase64Encoded: false,
    }),
  },
  {
    id: 's3-put',
    label: 'S3 Put',
    json: pretty({
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: 'us-east-1',
          eventTime: '2026-11-22T09:00:00.000Z',
          eventName: 'ObjectCreated:Put',
          userIdentity: { principalId: 'EXAMPLE' },
          requestParameters: { sourceIPAddress: '127.0.0.1' },
          responseElements: { 'x-amz-request-id': 'EXAMPLE123456789', 'x-amz-id-2': 'EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH' },
          s3: {
            s3SchemaVersion: '1.0',
            configurationId: 'testConfigRule',
            bucket: { name: 'example-bucket', ownerIdentity: { principalId: 'EXAMPLE' }, arn: 'arn:aws:s3:::example-bucket' },
            object: { key: 'test%2Fkey', size: 1024, eTag: '0123456789abcdef0123456789abcdef', sequencer: '0A1B2C3D4E5F678901' },
          },
        },
      ],
    }),
  },
  {
    id: 'sqs',
    label: 'SQS message',
    json: pretty({
      Records: [
        {
          messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
          receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
          body: 'Test message.',
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: '1545082649183',
            SenderId: 'AIDAIENQZJOLO23YVJ4VO',
            ApproximateFirstReceiveTimestamp: '1545082649185',
          },
          messageAttributes: {},
          md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:my-queue',
          awsRegion: 'us-east-1',
        },
      ],
    }),
  },
];
