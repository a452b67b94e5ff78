import type { Random } from '../random';
import type { HttpFormat } from './httpTypes';

/**
 * Where an HTTP trigger lives and the ids each request carries, shaped as
 * each service shapes them (DG23:services-apigateway event.json and
 * event-v2.json; DG23:urls-invocation).
 */

/** Where the trigger lives: drawn once per trigger. */
export interface HttpEndpoint {
  format: HttpFormat;
  region: string;
  accountId: string;
  /** The REST or HTTP API id (10 characters), or the function URL's url-id (32). */
  apiId: string;
  stage: string;
  /** REST only: the id of the `/{proxy+}` resource (the root has its own). */
  resourceId: string;
  rootResourceId: string;
}

/** What differs per request: drawn for each request. */
export interface RequestIds {
  /** REST and function URL: a UUID. HTTP API: its short id, like `JKJaXmPLvHcESHA=`. */
  requestId: string;
  /** REST only: the short id API Gateway also logs (`x-amz-apigw-id`). */
  extendedRequestId: string;
  traceId: string;
}

/** The client's address in every event: TEST-NET-3 (RFC 5737), an address no one owns. */
export const SOURCE_IP = '203.0.113.10';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomChars(random: Random, alphabet: string, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += alphabet[Math.floor(random.next() * alphabet.length)] ?? '';
  return s;
}

export function drawEndpoint(random: Random, format: HttpFormat, region: string, accountId: string, stage?: string): HttpEndpoint {
  const apiId = randomChars(random, LOWER_ALNUM, format === 'function-url' ? 32 : 10);
  return {
    format,
    region,
    accountId,
    apiId,
    stage: format === 'function-url' ? '$default' : (stage ?? (format === 'rest-v1' ? 'prod' : '$default')),
    resourceId: randomChars(random, LOWER_ALNUM, 6),
    rootResourceId: randomChars(random, LOWER_ALNUM, 10),
  };
}

export function drawRequestIds(random: Random, format: HttpFormat, atMs: number): RequestIds {
  const requestId = format === 'http-v2' ? `${randomChars(random, ALNUM, 15)}=` : random.uuid();
  const extendedRequestId = `${randomChars(random, ALNUM, 15)}=`;
  const epochHex = Math.floor(atMs / 1000).toString(16).padStart(8, '0');
  return { requestId, extendedRequestId, traceId: `Root=1-${epochHex}-${random.hex(24)}` };
}

export function domainName(e: HttpEndpoint): string {
  return e.format === 'function-url' ? `${e.apiId}.lambda-url.${e.region}.on.aws` : `${e.apiId}.execute-api.${e.region}.amazonaws.com`;
}
