import type { WireAwsRequest, WireAwsResponse } from '../../protocol/messages';
import type { AwsCaller } from '../liveDriver';
import type { AwsServiceHub, AwsServiceHubOptions, AwsServicePorts } from './awsServiceHub';

/**
 * The workspace's AWS services, loaded with the first SDK request a handler
 * makes: the service models (DynamoDB, S3, SQS, SNS, EventBridge, Lambda)
 * are not part of the app's first load. Ports wired before then are handed
 * over when the hub is made.
 */
export class LazyAwsServices {
  private hub: Promise<AwsServiceHub> | null = null;
  private ports: AwsServicePorts | null = null;
  private loaded: AwsServiceHub | null = null;

  constructor(private readonly options: AwsServiceHubOptions) {}

  wire(ports: AwsServicePorts): void {
    this.ports = ports;
    this.loaded?.wire(ports);
  }

  /** For the live driver (LiveDriverOptions.aws). */
  readonly handle = (request: WireAwsRequest, caller: AwsCaller): Promise<WireAwsResponse> => this.load().then((hub) => hub.handle(request, caller));

  /** A queue's message counts (AwsServiceHub.queueCounts), loading the services if they are not yet. */
  readonly queueCounts = (name: string): Promise<ReturnType<AwsServiceHub['queueCounts']>> => this.load().then((hub) => hub.queueCounts(name));

  private load(): Promise<AwsServiceHub> {
    this.hub ??= import('./awsServiceHub').then(({ AwsServiceHub: Hub }) => {
      const hub = new Hub(this.options);
      if (this.ports) hub.wire(this.ports);
      this.loaded = hub;
      return hub;
    });
    return this.hub;
  }
}
