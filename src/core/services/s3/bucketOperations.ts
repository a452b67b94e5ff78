import { malformedXml, noSuchBucket } from './s3Error';
import { bodyText, bucketOf, fail, isS3Error, type S3Call, type S3OpResult } from './s3Operation';
import { s3Timestamp, s3XmlDocument, xmlChildren, xmlElement, xmlUnescape } from './s3Xml';

/** CreateBucket, HeadBucket, DeleteBucket, ListBuckets and GetBucketLocation. */

/** S3's general purpose bucket naming rules. */
export function isValidBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  );
}

export function createBucket(call: S3Call): S3OpResult {
  const { state, bucket } = call;
  if (!isValidBucketName(bucket)) return fail({ code: 'InvalidBucketName', message: 'The specified bucket is not valid.', status: 400, fields: { BucketName: bucket } });
  const body = bodyText(call.request) ?? '';
  if (body.trim() !== '' && xmlChildren(body, 'CreateBucketConfiguration').length === 0) return fail(malformedXml());
  const constraint = xmlUnescape(xmlChildren(body, 'LocationConstraint')[0] ?? '').trim();
  // us-east-1 takes no LocationConstraint (naming it is invalid); every other region wants its own name there.
  if (state.region === 'us-east-1' && constraint === 'us-east-1') {
    return fail({ code: 'InvalidLocationConstraint', message: 'The specified location-constraint is not valid', status: 400, fields: { LocationConstraint: constraint } });
  }
  if (constraint !== (state.region === 'us-east-1' ? '' : state.region)) {
    return fail({
      code: 'IllegalLocationConstraintException',
      message: `The ${constraint || 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      status: 400,
    });
  }
  if (state.backend.bucket(bucket)) {
    // us-east-1 answers 200 to a CreateBucket for a bucket you already own (and changes nothing); other regions refuse.
    if (state.region === 'us-east-1') return { ok: true, headers: { Location: `/${bucket}` } };
    return fail({ code: 'BucketAlreadyOwnedByYou', message: 'Your previous request to create the named bucket succeeded and you already own it.', status: 409, fields: { BucketName: bucket } });
  }
  state.backend.createBucket(bucket, call.env.nowMs);
  return { ok: true, headers: { Location: state.region === 'us-east-1' ? `/${bucket}` : `http://${bucket}.s3.amazonaws.com/` } };
}

export function headBucket(call: S3Call): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  return { ok: true, headers: { 'x-amz-bucket-region': call.state.region, 'x-amz-access-point-alias': 'false', 'Content-Type': 'application/xml' } };
}

export function deleteBucket(call: S3Call): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  if (port.list().length > 0) return fail({ code: 'BucketNotEmpty', message: 'The bucket you tried to delete is not empty', status: 409, fields: { BucketName: call.bucket } });
  const done = call.state.backend.deleteBucket(call.bucket);
  if (!done.ok) return fail({ code: done.code, message: done.message, status: done.code === 'AccessDenied' ? 403 : 400 });
  return { ok: true, status: 204 };
}

export function listBuckets(call: S3Call): S3OpResult {
  const buckets = [...call.state.backend.buckets()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const list = buckets.map((b) => `<Bucket>${xmlElement('Name', b.name)}${xmlElement('CreationDate', s3Timestamp(b.creationDateMs))}${xmlElement('BucketRegion', call.state.region)}</Bucket>`).join('');
  const body = s3XmlDocument('ListAllMyBucketsResult', `<Owner>${xmlElement('ID', call.state.ownerId)}</Owner><Buckets>${list}</Buckets>`);
  return { ok: true, headers: { 'Content-Type': 'application/xml' }, body };
}

export function getBucketLocation(call: S3Call): S3OpResult {
  if (!call.state.backend.bucket(call.bucket)) return fail(noSuchBucket(call.bucket));
  const region = call.state.region === 'us-east-1' ? '' : call.state.region;
  return { ok: true, headers: { 'Content-Type': 'application/xml' }, body: s3XmlDocument('LocationConstraint', region) };
}

