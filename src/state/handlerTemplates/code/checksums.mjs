// Checksums for an upload manifest: Content-MD5 (base64), SHA-256 (hex) and
// a CRC-style quick check, as an S3 batch job would verify them.
import { createHash, hash } from 'node:crypto';

export const handler = async (event) => {
  const files = event.files.map(({ name, content }) => {
    const bytes = Buffer.from(content, 'utf8');
    return {
      name,
      size: bytes.length,
      contentMd5: createHash('md5').update(bytes).digest('base64'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sha1: hash('sha1', bytes),
    };
  });
  const manifest = createHash('sha512');
  for (const f of files) manifest.update(`${f.name}:${f.sha256}\n`);
  return { files, manifestSha512: manifest.digest('hex').slice(0, 32) };
};
