// An API Gateway Lambda authorizer (TOKEN type): returns an IAM policy that
// allows or denies the method, with context for the backend.
import { createHash } from 'node:crypto';

const API_KEYS = new Set(['5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8']); // sha256("password")

const policy = (principalId, effect, resource, context) => ({
  principalId,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
  context,
});

export const handler = async (event) => {
  const token = event.authorizationToken?.replace(/^Bearer /, '') ?? '';
  const hashed = createHash('sha256').update(token).digest('hex');
  if (!API_KEYS.has(hashed)) {
    // Throwing exactly 'Unauthorized' makes API Gateway answer 401.
    if (!token) throw new Error('Unauthorized');
    return policy('anonymous', 'Deny', event.methodArn, { reason: 'unknown key' });
  }
  // Allow every method of this stage, so the cached policy covers them all.
  const [arn, stage] = event.methodArn.split('/');
  return policy(`key-${hashed.slice(0, 8)}`, 'Allow', `${arn}/${stage}/*`, { tier: 'gold' });
};
