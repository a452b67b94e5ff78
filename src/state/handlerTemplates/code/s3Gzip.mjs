// S3 object processing: for each new object, stream its content through gzip
// into /tmp and report the sizes and a checksum, as a handler would before
// uploading the compressed copy. (There is no S3 here: the object's body is
// made up from its key instead of read with GetObjectCommand.)
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gunzipSync } from 'node:zlib';
import path from 'node:path';

function objectBody(key, size) {
  const line = `log line for ${key}\n`;
  return Readable.from(Array.from({ length: Math.ceil(size / line.length) }, () => line));
}

export const handler = async (event) => {
  const results = [];
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    // Keys arrive URL-encoded, with spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const source = path.join('/tmp', path.basename(key));
    const target = `${source}.gz`;

    await pipeline(objectBody(key, record.s3.object.size), createWriteStream(source));
    await pipeline(createReadStream(source), createGzip(), createWriteStream(target));

    const original = await fs.readFile(source);
    const compressed = await fs.readFile(target);
    const roundTrip = gunzipSync(compressed).equals(original);
    results.push({
      bucket,
      key,
      outputKey: `compressed/${key}.gz`,
      originalBytes: original.length,
      compressedBytes: compressed.length,
      sha256: createHash('sha256').update(original).digest('hex'),
      roundTrip,
    });
    await fs.rm(source);
  }
  console.log(JSON.stringify(results));
  return { processed: results.length, results };
};
