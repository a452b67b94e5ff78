import { checkAsyncPayload } from '../../asyncInvocation';
import { decodeBase64Text, utf8Decode } from '../../codec';
import { functionArn } from '../../environmentVariables';
import { checkRequestPayload } from '../../payloadLimits';
import type { ServiceRequest, ServiceResponse } from '../serviceTypes';
import { header } from '../serviceTypes';
import { lambdaApiError, lambdaErrorResponse, validationError } from './lambdaApiError';
import { FUNCTION_NAME_MAX_LENGTH, FUNCTION_NAME_PATTERN_TEXT, parseFunctionName } from './lambdaFunctionName';

/**
 * The Invoke API's request half (REST-JSON, as `@aws-sdk/client-lambda`'s
 * `InvokeCommand` sends it): `POST /2015-03-31/functions/{FunctionName}/invocations`,
 * the FunctionName percent-encoded (`:` as `%3A`), `?Qualifier=` in the
 * query, the options in `X-Amz-Invocation-Type`, `X-Amz-Log-Type` and
 * `X-Amz-Client-Context` headers, the payload as the raw body. Pure: it
 * reads the request and answers what to invoke, or the error Lambda would
 * answer before invoking anything. The invoke itself is the integrator's.
 */

export type LambdaInvocationType = 'RequestResponse' | 'Event' | 'DryRun';
export type LambdaLogType = 'None' | 'Tail';

/** What the caller asked to invoke, checked. */
export interface LambdaInvokeCall {
  kind: 'invoke';
  /** The bare function name (whatever form the caller used). */
  functionName: string;
  /** The version or alias named (in the name or `?Qualifier=`), or null for the unqualified function. */
  qualifier: string | null;
  invocationType: LambdaInvocationType;
  logType: LambdaLogType;
  /** The payload as JSON text (an empty body reads as `{}`). */
  payload: string;
  /** The client context as the JSON text it encodes (base64 on the wire), or null. */
  clientContext: string | null;
  /**
   * The caller's `X-Amzn-Trace-Id`, or null: the AWS SDK adds it from
   * `_X_AMZN_TRACE_ID` when it runs in a function, and it carries the
   * chain's `Lineage` for recursive loop detection (src/core/recursion).
   */
  traceHeader: string | null;
}

export type LambdaInvokeRequest = LambdaInvokeCall | { kind: 'error'; response: ServiceResponse };

/** The workspace's functions, as the Invoke API resolves a name against them. */
export interface KnownFunctions {
  region: string;
  accountId: string;
  /** The published versions and aliases of a function, or undefined when there is no such function. `$LATEST` is always valid. */
  qualifiers(functionName: string): readonly string[] | undefined;
}

const INVOCATIONS_PATH = /^\/2015-03-31\/functions\/([^/?]+)\/invocations$/;
const INVOCATION_TYPES: readonly LambdaInvocationType[] = ['RequestResponse', 'Event', 'DryRun'];
const LOG_TYPES: readonly LambdaLogType[] = ['None', 'Tail'];
/** API reference, Invoke: "ClientContext: Up to 3,583 bytes of base64-encoded data about the invoking client". */
export const CLIENT_CONTEXT_MAX_BYTES = 3583;

export function readLambdaInvokeRequest(request: ServiceRequest, known: KnownFunctions, requestId = ''): LambdaInvokeRequest {
  const fail = (status: number, errorType: string, message: string): LambdaInvokeRequest => ({
    kind: 'error',
    response: lambdaErrorResponse(status, lambdaApiError(errorType, message), requestId),
  });
  const invalid = (value: string, member: string, constraint: string): LambdaInvokeRequest => ({
    kind: 'error',
    response: lambdaErrorResponse(400, validationError(value, member, constraint), requestId),
  });

  const [path = '', query = ''] = request.path.split('?', 2);
  const route = INVOCATIONS_PATH.exec(path);
  if (request.method.toUpperCase() !== 'POST' || !route?.[1]) {
    return fail(404, 'UnknownOperationException', `${request.method} ${path} is not an operation this playground models (it models Invoke).`);
  }
  const rawName = decode(route[1]);
  if (rawName === null) return fail(400, 'InvalidParameterValueException', 'The function name is not valid percent-encoding.');
  if (rawName.length > FUNCTION_NAME_MAX_LENGTH) return invalid(rawName, 'functionName', `Member must have length less than or equal to ${FUNCTION_NAME_MAX_LENGTH}`);
  const parsed = parseFunctionName(rawName);
  if (!parsed) return invalid(rawName, 'functionName', `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN_TEXT}`);

  const queryQualifier = queryParam(query, 'Qualifier');
  if (queryQualifier !== null && parsed.qualifier !== null && queryQualifier !== parsed.qualifier) {
    return fail(400, 'InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
  }
  const qualifier = parsed.qualifier ?? (queryQualifier === '' ? null : queryQualifier);

  const invocationType = header(request, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (!isOneOf(invocationType, INVOCATION_TYPES)) return invalid(invocationType, 'invocationType', `Member must satisfy enum value set: [${INVOCATION_TYPES.join(', ')}]`);
  const logType = header(request, 'x-amz-log-type') ?? 'None';
  if (!isOneOf(logType, LOG_TYPES)) return invalid(logType, 'logType', `Member must satisfy enum value set: [${LOG_TYPES.join(', ')}]`);

  // Not found: an ARN of another account or Region names no function of this workspace either.
  const region = parsed.region ?? known.region;
  const accountId = parsed.accountId ?? known.accountId;
  const versions = region === known.region && accountId === known.accountId ? known.qualifiers(parsed.name) : undefined;
  if (!versions || (qualifier !== null && qualifier !== '$LATEST' && !versions.includes(qualifier))) {
    const arn = functionArn(region, accountId, parsed.name) + (qualifier !== null ? `:${qualifier}` : '');
    return fail(404, 'ResourceNotFoundException', `Function not found: ${arn}`);
  }

  const rawContext = header(request, 'x-amz-client-context');
  let clientContext: string | null = null;
  if (rawContext !== undefined && rawContext !== '') {
    // The limit and the need for base64 JSON are documented; the two messages are this model's wording.
    if (rawContext.length > CLIENT_CONTEXT_MAX_BYTES) return fail(400, 'InvalidParameterValueException', `Client context must be at most ${CLIENT_CONTEXT_MAX_BYTES} bytes of base64.`);
    const bytes = decodeBase64Text(rawContext);
    const text = bytes ? utf8Decode(bytes) : null;
    if (text === null || !isJsonObject(text)) return fail(400, 'InvalidParameterValueException', 'Client context must be a valid Base64-encoded JSON object.');
    clientContext = text;
  }

  // Observed, not documented: an Invoke with no payload runs the handler with `{}` (the CLI without --payload).
  const payload = request.body === '' ? '{}' : request.body;
  const refusal = invocationType === 'Event' ? (checkAsyncPayload(payload) ?? checkRequestPayload(payload)) : checkRequestPayload(payload);
  if (refusal) return { kind: 'error', response: lambdaErrorResponse(refusal.statusCode, refusal.error, requestId) };

  const traceHeader = header(request, 'x-amzn-trace-id') ?? null;
  return { kind: 'invoke', functionName: parsed.name, qualifier, invocationType, logType, payload, clientContext, traceHeader };
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** A query parameter's decoded value (`+` is a space, as in forms), or null when absent. */
function queryParam(query: string, name: string): string | null {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = decode((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    if (key === name) return decode((eq < 0 ? '' : pair.slice(eq + 1)).replace(/\+/g, ' ')) ?? '';
  }
  return null;
}

function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
