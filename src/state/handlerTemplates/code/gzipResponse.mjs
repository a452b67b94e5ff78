// Compressing a large JSON response when the client accepts gzip: the body is
// returned base64-encoded with `isBase64Encoded: true`, as API Gateway expects.
import { gzipSync } from 'node:zlib';

export const handler = async (event) => {
  const count = Number(event.queryStringParameters?.count ?? 200);
  const products = Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `Product ${i + 1}`, inStock: i % 3 !== 0 }));
  const body = JSON.stringify({ products });
  const accepts = (event.headers?.['accept-encoding'] ?? '').split(',').map((s) => s.trim());
  if (!accepts.includes('gzip')) {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body };
  }
  const compressed = gzipSync(body);
  console.log(`gzip: ${Buffer.byteLength(body)} → ${compressed.length} bytes`);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    isBase64Encoded: true,
    body: compressed.toString('base64'),
  };
};
