// IDs with crypto.randomUUID, and an idempotency key hashed from the
// request: a retried request with the same body gets the same key.
import { randomUUID, createHash, randomBytes } from 'node:crypto';

const seen = new Map();

export const handler = async (event) => {
  const idempotencyKey = createHash('sha256').update(JSON.stringify(event.payment)).digest('hex');
  if (seen.has(idempotencyKey)) {
    return { ...seen.get(idempotencyKey), replayed: true };
  }
  const result = {
    paymentId: randomUUID(),
    reference: randomBytes(6).toString('hex').toUpperCase(),
    idempotencyKey,
    amount: event.payment.amount,
    replayed: false,
  };
  seen.set(idempotencyKey, result);
  return result;
};
