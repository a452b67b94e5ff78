import type { BilledRequests } from './serviceTypes';

/**
 * us-east-1 list prices of the requests the workspace's services bill, in USD
 * per unit (README, "Concurrency, scaling and the bill"). Free tiers are not
 * applied: the Lambda bill's free-tier switch covers Lambda's own monthly
 * allowance only, and these services' allowances (SQS and SNS: the first
 * million requests a month; S3: 12 months for new accounts) would hide the
 * cost a class is meant to see. Data transfer and storage are not counted.
 */
export const SERVICE_PRICES = {
  /**
   * DynamoDB on-demand, Standard table class (aws.amazon.com/dynamodb/pricing/on-demand/):
   * $0.625 per million write request units, $0.125 per million read request
   * units, since the 50% cut of on-demand throughput on 1 November 2024.
   */
  dynamodb: { writeRequestUnitUsd: 0.625 / 1_000_000, readRequestUnitUsd: 0.125 / 1_000_000 },
  /**
   * S3 Standard (aws.amazon.com/s3/pricing/, "Requests & data retrievals"):
   * PUT, COPY, POST, LIST $0.005 per 1,000; GET, SELECT and all other
   * requests $0.0004 per 1,000; DELETE is free.
   */
  s3: { tier1Usd: 0.005 / 1_000, tier2Usd: 0.0004 / 1_000 },
  /**
   * SQS (aws.amazon.com/sqs/pricing/), first tier past the free million:
   * standard $0.40 per million requests, FIFO $0.50; each 64 KiB chunk of a
   * payload is one request (counted by the SQS model).
   */
  sqs: { standardUsd: 0.4 / 1_000_000, fifoUsd: 0.5 / 1_000_000 },
  /** SNS standard topics (aws.amazon.com/sns/pricing/): $0.50 per million API requests, each 64 KB chunk of a publish one request. */
  sns: { requestUsd: 0.5 / 1_000_000 },
  /** EventBridge (aws.amazon.com/eventbridge/pricing/): custom events, $1.00 per million, each 64 KB chunk one event. */
  eventbridge: { customEventUsd: 1 / 1_000_000 },
} as const;

export type BilledService = BilledRequests['service'];

/** The price of one unit of what `b` counts, and what that unit is, as the bill names it. */
export function unitPrice(b: BilledRequests): { usd: number; counted: string } {
  switch (b.service) {
    case 'dynamodb':
      return b.unit === 'read'
        ? { usd: SERVICE_PRICES.dynamodb.readRequestUnitUsd, counted: 'read request units' }
        : { usd: SERVICE_PRICES.dynamodb.writeRequestUnitUsd, counted: 'write request units' };
    case 's3':
      return b.tier === 1
        ? { usd: SERVICE_PRICES.s3.tier1Usd, counted: 'PUT, COPY, POST, LIST requests' }
        : { usd: SERVICE_PRICES.s3.tier2Usd, counted: 'GET and other requests' };
    case 'sqs':
      return b.fifo ? { usd: SERVICE_PRICES.sqs.fifoUsd, counted: 'FIFO requests (64 KiB chunks)' } : { usd: SERVICE_PRICES.sqs.standardUsd, counted: 'requests (64 KiB chunks)' };
    case 'sns':
      return { usd: SERVICE_PRICES.sns.requestUsd, counted: 'requests (64 KB chunks)' };
    case 'eventbridge':
      return { usd: SERVICE_PRICES.eventbridge.customEventUsd, counted: 'custom events (64 KB chunks)' };
  }
}
