import { createRandom } from '../random';
import type { ServiceEnv, ServiceRequest } from './serviceTypes';

/** A JSON-protocol request as the SDK v3 sends it. */
export function jsonRequest(version: '1.0' | '1.1', target: string, input: unknown): ServiceRequest {
  return { method: 'POST', path: '/', headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amz-target': target }, body: JSON.stringify(input) };
}

/** A query-protocol request: a form-encoded body. */
export function formRequest(params: Record<string, string>): ServiceRequest {
  return { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') };
}

export function env(nowMs: number, seed = 7): ServiceEnv {
  return { nowMs, random: createRandom(seed) };
}
