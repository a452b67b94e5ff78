import { base64Encode } from '../../codec';
import type { BilledRequests, ServiceEnv } from '../serviceTypes';
import { header } from '../serviceTypes';
import { parseS3Address } from './s3Address';
import { invalidArgument, notImplemented, s3CommonHeaders, s3ErrorResponse, type S3Error, type S3RequestIds } from './s3Error';
import { routeS3Request } from './s3Route';
import type { S3HandleResult, S3Request, S3ServiceState } from './s3Types';

/**
 * S3 on its REST-XML protocol, as the AWS SDK for JavaScript v3 speaks it:
 * one request in (virtual-hosted or path style), S3's response and the
 * platform's effects out. Buckets are read and written through
 * `state.backend`'s ports; time and randomness come with `env`.
 *
 * Effects: `s3ObjectCreated` / `s3ObjectRemoved` for every write (with
 * `notifiedByPort` when the bucket's port already sent its notifications),
 * and `billedRequests` with S3's tier for every modelled request, failed
 * ones included (S3 bills error responses); DELETE is free and bills nothing.
 */

function requestIds(state: S3ServiceState, env: ServiceEnv): S3RequestIds {
  const hostBytes = Uint8Array.from({ length: 57 }, () => Math.floor(env.random.next() * 256));
  return { requestId: env.random.hex(16).toUpperCase(), hostId: base64Encode(hostBytes), dateMs: state.dateHeader ? env.nowMs : null };
}

export function handleS3Request(state: S3ServiceState, request: S3Request, env: ServiceEnv): S3HandleResult {
  const ids = requestIds(state, env);
  const address = parseS3Address(request);
  const method = request.method.toUpperCase();
  const route = routeS3Request(method, address, header(request, 'x-amz-copy-source') !== undefined);
  const refuse = (error: S3Error, effects: BilledRequests[] = []): S3HandleResult => ({ state, response: s3ErrorResponse(error, ids, method), effects });
  if (route === null) {
    return refuse({
      code: 'MethodNotAllowed',
      message: 'The specified method is not allowed against this resource.',
      status: 405,
      fields: { Method: method, ResourceType: address.key === null ? 'BUCKET' : 'OBJECT' },
    });
  }
  if ('unsupported' in route) return refuse(notImplemented(route.unsupported));
  const billed: BilledRequests[] = route.tier === null ? [] : [{ type: 'billedRequests', service: 's3', action: route.name, count: 1, tier: route.tier }];
  // Buckets here are unversioned: only the null version exists.
  const versionId = address.query.get('versionId');
  if (versionId !== undefined && versionId !== 'null' && address.key !== null) return refuse(invalidArgument('Invalid version id specified', 'versionId', versionId), billed);
  const result = route.run({ state, request, address, bucket: address.bucket ?? '', key: address.key ?? '', env });
  if (!result.ok) return refuse(result.error, billed);
  const body = method === 'HEAD' ? '' : (result.body ?? '');
  return {
    state,
    response: { status: result.status ?? 200, headers: { ...s3CommonHeaders(ids), ...result.headers }, body },
    effects: [...(result.effects ?? []), ...billed],
  };
}
