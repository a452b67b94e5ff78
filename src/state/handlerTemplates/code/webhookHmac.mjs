// Verifying a webhook's HMAC signature (GitHub-style `X-Hub-Signature-256`)
// in constant time. The secret comes from the environment in real life; the
// template falls back to the one its test event was signed with.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = process.env.WEBHOOK_SECRET ?? 'playground-webhook-secret';

function verify(rawBody, header) {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(rawBody, 'utf8').digest('hex')}`);
  const received = Buffer.from(header);
  // timingSafeEqual throws on different lengths: compare lengths first.
  return expected.length === received.length && timingSafeEqual(expected, received);
}

export const handler = async (event) => {
  const rawBody = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (!verify(rawBody, event.headers['x-hub-signature-256'])) {
    console.warn('Rejected webhook: bad signature');
    return { statusCode: 401, body: JSON.stringify({ message: 'Invalid signature' }) };
  }
  const payload = JSON.parse(rawBody);
  console.log(`Verified ${event.headers['x-github-event']} event for ${payload.repository.full_name}`);
  return { statusCode: 202, body: JSON.stringify({ accepted: true, event: event.headers['x-github-event'], ref: payload.ref }) };
};
