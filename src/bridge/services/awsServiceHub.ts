import type { Random } from '../../core/random';
import { handleDynamoDbRequest } from '../../core/services/dynamodb/handleDynamoDbRequest';
import { emptyDynamoDbStore, type DynamoDbStore } from '../../core/services/dynamodb/tableStore';
import type { WireAwsRequest, WireAwsResponse } from '../../protocol/messages';
import type { AwsCaller } from '../liveDriver';
import { awsEndpointOf, type AwsServiceName } from './awsEndpoint';

/**
 * The service latency added to a caller's Duration, per request, from AWS's
 * published figures (README, fidelity notes): the playground's services
 * answer in microseconds, the real ones over the network in milliseconds.
 */
export const MODELLED_LATENCY_MS: Readonly<Record<AwsServiceName, number>> = {
  dynamodb: 5,
  s3: 30,
  sqs: 20,
  sns: 20,
  events: 20,
  lambda: 10,
};

export interface AwsServiceHubOptions {
  /** Platform time, epoch ms. */
  now(): number;
  random: Random;
  region: string;
  accountId: string;
  /** Waits `ms` of real time (the modelled latency); a bench passes 0 latency instead. */
  delay(ms: number): Promise<void>;
  /** false: no modelled latency (the bench measures the round trip alone). */
  latency?: boolean;
}

const textOf = (body: string | Uint8Array): string => (typeof body === 'string' ? body : new TextDecoder().decode(body));
const bytesOf = (body: string | Uint8Array): Uint8Array => (typeof body === 'string' ? new TextEncoder().encode(body) : body);

function headerOf(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * The workspace's AWS services in the tab: every SDK request a handler
 * makes arrives here (through its environment's port and the live driver),
 * goes to the service its host names, and is answered with the real
 * service's response, after the modelled latency.
 */
export class AwsServiceHub {
  private dynamo: DynamoDbStore;

  constructor(private readonly options: AwsServiceHubOptions) {
    this.dynamo = emptyDynamoDbStore(options.region, options.accountId);
  }

  /** For the live driver (LiveDriverOptions.aws). */
  readonly handle = async (request: WireAwsRequest, caller: AwsCaller): Promise<WireAwsResponse> => {
    const endpoint = awsEndpointOf(request.hostname);
    if (!endpoint) return { error: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${request.hostname}` } };
    const response = this.answer(endpoint.service, request, caller);
    if (this.options.latency !== false) await this.options.delay(MODELLED_LATENCY_MS[endpoint.service]);
    return response;
  };

  private answer(service: AwsServiceName, request: WireAwsRequest, _caller: AwsCaller): WireAwsResponse {
    switch (service) {
      case 'dynamodb': {
        const r = handleDynamoDbRequest(this.dynamo, { target: headerOf(request.headers, 'x-amz-target'), body: textOf(request.body) }, this.options.now());
        this.dynamo = r.store;
        return { status: r.status, headers: lowerCased(r.headers), body: bytesOf(r.body) };
      }
      default:
        return notImplemented(service);
    }
  }
}

function notImplemented(service: string): WireAwsResponse {
  const body = JSON.stringify({ __type: 'UnknownOperationException', message: `The playground does not run ${service} yet` });
  return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'UnknownOperationException' }, body: bytesOf(body) };
}
