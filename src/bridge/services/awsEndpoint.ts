/** The services the playground answers, by the endpoint prefix the SDK's endpoint rules give them. */
export type AwsServiceName = 'dynamodb' | 's3' | 'sqs' | 'sns' | 'events' | 'lambda';

const PREFIXED: ReadonlySet<string> = new Set(['dynamodb', 'sqs', 'sns', 'events', 'lambda']);

/** Which service a request's host names, and for S3 a virtual-hosted bucket; null for a host no service answers. */
export function awsEndpointOf(hostname: string): { service: AwsServiceName; region: string; bucket?: string } | null {
  const host = hostname.toLowerCase();
  const regional = /^([a-z0-9-]+)\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  if (regional && PREFIXED.has(regional[1]!)) return { service: regional[1] as AwsServiceName, region: regional[2]! };
  // S3: s3.<region>.amazonaws.com (path style) or <bucket>.s3.<region>.amazonaws.com (virtual-hosted), and the legacy global host.
  const s3 = /^(?:(.+)\.)?s3(?:[.-]([a-z0-9-]+))?\.amazonaws\.com$/.exec(host);
  if (s3) return { service: 's3', region: s3[2] ?? 'us-east-1', ...(s3[1] ? { bucket: s3[1] } : {}) };
  return null;
}
