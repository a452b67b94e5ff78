import { describe, expect, it } from 'vitest';
import { checkRequestPayload, checkResponsePayload, SYNC_REQUEST_LIMIT_BYTES, SYNC_RESPONSE_LIMIT_BYTES } from './payloadLimits';
import { ScenarioDriver } from './scenario.test-support';

/** A JSON string literal of exactly `bytes` UTF-8 bytes, padded with `char` (1 or 2 bytes). */
function jsonOfSize(bytes: number, char = 'a'): string {
  const charBytes = Buffer.byteLength(char);
  const body = char.repeat(Math.floor((bytes - 2) / charBytes));
  const json = `"${body}${'a'.repeat(bytes - 2 - Buffer.byteLength(body))}"`;
  expect(Buffer.byteLength(json)).toBe(bytes);
  return json;
}

describe('the limits', () => {
  it('are 6 MiB in and 6,291,556 bytes out', () => {
    expect(SYNC_REQUEST_LIMIT_BYTES).toBe(6_291_456);
    expect(SYNC_RESPONSE_LIMIT_BYTES).toBe(6_291_556);
  });
});

describe('the Invoke API refuses a request before any environment sees it', () => {
  it.each(['', '{', 'not json', "{'single': 'quotes'}", '{"a":1,}', 'undefined'])('400 for invalid JSON %j', (payload) => {
    const d = new ScenarioDriver();
    const ticket = d.invoke(payload);
    const [reject, ...rest] = d.timeline.map((e) => e.command);
    expect(rest).toEqual([]);
    expect(reject).toMatchObject({ type: 'reject', ticket, statusCode: 400, error: { errorType: 'InvalidRequestContentException', trace: [] } });
    expect(reject?.type === 'reject' && reject.error.errorMessage).toMatch(/^Could not parse request body into json: Could not parse payload into json: /);
  });

  it.each(['{}', '[]', '"text"', '42', 'null', 'true', ' {"a": [1, 2]} '])('accepts any JSON value: %j', (payload) => {
    expect(checkRequestPayload(payload)).toBeNull();
  });

  it('413 RequestEntityTooLargeException over 6 MiB, as clients show it', () => {
    const d = new ScenarioDriver();
    const ticket = d.invoke(jsonOfSize(SYNC_REQUEST_LIMIT_BYTES + 1));
    expect(d.timeline.map((e) => e.command)).toEqual([
      {
        type: 'reject',
        ticket,
        statusCode: 413,
        error: { errorType: 'RequestEntityTooLargeException', errorMessage: '6291457 byte payload is too large for the RequestResponse invocation type (limit 6291456 bytes)', trace: [] },
      },
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(checkRequestPayload(jsonOfSize(SYNC_REQUEST_LIMIT_BYTES))).toBeNull();
    expect(checkRequestPayload(jsonOfSize(SYNC_REQUEST_LIMIT_BYTES, 'é'))).toBeNull();
    const accented = jsonOfSize(SYNC_REQUEST_LIMIT_BYTES + 2, 'é');
    expect(accented.length).toBeLessThan(SYNC_REQUEST_LIMIT_BYTES / 2 + 10);
    expect(checkRequestPayload(accented)?.statusCode).toBe(413);
  });

  it('size is checked before syntax: an oversized non-JSON body is a 413', () => {
    expect(checkRequestPayload('x'.repeat(SYNC_REQUEST_LIMIT_BYTES + 1))?.statusCode).toBe(413);
  });

  it('a refused request uses no request id: the next accepted one gets the same id as without it', () => {
    const plain = new ScenarioDriver();
    plain.invoke();
    const withReject = new ScenarioDriver();
    withReject.invoke('{');
    withReject.invoke();
    plain.initDone('env-1', 1);
    withReject.initDone('env-1', 1);
    expect(withReject.commands('invoke')[0]?.requestId).toBe(plain.commands('invoke')[0]?.requestId);
  });
});

describe('a response over the limit', () => {
  function respond(payload: string): ScenarioDriver {
    const d = new ScenarioDriver();
    d.invoke();
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 10, { kind: 'success', payload });
    return d;
  }

  it('passes at exactly 6,291,556 bytes', () => {
    const payload = jsonOfSize(SYNC_RESPONSE_LIMIT_BYTES);
    expect(respond(payload).completion(1).response).toEqual({ ok: true, payload });
  });

  it('fails with Function.ResponseSizeTooLarge one byte over', () => {
    const d = respond(jsonOfSize(SYNC_RESPONSE_LIMIT_BYTES + 1));
    expect(d.completion(1).response).toEqual({
      ok: false,
      error: {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: 'Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).',
        trace: [],
      },
    });
    expect(d.completion(1).record).toMatchObject({ outcome: 'error', errorType: 'Function.ResponseSizeTooLarge' });
  });

  it('counts UTF-8 bytes of the response', () => {
    expect(checkResponsePayload(jsonOfSize(SYNC_RESPONSE_LIMIT_BYTES, 'é'))).toBeNull();
    expect(checkResponsePayload(jsonOfSize(SYNC_RESPONSE_LIMIT_BYTES + 1, 'é'))?.errorType).toBe('Function.ResponseSizeTooLarge');
  });

  it('leaves the environment warm: the function ran fine, only the answer was too big', () => {
    const d = respond(jsonOfSize(SYNC_RESPONSE_LIMIT_BYTES + 1));
    expect(d.commands('destroyEnvironment')).toEqual([]);
    d.invoke();
    expect(d.commands('invoke').at(-1)?.envId).toBe('env-1');
  });
});
