/**
 * The AWS-shaped test events of the sample applications, as JSON text: the
 * event each function gets from its trigger, so Invoke works before any
 * trigger has fired. Fixed ids and times: the samples are data, the same on
 * every load.
 */

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const TIME = '2026-11-22T09:00:00Z';
const EPOCH_MS = Date.UTC(2026, 10, 22, 9);

const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** An API Gateway HTTP API (payload format 2.0) request. */
export function httpApiEvent(method: string, path: string, body?: unknown): string {
  return text({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { accept: 'application/json', host: 'abc123.execute-api.us-east-1.amazonaws.com', 'user-agent': 'curl/8.5.0', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    requestContext: {
      accountId: ACCOUNT,
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '22/Nov/2026:09:00:00 +0000',
      timeEpoch: EPOCH_MS,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  });
}

/** A DynamoDB Streams batch of one INSERT into `table`, its images in DynamoDB JSON. */
export function dynamoInsertEvent(table: string, newImage: Record<string, unknown>, keyName: string): string {
  return text({
    Records: [
      {
        eventID: 'c4ca4238a0b923820dcc509a6f75849b',
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: REGION,
        dynamodb: {
          ApproximateCreationDateTime: EPOCH_MS / 1000,
          Keys: { [keyName]: newImage[keyName] },
          NewImage: newImage,
          SequenceNumber: '111',
          SizeBytes: 64,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table}/stream/2026-11-22T09:00:00.000`,
      },
    ],
  });
}

/** An S3 event notification for one object created by PutObject. */
export function s3PutEvent(bucket: string, key: string, size: number): string {
  return text({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: REGION,
        eventTime: TIME,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AROAPLAYGROUND:upload' },
        requestParameters: { sourceIPAddress: '203.0.113.7' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'processor-notification',
          bucket: { name: bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'), size, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0A1B2C3D4E5F678901' },
        },
      },
    ],
  });
}

/** An SQS batch of messages with these bodies, as the event source mapping delivers it. */
export function sqsEvent(queue: string, bodies: unknown[]): string {
  return text({
    Records: bodies.map((body, i) => ({
      messageId: `059f36b4-87a3-44ab-83d2-66197572800${i}`,
      receiptHandle: `AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a${i}`,
      body: JSON.stringify(body),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(EPOCH_MS), SenderId: 'AIDAPLAYGROUND', ApproximateFirstReceiveTimestamp: String(EPOCH_MS + 5) },
      messageAttributes: {},
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queue}`,
      awsRegion: REGION,
    })),
  });
}

/** An SNS notification to one subscribed function. */
export function snsEvent(topic: string, subject: string, message: unknown): string {
  const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`;
  return text({
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: topicArn,
          Subject: subject,
          Message: JSON.stringify(message),
          Timestamp: '2026-11-22T09:00:00.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-EXAMPLE.pem',
          UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:2bcfbf39`,
          MessageAttributes: {},
        },
      },
    ],
  });
}

/** An event delivered by an EventBridge rule. */
export function eventBridgeEvent(bus: string, rule: string, source: string, detailType: string, detail: unknown): string {
  return text({
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': detailType,
    source,
    account: ACCOUNT,
    time: TIME,
    region: REGION,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/${bus}/${rule}`],
    detail,
  });
}

/** Plain JSON text for a direct invoke. */
export const jsonEvent = text;

/** Ids of the workspace's resources, as the functions' environment variables give them (SAM would give them with !Ref and !GetAtt). */
export const sampleIds = {
  queueUrl: (queue: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${queue}`,
  topicArn: (topic: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`,
};
