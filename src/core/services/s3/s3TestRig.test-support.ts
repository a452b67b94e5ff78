import { S3Client } from '@aws-sdk/client-s3';
import { createRandom } from '../../random';
import { SDK_TEST_CLIENT_CONFIG, sdkRequestHandler, type SdkRequestHandler } from '../sdkHarness.test-support';
import type { BilledRequests } from '../serviceTypes';
import { handleS3Request } from './handleS3Request';
import { createS3ServiceState } from './s3ServiceState';
import type { S3Backend, S3ServiceEffect, S3ServiceState } from './s3Types';

export const T0 = Date.UTC(2026, 11, 5, 12, 0, 0, 250);

export interface S3TestRig {
  state: S3ServiceState;
  /** A real `@aws-sdk/client-s3` client whose requests reach the model. */
  client: S3Client;
  handler: SdkRequestHandler;
  /** Every effect of every request, in order. */
  effects: (S3ServiceEffect | BilledRequests)[];
  /** Platform time of the next request; tests move it on. */
  nowMs: number;
}

/** The model behind a real SDK client, over a fresh in-memory backend unless one is given. */
export function s3TestRig(options: { region?: string; backend?: S3Backend; forcePathStyle?: boolean; seed?: number } = {}): S3TestRig {
  const region = options.region ?? 'us-east-1';
  const state = createS3ServiceState({ region, ...(options.backend ? { backend: options.backend } : {}) });
  const random = createRandom(options.seed ?? 7);
  const effects: S3TestRig['effects'] = [];
  const handler = sdkRequestHandler((request) => {
    const result = handleS3Request(state, request, { nowMs: rig.nowMs, random });
    effects.push(...result.effects);
    return result.response;
  });
  const client = new S3Client({ ...SDK_TEST_CLIENT_CONFIG, region, requestHandler: handler, forcePathStyle: options.forcePathStyle ?? false });
  const rig: S3TestRig = { state, client, handler, effects, nowMs: T0 };
  return rig;
}

/** The error a promise rejects with (fails the test when it resolves). */
export type SdkError = Error & { $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number }; [field: string]: unknown };
export async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail');
}
