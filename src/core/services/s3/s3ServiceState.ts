import { DEFAULT_REGION } from '../../sources/sourceTypes';
import { InMemoryS3Backend } from './inMemoryS3Backend';
import type { S3Backend, S3ServiceState } from './s3Types';

/** The S3 endpoint of one region over a backend (by default an empty in-memory one). */
export function createS3ServiceState(options: { region?: string; ownerId?: string; backend?: S3Backend; dateHeader?: boolean } = {}): S3ServiceState {
  return {
    region: options.region ?? DEFAULT_REGION,
    ownerId: options.ownerId ?? '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    backend: options.backend ?? new InMemoryS3Backend(),
    dateHeader: options.dateHeader ?? false,
  };
}
