import type { EventBridgeEvent } from 'aws-lambda';
import { utf8Length } from '../codec';
import { matchesEventPattern, parseEventPattern, type EventPattern } from './eventPattern';
import { nextFireTimes, parseScheduleExpression, type ScheduleExpression } from './scheduleExpression';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';

/**
 * EventBridge (lambda-model.md §4, §7): scheduled rules on the default bus and
 * pattern rules on a custom bus, each with one Lambda target, invoked
 * asynchronously (`Event`) with the event as payload. Retries after the
 * invoke are the function's platform's business.
 *
 * Time. Fire times are computed on the context's clock, which is platform
 * time (cron in UTC, rate from the rule's creation or re-enabling); the
 * event's `time` is the fire time (whole seconds, like AWS). Compressed waits
 * are the clock's business (PlatformClock): it runs faster only while no
 * handler executes, so a schedule never fires again while the invocation of
 * a previous tick runs unless Lambda would too. Occurrences missed while
 * timers were late (a sleeping tab) are fired on wake-up, at most 20 at a
 * time.
 */

export interface ScheduleRuleInput { name: string; expression: string; functionName: string; enabled: boolean }
export interface PatternRuleInput { name: string; pattern: string; functionName: string }
export interface PutEventsEntry { source: string; detailType: string; detail: string; resources?: string[] }

export type EventBridgeResult = { ok: true } | { ok: false; code: string; message: string };
export type PutEventsEntryResult =
  | { ok: true; eventId: string; source: string; detailType: string; matchedRules: string[] }
  | { ok: false; errorCode: 'InvalidArgument' | 'MalformedDetail'; errorMessage: string; source: string; detailType: string };
export type PutEventsResult =
  | { ok: true; failedEntryCount: number; entries: PutEventsEntryResult[] }
  | { ok: false; code: 'ValidationException'; message: string };

/** `next`: the next three fire times (platform time) while enabled (none when disabled, or when the expression never fires again). */
export interface ScheduleView {
  name: string; arn: string; expression: string; functionName: string; enabled: boolean; next: number[]; fired: number;
}
export interface PatternRuleView { name: string; arn: string; patternText: string; functionName: string; matched: number }
export interface DeliveryView {
  invocationId: string; atMs: number; rule: string; kind: 'schedule' | 'pattern'; functionName: string;
  eventId: string; eventTime: string; status: 'sent' | 'accepted' | 'rejected'; detail?: string;
}
export interface PutEventsRecord { atMs: number; result: PutEventsResult }
/**
 * `waitScale`/`scaleNote`: the scale now in force and what it means for schedules. `deliveries`: newest first, the last
 * 50 target invocations. `putEvents`: newest first, the last 10 calls. `lastError`: the last refused action,
 * `Code: message`, cleared by the next action that succeeds.
 */
export interface EventBridgeView {
  busName: string; busArn: string; waitScale: number; scaleNote: string; schedules: ScheduleView[]; rules: PatternRuleView[];
  deliveries: DeliveryView[]; putEvents: PutEventsRecord[]; lastError: string | null;
}

export const EVENTBRIDGE_LIMITS = { entriesPerCall: 10, requestBytes: 256 * 1024, recent: 50, putEventsKept: 10, catchUp: 20 } as const;
/** setTimeout's longest delay; a later fire time is reached by re-arming. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** AWS's rule-name rule (PutRule: 1-64 of `.-_A-Za-z0-9`); null when the name is valid. */
export function validateRuleName(name: string): string | null {
  if (/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) return null;
  return `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ and be 1 to 64 characters long`;
}

/** ISO-8601 to the second, as EventBridge writes `time` ("2026-01-01T12:00:00Z"). */
export const eventTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Bytes PutEvents counts for an entry (EventBridge User Guide, "Calculating PutEvents event entry size"): Time 14 if given, Source, DetailType, Detail and each resource in UTF-8. */
export function putEventsEntryBytes(e: PutEventsEntry & { hasTime?: boolean }): number {
  return (e.hasTime ? 14 : 0) + utf8Length(e.source) + utf8Length(e.detailType) + utf8Length(e.detail) + (e.resources ?? []).reduce((r, x) => r + utf8Length(x), 0);
}

