// Verifying an HS256 JSON Web Token with node:crypto alone: signature,
// expiry and audience. (Use a maintained library such as `jose` in production.)
import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = process.env.JWT_SECRET ?? 'playground-jwt-secret';
const AUDIENCE = 'orders-api';

const decodeJson = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

export function verifyJwt(token, nowSeconds) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('Malformed token');
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJson(headerPart);
  if (header.alg !== 'HS256') throw new Error(`Unsupported alg ${header.alg}`);
  const expected = createHmac('sha256', SECRET).update(`${headerPart}.${payloadPart}`).digest();
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) throw new Error('Invalid signature');
  const claims = decodeJson(payloadPart);
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) throw new Error('Token expired');
  if (claims.aud !== AUDIENCE) throw new Error('Wrong audience');
  return claims;
}

export const handler = async (event) => {
  const auth = event.headers?.authorization ?? '';
  const token = auth.replace(/^Bearer\s+/i, '');
  try {
    // The request's own time, so the example token stays valid: use Date.now() in real code.
    const claims = verifyJwt(token, Math.floor(event.requestContext.timeEpoch / 1000));
    return { statusCode: 200, body: JSON.stringify({ sub: claims.sub, scope: claims.scope }) };
  } catch (err) {
    console.warn('JWT rejected:', err.message);
    return { statusCode: 401, body: JSON.stringify({ message: err.message }) };
  }
};
