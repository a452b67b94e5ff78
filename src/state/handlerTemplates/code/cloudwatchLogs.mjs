// A CloudWatch Logs subscription filter: the payload is gzipped JSON,
// base64-encoded in event.awslogs.data.
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

export const handler = async (event) => {
  const payload = JSON.parse((await gunzipAsync(Buffer.from(event.awslogs.data, 'base64'))).toString('utf8'));
  if (payload.messageType === 'CONTROL_MESSAGE') return { skipped: true };
  const errors = payload.logEvents.filter((e) => /ERROR/.test(e.message));
  for (const e of errors) console.log(`[${payload.logGroup}] ${new Date(e.timestamp).toISOString()} ${e.message}`);
  return { logGroup: payload.logGroup, events: payload.logEvents.length, errors: errors.map((e) => e.id) };
};
