import type { EventBridgeEvent } from 'aws-lambda';
import { jsonError, jsonResponse, list, num, obj, readJsonCall, str, strings, type JsonObject } from '../awsJson';
import { checkPutEventsEntry, customEvent, eventTime, putEventsEntryBytes, putEventsProblem, type PutEventsEntry } from '../../sources/eventBridge';
import { matchesEventPattern } from '../../sources/eventPattern';
import type { BilledRequests, ServiceEnv, ServiceRequest, ServiceResult } from '../serviceTypes';
import { busNamed, type EventBridgeServiceState } from './eventBridgeServiceState';

/**
 * EventBridge PutEvents on the AWS JSON 1.1 protocol
 * (`X-Amz-Target: AWSEvents.PutEvents`, `application/x-amz-json-1.1`).
 * Each entry is checked on its own (FailedEntryCount and per-entry
 * ErrorCode/ErrorMessage); the call fails as a whole only on its entry
 * count or total size. An accepted entry becomes an event with an id from
 * the injected random, matched against the rules of its bus; every target
 * of every matching rule is an effect. As AWS does, an entry for a bus that
 * does not exist is accepted (it gets an EventId) and reaches no rule.
 */

/** One event for one target of one rule: an asynchronous (`Event`) invoke of the function. */
export interface EventBridgeDelivery {
  type: 'eventBridgeDelivery';
  busName: string;
  ruleName: string;
  ruleArn: string;
  functionName: string;
  event: EventBridgeEvent<string, Record<string, unknown>>;
}

export type EventBridgeServiceEffect = EventBridgeDelivery;

/** EventBridge bills each 64 KiB chunk of an entry as one event. */
const BILLING_CHUNK_BYTES = 65_536;

function readEntry(raw: unknown): PutEventsEntry & { hasTime: boolean; busName: string | undefined; timeS: number | undefined } {
  const e: JsonObject = obj(raw) ?? {};
  const resources = list(e, 'Resources') ? strings(e, 'Resources') : undefined;
  return {
    source: str(e, 'Source') ?? '',
    detailType: str(e, 'DetailType') ?? '',
    detail: str(e, 'Detail') ?? '',
    ...(resources ? { resources } : {}),
    hasTime: num(e, 'Time') !== undefined,
    timeS: num(e, 'Time'),
    busName: str(e, 'EventBusName'),
  };
}

export function handleEventBridgeRequest(
  state: EventBridgeServiceState,
  request: ServiceRequest,
  env: ServiceEnv,
): ServiceResult<EventBridgeServiceState, EventBridgeServiceEffect> {
  const requestId = env.random.uuid();
  const call = readJsonCall(request, '1.1', 'AWSEvents', requestId);
  if (!call.ok) return { state, response: call.response, effects: [] };
  if (call.operation !== 'PutEvents') {
    return { state, response: jsonError('1.1', requestId, 'UnknownOperationException', `The operation ${call.operation} is not modelled by this playground.`), effects: [] };
  }
  const entries = (list(call.input, 'Entries') ?? []).map(readEntry);
  const problem = putEventsProblem(entries);
  if (problem) return { state, response: jsonError('1.1', requestId, 'ValidationException', problem), effects: [] };

  const results: Record<string, string>[] = [];
  const effects: (EventBridgeServiceEffect | BilledRequests)[] = [];
  let billed = 0;
  for (const e of entries) {
    const checked = checkPutEventsEntry(e);
    if (!checked.ok) {
      results.push({ ErrorCode: checked.errorCode, ErrorMessage: checked.errorMessage });
      continue;
    }
    const id = env.random.uuid();
    const time = eventTime(e.timeS !== undefined ? e.timeS * 1000 : env.nowMs);
    const event = customEvent(e, checked.detail, { id, time, region: state.region, accountId: state.accountId });
    results.push({ EventId: id });
    billed += Math.max(1, Math.ceil(putEventsEntryBytes(e) / BILLING_CHUNK_BYTES));
    const bus = busNamed(state, e.busName);
    for (const rule of bus?.rules ?? []) {
      if (!matchesEventPattern(rule.pattern, event)) continue;
      for (const functionName of rule.functionNames) {
        effects.push({ type: 'eventBridgeDelivery', busName: bus!.name, ruleName: rule.name, ruleArn: rule.arn, functionName, event });
      }
    }
  }
  effects.push({ type: 'billedRequests', service: 'eventbridge', action: 'PutEvents', count: billed });
  const failed = results.filter((r) => 'ErrorCode' in r).length;
  return { state, response: jsonResponse('1.1', requestId, { FailedEntryCount: failed, Entries: results }), effects };
}
