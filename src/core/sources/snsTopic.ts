import { BASE64_ALPHABET, utf8Length } from '../codec';
import { matchesEventPattern, validateEventPattern } from './eventPattern';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';

/**
 * An SNS topic with Lambda subscriptions (lambda-model.md §4, §7). A publish
 * fans out: one asynchronous (`Event`) invoke per subscribed function whose
 * filter policy accepts the message, each with one record. Retries are the
 * function's platform's business.
 */

export type SnsAttributeType = 'String' | 'Number' | 'Binary' | 'String.Array';
/** A message attribute as published; a Binary value is given as base64, a String.Array value as a JSON array. */
export interface SnsAttributeInput { name: string; type: SnsAttributeType; value: string }
export interface SnsPublishInput { message: string; subject?: string; attributes: SnsAttributeInput[] }

/**
 * One condition of a filter policy on message attributes: an exact string,
 * or one of SNS's operators, with EventBridge's syntax and meaning
 * (eventPattern.ts matches them): `{"numeric": [">", 0, "<=", 5]}`,
 * `{"prefix": "x"}`, `{"suffix": "x"}`, `{"equals-ignore-case": "x"}`,
 * `{"anything-but": …}`, `{"exists": true|false}`.
 */
export type SnsFilterCondition = string | { readonly [operator: string]: unknown };
/** Attribute name → conditions. Every name must match (AND); one condition per name suffices (OR). */
export type SnsFilterPolicy = Record<string, SnsFilterCondition[]>;

export interface SnsLambdaRecord {
  EventVersion: string; EventSubscriptionArn: string; EventSource: 'aws:sns';
  Sns: {
    Type: 'Notification'; MessageId: string; TopicArn: string;
    /** null when the publisher gave none, as Lambda receives it. */
    Subject: string | null;
    Message: string; Timestamp: string; SignatureVersion: string;
    /** A placeholder that looks like SNS's base64 RSA signature: nothing is signed here. */
    Signature: string;
    SigningCertUrl: string; UnsubscribeUrl: string;
    MessageAttributes: Record<string, { Type: string; Value: string }>;
  };
}
export interface SnsLambdaEvent { Records: [SnsLambdaRecord] }

export interface SnsSubscriptionView { subscriptionArn: string; functionName: string; filterPolicy: SnsFilterPolicy | null }
export interface SnsDelivery {
  subscriptionArn: string; functionName: string; invocationId: string; event: SnsLambdaEvent;
  /** `sent` until the function's platform answers: `accepted` (202) or `rejected` (with the reason in `detail`). */
  status: 'sent' | 'accepted' | 'rejected';
  detail?: string;
}
export interface SnsPublishRecord {
  messageId: string; atMs: number; subject: string | null; message: string; attributes: SnsAttributeInput[];
  deliveries: SnsDelivery[];
  /** Subscribed functions whose filter policy turned the message away. */
  filteredOut: string[];
}
export interface SnsTopicView {
  topicName: string; topicArn: string;
  subscriptions: SnsSubscriptionView[];
  /** Newest first, the last 50. */
  recent: SnsPublishRecord[];
  /** The last refused action, `Code: message`; cleared by the next action that succeeds. */
  lastError: string | null;
}

export type SnsRefusal = { ok: false; code: string; message: string };
type Refusal = SnsRefusal;
export type SnsResult = { ok: true } | Refusal;

/** Message plus attributes (names, types, values), in UTF-8 bytes; SNS's 256 KB. */
export const SNS_LIMITS = { messageBytes: 262_144, subjectChars: 99, attributeNameChars: 256, policyKeys: 5, policyCombinations: 150, recent: 50 } as const;

const TYPES: readonly SnsAttributeType[] = ['String', 'Number', 'Binary', 'String.Array'];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const invalid = (message: string, code = 'InvalidParameter'): Refusal => ({ ok: false, code, message });

function stringArray(value: string): (string | number | boolean | null)[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    return Array.isArray(parsed) && parsed.every(scalar) ? (parsed as (string | number | boolean | null)[]) : null;
  } catch {
    return null;
  }
}