/** Why PutEvents refuses the whole call (entry count, total size), in AWS's words; null when it takes it. */
export function putEventsProblem(entries: readonly (PutEventsEntry & { hasTime?: boolean })[]): string | null {
  const limit = EVENTBRIDGE_LIMITS.entriesPerCall;
  const size = entries.reduce((sum, e) => sum + putEventsEntryBytes(e), 0);
  return entries.length < 1 || entries.length > limit
    ? `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${limit}`}`
    : size > EVENTBRIDGE_LIMITS.requestBytes ? 'Total size of the entries in the request is over the limit.' : null;
}

/** An entry's own check: Source, DetailType and Detail are required, and Detail must be a JSON object. */
export function checkPutEventsEntry(e: PutEventsEntry):
  | { ok: true; detail: Record<string, unknown> }
  | { ok: false; errorCode: 'InvalidArgument' | 'MalformedDetail'; errorMessage: string } {
  const missing = e.source === '' ? 'Source' : e.detailType === '' ? 'DetailType' : e.detail === '' ? 'Detail' : null;
  if (missing) return { ok: false, errorCode: 'InvalidArgument', errorMessage: `Parameter ${missing} is not valid. Reason: ${missing} is a required argument.` };
  const detail = parseJson(e.detail);
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { ok: false, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
  return { ok: true, detail: detail as Record<string, unknown> };
}

/** The event a PutEvents entry becomes, as rules match it and targets receive it (lambda-model.md §7). */
export function customEvent(
  e: PutEventsEntry,
  detail: Record<string, unknown>,
  at: { id: string; time: string; region: string; accountId: string },
): EventBridgeEvent<string, Record<string, unknown>> {
  return {
    version: '0', id: at.id, 'detail-type': e.detailType, source: e.source, account: at.accountId,
    time: at.time, region: at.region, resources: [...(e.resources ?? [])], detail,
  } satisfies EventBridgeEvent<string, Record<string, unknown>>;
}

interface Schedule {
  input: ScheduleRuleInput; parsed: ScheduleExpression; arn: string;
  /** Time a rate counts from (creation or re-enabling). */
  rateStart: number;
  nextVirtual: number | null; fired: number;
}
interface PatternRule { input: PatternRuleInput; pattern: EventPattern; arn: string; matched: number }

const timerOf = (name: string): string => `schedule/${name}`;
const saneScale = (k: number): number => (Number.isFinite(k) && k > 0 ? k : 1);
const parseJson = (text: string): unknown => {
  try { return JSON.parse(text); } catch { return undefined; }
};
const noTarget = (functionName: string): string | null => (functionName.trim() === '' ? 'A target function is required.' : null);

export class EventBridge implements EventSource {
  readonly id: string;
  readonly busName: string;
  private readonly schedules = new Map<string, Schedule>();
  private readonly rules = new Map<string, PatternRule>();
  private deliveries: DeliveryView[] = [];
  private putEventsLog: PutEventsRecord[] = [];
  private lastError: string | null = null;
  private invocations = 0;
  private cached: EventBridgeView | null = null;

  constructor(private readonly ctx: SourceContext, options: { id: string; busName: string }) {
    this.id = options.id;
    this.busName = options.busName;
  }

  private scale = (): number => saneScale(this.ctx.waitScale());

  /** PutRule with a ScheduleExpression (on the default bus) and PutTargets; an existing schedule of that name is replaced. */
  addSchedule(input: ScheduleRuleInput, out: SourceCommand[]): EventBridgeResult {
    const parsed = parseScheduleExpression(input.expression);
    const bad = validateRuleName(input.name) ?? (parsed.ok ? null : parsed.message) ?? noTarget(input.functionName);
    if (bad || !parsed.ok) return this.refuse('ValidationException', bad ?? '', out);
    const now = this.ctx.clock.now();
    const s: Schedule = {
      input: { ...input }, parsed: parsed.schedule, arn: `arn:aws:events:${this.ctx.region}:${this.ctx.accountId}:rule/${input.name}`,
      rateStart: now, nextVirtual: null, fired: 0,
    };
    const replaced = this.schedules.has(input.name);
    this.schedules.set(input.name, s);
    this.arm(s, out);
    return this.settle(out, null, `Schedule ${input.name}${replaced ? ' replaced' : ''}: ${input.expression} → ${input.functionName}${input.enabled ? '' : ' (disabled)'}`);
  }

  /** EnableRule / DisableRule. A rate counts again from the moment it is re-enabled. */
  setScheduleEnabled(name: string, enabled: boolean, out: SourceCommand[]): EventBridgeResult {
    const s = this.schedules.get(name);
    if (!s) return this.refuse('ResourceNotFoundException', `Rule ${name} does not exist.`, out);
    if (s.input.enabled !== enabled) {
      s.input.enabled = enabled;
      if (enabled) s.rateStart = this.ctx.clock.now();
      this.arm(s, out);
      this.log(out, `Schedule ${name} ${enabled ? 'enabled' : 'disabled'}`);
    }
    return this.settle(out, null);
  }

  removeSchedule(name: string, out: SourceCommand[]): EventBridgeResult {
    if (!this.schedules.delete(name)) return this.refuse('ResourceNotFoundException', `Rule ${name} does not exist.`, out);
    out.push({ type: 'clearTimer', timerId: timerOf(name) });
    return this.settle(out, null, `Schedule ${name} deleted`);
  }

  /** PutRule with an EventPattern on the custom bus, and PutTargets; an existing rule of that name is replaced. */
  addRule(input: PatternRuleInput, out: SourceCommand[]): EventBridgeResult {
    const bad = validateRuleName(input.name) ?? noTarget(input.functionName);
    if (bad) return this.refuse('ValidationException', bad, out);
    const parsed = parseEventPattern(input.pattern);
    if (!parsed.ok) return this.refuse('InvalidEventPatternException', parsed.message, out);
    const path = this.busName === 'default' ? input.name : `${this.busName}/${input.name}`;
    this.rules.set(input.name, { input: { ...input }, pattern: parsed.pattern, arn: `arn:aws:events:${this.ctx.region}:${this.ctx.accountId}:rule/${path}`, matched: 0 });
    return this.settle(out, null, `Rule ${input.name} on ${this.busName} → ${input.functionName}`);
  }

  removeRule(name: string, out: SourceCommand[]): EventBridgeResult {
    if (!this.rules.delete(name)) return this.refuse('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${this.busName}.`, out);
    return this.settle(out, null, `Rule ${name} deleted`);
  }

  /** PutEvents to the custom bus: each valid entry becomes an event, delivered to every rule it matches. */
  putEvents(entries: readonly PutEventsEntry[], out: SourceCommand[]): PutEventsResult {
    const now = this.ctx.clock.now();
    const problem = putEventsProblem(entries);
    const results = problem ? [] : entries.map((e) => this.putEntry(e, now, out));
    const result: PutEventsResult = problem
      ? { ok: false, code: 'ValidationException', message: problem }
      : { ok: true, failedEntryCount: results.filter((r) => !r.ok).length, entries: results };
    this.putEventsLog = [{ atMs: now, result }, ...this.putEventsLog].slice(0, EVENTBRIDGE_LIMITS.putEventsKept);
    if (problem) this.refuse('ValidationException', problem, out);
    else this.settle(out, null, `PutEvents: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, ${results.filter((r) => !r.ok).length} failed`);
    return result;
  }

  /** The wait scale changed: only the view's note does (the clock itself compresses). */
  onWaitScaleChanged(out: SourceCommand[]): void {
    this.cached = null;
    out.push({ type: 'changed' });
  }

  onTimer(timerId: string, out: SourceCommand[]): void {
    const s = [...this.schedules.values()].find((x) => timerOf(x.input.name) === timerId);
    if (!s || !s.input.enabled || s.nextVirtual === null) return;
    const now = this.ctx.clock.now();
    if (s.nextVirtual > now + 1) {
      this.arm(s, out, s.nextVirtual); // woke early: a fire time beyond setTimeout's reach
      return;
    }
    const vNow = Math.max(now, s.nextVirtual);
    let v: number | undefined = s.nextVirtual;
    let fired = 0;
    while (v !== undefined && v <= vNow && fired < EVENTBRIDGE_LIMITS.catchUp) {
      this.fire(s, v, out);
      fired += 1;
      v = nextFireTimes(s.parsed, v, 1, s.rateStart)[0];
    }
    if (v !== undefined && v <= vNow) {
      this.log(out, `Schedule ${s.input.name}: timers ran late; occurrences up to ${eventTime(vNow)} were skipped`);
      v = nextFireTimes(s.parsed, vNow, 1, s.rateStart)[0];
    }
    s.nextVirtual = v ?? null;
    this.arm(s, out, s.nextVirtual);
    this.settle(out, undefined);
  }

  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    const d = this.deliveries.find((x) => x.invocationId === invocationId);
    if (!d) return;
    const refused = result.kind === 'rejected' ? `${result.statusCode} ${result.error.errorType}` : result.kind === 'functionError' ? result.error.errorType : null;
    this.deliveries = this.deliveries.map((x) => (x === d ? { ...x, status: refused ? 'rejected' : 'accepted', ...(refused ? { detail: refused } : {}) } : x));
    if (refused) this.log(out, `Lambda refused the event from rule ${d.rule} for ${d.functionName}: ${refused} (EventBridge's own retries are not modelled)`);
    this.cached = null;
    out.push({ type: 'changed' });
  }

  view(): EventBridgeView {
    const scale = this.scale();
    if (this.cached?.waitScale === scale) return this.cached;
    const schedules = [...this.schedules.values()].map((s): ScheduleView => {
      const next = s.nextVirtual === null ? [] : [s.nextVirtual, ...nextFireTimes(s.parsed, s.nextVirtual, 2, s.rateStart)];
      return {
        name: s.input.name, arn: s.arn, expression: s.input.expression, functionName: s.input.functionName, enabled: s.input.enabled,
        next, fired: s.fired,
      };
    });
    const rules = [...this.rules.values()].map((r) => ({ name: r.input.name, arn: r.arn, patternText: r.input.pattern, functionName: r.input.functionName, matched: r.matched }));
    this.cached = {
      busName: this.busName, busArn: `arn:aws:events:${this.ctx.region}:${this.ctx.accountId}:event-bus/${this.busName}`,
      waitScale: scale,
      scaleNote: scale === 1
        ? 'Schedules run in real time (UTC).'
        : `Schedules run on platform time, ${scale.toLocaleString('en-US')}× faster than real time while no handler runs (1 minute in ${(60 / scale).toLocaleString('en-US', { maximumFractionDigits: 3 })} s) and at real speed while one does; events carry the platform time.`,
      schedules, rules, deliveries: this.deliveries, putEvents: this.putEventsLog, lastError: this.lastError,
    };
    return this.cached;
  }

  private putEntry(e: PutEventsEntry, now: number, out: SourceCommand[]): PutEventsEntryResult {
    const base = { source: e.source, detailType: e.detailType };
    const checked = checkPutEventsEntry(e);
    if (!checked.ok) return { ...base, ...checked };
    const eventId = this.ctx.random.uuid();
    const event = customEvent(e, checked.detail, { id: eventId, time: eventTime(now), region: this.ctx.region, accountId: this.ctx.accountId });
    const matched = [...this.rules.values()].filter((r) => matchesEventPattern(r.pattern, event));
    for (const r of matched) {
      r.matched += 1;
      this.deliver(r.input.name, 'pattern', r.input.functionName, event, out);
    }
    return { ...base, ok: true, eventId, matchedRules: matched.map((r) => r.input.name) };
  }

  private fire(s: Schedule, virtual: number, out: SourceCommand[]): void {
    const event = {
      version: '0', id: this.ctx.random.uuid(), 'detail-type': 'Scheduled Event', source: 'aws.events', account: this.ctx.accountId,
      time: eventTime(virtual), region: this.ctx.region, resources: [s.arn], detail: {},
    } satisfies EventBridgeEvent<'Scheduled Event', Record<string, never>>;
    s.fired += 1;
    this.deliver(s.input.name, 'schedule', s.input.functionName, event, out);
  }

  private deliver(rule: string, kind: DeliveryView['kind'], functionName: string, event: EventBridgeEvent<string, unknown>, out: SourceCommand[]): void {
    const invocationId = `eb-${++this.invocations}`;
    out.push({ type: 'invoke', functionName, invocationId, payload: JSON.stringify(event), invocationType: 'Event' });
    const d: DeliveryView = { invocationId, atMs: this.ctx.clock.now(), rule, kind, functionName, eventId: event.id, eventTime: event.time, status: 'sent' };
    this.deliveries = [d, ...this.deliveries].slice(0, EVENTBRIDGE_LIMITS.recent);
    this.log(out, `${kind === 'schedule' ? 'Schedule' : 'Rule'} ${rule} → ${functionName} (event ${event.id}, time ${event.time})`);
  }

  /** Set (or clear) the schedule's timer: at `next` if given, else at the first fire time after now. */
  private arm(s: Schedule, out: SourceCommand[], next?: number | null): void {
    const now = this.ctx.clock.now();
    const v = !s.input.enabled ? null : next !== undefined ? next : (nextFireTimes(s.parsed, now, 1, s.rateStart)[0] ?? null);
    s.nextVirtual = v;
    this.cached = null;
    if (v === null) out.push({ type: 'clearTimer', timerId: timerOf(s.input.name) });
    else out.push({ type: 'setTimer', timerId: timerOf(s.input.name), atMs: Math.min(v, now + MAX_TIMER_MS) });
  }

  private log(out: SourceCommand[], text: string): void {
    out.push({ type: 'log', atMs: this.ctx.clock.now(), text });
  }

  private refuse(code: string, message: string, out: SourceCommand[]): EventBridgeResult {
    return this.settle(out, { code, message }, `Refused: ${code}: ${message}`);
  }

  /** Logs `line`, records the error (`undefined` keeps the last one: a timer is not a user action), announces the change. */
  private settle(out: SourceCommand[], error: { code: string; message: string } | null | undefined, line?: string): EventBridgeResult {
    if (line) this.log(out, line);
    if (error !== undefined) this.lastError = error && `${error.code}: ${error.message}`;
    this.cached = null;
    out.push({ type: 'changed' });
    return error ? { ok: false, ...error } : { ok: true };
  }
}