/** SNS's rules for attribute names and values (SNS developer guide, "Message attribute items and validation"). */
function checkAttribute(a: SnsAttributeInput, seen: Set<string>): Refusal | null {
  const name = a.name;
  const badName = !/^[A-Za-z0-9_.-]+$/.test(name) || name.length > SNS_LIMITS.attributeNameChars || name.startsWith('.') ||
    name.endsWith('.') || name.includes('..') || /^(aws|amazon)\./i.test(name);
  if (badName) {
    return invalid(`Invalid parameter: MessageAttributes: the name '${name}' must be 1–256 of A–Z a–z 0–9 _ - ., no leading, trailing or double period, and not start with AWS. or Amazon.`, 'InvalidParameterValue');
  }
  if (seen.has(name)) return invalid(`Invalid parameter: MessageAttributes: the name '${name}' is given twice.`, 'InvalidParameterValue');
  seen.add(name);
  if (!TYPES.includes(a.type)) {
    return invalid(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`, 'InvalidParameterValue');
  }
  if (a.value === '') return invalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${a.type}'.`, 'InvalidParameterValue');
  const digits = a.value.replace(/[eE].*$/, '').replace(/\D/g, '').replace(/^0+/, '');
  if (a.type === 'Number' && (!NUMBER.test(a.value) || digits.length > 38)) {
    return invalid(`Could not cast message attribute '${name}' value to number.`, 'InvalidParameterValue');
  }
  if (a.type === 'Binary' && (a.value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(a.value))) {
    return invalid(`The message attribute '${name}' of type Binary must be base64 here.`, 'InvalidParameterValue');
  }
  if (a.type === 'String.Array' && !stringArray(a.value)) {
    return invalid(`The message attribute '${name}' of type String.Array must be a JSON array of strings, numbers, booleans or nulls.`, 'InvalidParameterValue');
  }
  return null;
}

/** The operators SNS filter policies take (no `wildcard`, which is EventBridge's alone). */
const SNS_OPERATORS = ['numeric', 'prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'exists'];

/** Why SNS refuses a condition, or null: strings and SNS's operators, each checked as event-pattern syntax. */
function conditionProblem(name: string, c: unknown): string | null {
  if (typeof c === 'string') return null;
  const operator = typeof c === 'object' && c !== null && !Array.isArray(c) ? Object.keys(c) : [];
  const reason = operator.length === 1 && SNS_OPERATORS.includes(operator[0] as string) ? validateEventPattern({ [name]: [c] }) : 'not an SNS condition';
  if (reason === null) return null;
  return `Unsupported condition ${JSON.stringify(c)} for "${name}" (here: "text", or {"numeric" | "prefix" | "suffix" | "equals-ignore-case" | "anything-but" | "exists": …}): ${reason}`;
}

/** A filter policy (object or its JSON), checked; or SNS's refusal. */
export function parseFilterPolicy(policy: SnsFilterPolicy | string): { ok: true; policy: SnsFilterPolicy } | Refusal {
  const fail = (why: string) => invalid(`Invalid parameter: FilterPolicy: ${why}`);
  let value: unknown = policy;
  if (typeof policy === 'string') {
    try {
      value = JSON.parse(policy);
    } catch {
      return fail('Filter policy is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('Filter policy must be a JSON object');
  const entries = Object.entries(value);
  if (entries.length === 0) return fail('Filter policy must name at least one attribute');
  if (entries.length > SNS_LIMITS.policyKeys) return fail('Filter policy can not have more than 5 keys');
  for (const [name, conditions] of entries) {
    if (!Array.isArray(conditions) || conditions.length === 0) return fail(`"${name}" must be a non-empty array`);
    for (const c of conditions as unknown[]) {
      const problem = conditionProblem(name, c);
      if (problem !== null) return fail(problem);
    }
  }
  if (entries.reduce((n, [, c]) => n * (c as unknown[]).length, 1) > SNS_LIMITS.policyCombinations) return fail('Filter policy is too complex');
  return { ok: true, policy: value as SnsFilterPolicy };
}

/** A Binary attribute's value for matching: it exists, and equals nothing. */
const BINARY = Symbol('Binary');
const isExists = (c: SnsFilterCondition): boolean => typeof c === 'object' && 'exists' in c;

/**
 * Whether a message with these attributes passes the policy: the attributes
 * as an event (String: its text; Number: its number; String.Array: its
 * elements, any of which may match), matched by eventPattern.ts. Binary
 * attributes match only `exists`.
 */
export function matchesFilterPolicy(policy: SnsFilterPolicy, attributes: readonly SnsAttributeInput[]): boolean {
  const event: Record<string, unknown> = {};
  let binary = false;
  for (const a of attributes) {
    if (a.type === 'Binary') binary = true;
    event[a.name] = a.type === 'String' ? a.value : a.type === 'Number' ? Number(a.value) : a.type === 'String.Array' ? (stringArray(a.value) ?? []) : BINARY;
  }
  const pattern = binary
    ? Object.fromEntries(Object.entries(policy).map(([name, cs]) => [name, event[name] === BINARY ? cs.filter(isExists) : cs]))
    : policy;
  return matchesEventPattern(pattern, event);
}

/** Message plus attributes (names, types, values), in UTF-8 bytes: what SNS's 256 KB limit counts. */
export function snsPublishBytes(input: SnsPublishInput): number {
  return input.attributes.reduce((n, a) => n + utf8Length(a.name) + utf8Length(a.type) + utf8Length(a.value), utf8Length(input.message));
}

/** Publish's checks, in SNS's words; null when the message may be published. */
export function checkSnsPublish(input: SnsPublishInput): SnsRefusal | null {
  if (input.message === '') return invalid('Invalid parameter: Empty message');
  const s = input.subject;
  // eslint-disable-next-line no-control-regex
  if (s !== undefined && (s === '' || s.length > SNS_LIMITS.subjectChars || /[\u0000-\u001f\u007f]/.test(s) || /^\s/.test(s))) {
    return invalid('Invalid parameter: Subject');
  }
  const seen = new Set<string>();
  for (const a of input.attributes) {
    const bad = checkAttribute(a, seen);
    if (bad) return bad;
  }
  return snsPublishBytes(input) > SNS_LIMITS.messageBytes ? invalid('Invalid parameter: Message too long') : null;
}

/** The event a subscribed function receives for one message (lambda-model.md §7): one record. */
export function snsLambdaEvent(n: {
  subscriptionArn: string; messageId: string; topicArn: string; subject: string | null; message: string; atMs: number;
  signature: string; certUrl: string; region: string; attributes: Record<string, { Type: string; Value: string }>;
}): SnsLambdaEvent {
  return {
    Records: [{
      EventVersion: '1.0', EventSubscriptionArn: n.subscriptionArn, EventSource: 'aws:sns',
      Sns: {
        Type: 'Notification', MessageId: n.messageId, TopicArn: n.topicArn, Subject: n.subject, Message: n.message,
        Timestamp: new Date(n.atMs).toISOString(), SignatureVersion: '1', Signature: n.signature, SigningCertUrl: n.certUrl,
        UnsubscribeUrl: `https://sns.${n.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${n.subscriptionArn}`,
        MessageAttributes: n.attributes,
      },
    }],
  };
}

/** A placeholder shaped like SNS's base64 RSA signature (344 characters): nothing is signed here. */
export function snsSignaturePlaceholder(random: { next(): number }): string {
  let s = '';
  for (let i = 0; i < 342; i++) s += BASE64_ALPHABET[Math.floor(random.next() * 64)] ?? 'A';
  return `${s}==`;
}

export class SnsTopic implements EventSource {
  readonly id: string;
  readonly topicName: string;
  readonly topicArn: string;
  private subscriptions: SnsSubscriptionView[] = [];
  private recent: SnsPublishRecord[] = [];
  private lastError: string | null = null;
  private invocations = 0;
  private readonly certUrl: string;
  private cached: SnsTopicView | null = null;

  constructor(private readonly ctx: SourceContext, options: { id: string; topicName: string }) {
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(options.topicName)) throw new Error('InvalidParameter: Invalid parameter: Topic Name');
    this.id = options.id;
    this.topicName = options.topicName;
    this.topicArn = `arn:aws:sns:${ctx.region}:${ctx.accountId}:${options.topicName}`;
    this.certUrl = `https://sns.${ctx.region}.amazonaws.com/SimpleNotificationService-${ctx.random.hex(32)}.pem`;
  }

  /** Subscribe a function. Subscribing it again with the same policy returns the same ARN, as SNS does. */
  subscribe(functionName: string, filterPolicy?: SnsFilterPolicy | string, out: SourceCommand[] = []): ({ ok: true; subscriptionArn: string }) | Refusal {
    if (functionName.trim() === '') return this.refuse(out, invalid('Invalid parameter: Endpoint'));
    const parsed = filterPolicy === undefined ? null : parseFilterPolicy(filterPolicy);
    if (parsed && !parsed.ok) return this.refuse(out, parsed);
    const policy = parsed?.policy ?? null;
    const same = this.subscriptions.find((s) => s.functionName === functionName);
    if (same && JSON.stringify(same.filterPolicy) !== JSON.stringify(policy)) {
      return this.refuse(out, invalid('Invalid parameter: Attributes Reason: Subscription already exists with different attributes'));
    }
    const subscriptionArn = same?.subscriptionArn ?? `${this.topicArn}:${this.ctx.random.uuid()}`;
    if (!same) {
      this.subscriptions = [...this.subscriptions, { subscriptionArn, functionName, filterPolicy: policy }];
      this.log(out, `Subscribed ${functionName}${policy ? ` with filter policy ${JSON.stringify(policy)}` : ''}`);
    }
    this.done(out);
    return { ok: true, subscriptionArn };
  }

  unsubscribe(subscriptionArn: string, out: SourceCommand[] = []): SnsResult {
    const sub = this.subscriptions.find((s) => s.subscriptionArn === subscriptionArn);
    if (!sub) return this.refuse(out, invalid('Subscription does not exist', 'NotFound'));
    this.subscriptions = this.subscriptions.filter((s) => s !== sub);
    this.log(out, `Unsubscribed ${sub.functionName}`);
    return this.done(out);
  }

  publish(input: SnsPublishInput, out: SourceCommand[]): ({ ok: true; messageId: string }) | Refusal {
    const refusal = this.checkPublish(input);
    if (refusal) return this.refuse(out, refusal);
    const now = this.ctx.clock.now();
    const messageId = this.ctx.random.uuid();
    const subject = input.subject ?? null;
    const signature = snsSignaturePlaceholder(this.ctx.random);
    const attributes = Object.fromEntries(input.attributes.map((a) => [a.name, { Type: a.type, Value: a.value }]));
    const deliveries: SnsDelivery[] = [];
    const filteredOut: string[] = [];
    for (const sub of this.subscriptions) {
      if (sub.filterPolicy && !matchesFilterPolicy(sub.filterPolicy, input.attributes)) {
        filteredOut.push(sub.functionName);
        continue;
      }
      const event = snsLambdaEvent({
        subscriptionArn: sub.subscriptionArn, messageId, topicArn: this.topicArn, subject, message: input.message, atMs: now,
        signature, certUrl: this.certUrl, region: this.ctx.region, attributes,
      });
      const invocationId = `sns-${++this.invocations}`;
      out.push({ type: 'invoke', functionName: sub.functionName, invocationId, payload: JSON.stringify(event), invocationType: 'Event' });
      deliveries.push({ subscriptionArn: sub.subscriptionArn, functionName: sub.functionName, invocationId, event, status: 'sent' });
    }
    const record = { messageId, atMs: now, subject, message: input.message, attributes: input.attributes.map((a) => ({ ...a })), deliveries, filteredOut };
    this.recent = [record, ...this.recent].slice(0, SNS_LIMITS.recent);
    const filtered = filteredOut.length > 0 ? ` (${filteredOut.length} filtered out)` : '';
    this.log(out, `Published ${messageId} → ${deliveries.map((d) => d.functionName).join(', ') || 'no subscriber'}${filtered}`);
    this.done(out);
    return { ok: true, messageId };
  }

  view(): SnsTopicView {
    this.cached ??= { topicName: this.topicName, topicArn: this.topicArn, subscriptions: this.subscriptions, recent: this.recent, lastError: this.lastError };
    return this.cached;
  }

  /** SNS keeps no timers here: deliveries go out at once. */
  onTimer(_timerId: string, _out: SourceCommand[]): void {}

  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    const rejected = result.kind === 'rejected' || result.kind === 'functionError';
    const detail = result.kind === 'rejected' ? `${result.statusCode} ${result.error.errorType}` : result.kind === 'functionError' ? result.error.errorType : undefined;
    let found: SnsDelivery | undefined;
    this.recent = this.recent.map((p) => {
      const i = p.deliveries.findIndex((d) => d.invocationId === invocationId);
      const d = p.deliveries[i];
      if (!d) return p;
      found = { ...d, status: rejected ? 'rejected' : 'accepted', ...(detail ? { detail } : {}) };
      return { ...p, deliveries: p.deliveries.map((x, j) => (j === i ? (found as SnsDelivery) : x)) };
    });
    if (found) {
      this.cached = null;
      out.push({ type: 'changed' });
    }
    if (rejected) this.log(out, `Lambda refused the delivery ${invocationId}${found ? ` to ${found.functionName}` : ''}: ${detail ?? ''}`);
  }

  private checkPublish(input: SnsPublishInput): Refusal | null {
    return checkSnsPublish(input);
  }

  private log(out: SourceCommand[], text: string): void {
    out.push({ type: 'log', atMs: this.ctx.clock.now(), text });
  }

  private done(out: SourceCommand[]): { ok: true } {
    this.lastError = null;
    this.cached = null;
    out.push({ type: 'changed' });
    return { ok: true };
  }

  private refuse(out: SourceCommand[], refusal: Refusal): Refusal {
    this.log(out, `Refused: ${refusal.code}: ${refusal.message}`);
    this.done(out);
    this.lastError = `${refusal.code}: ${refusal.message}`;
    return refusal;
  }
}
