/**
 * EventBridge schedule expressions (scheduled rules): `rate(value unit)` and
 * AWS's six-field cron dialect, `cron(Minutes Hours Day-of-month Month
 * Day-of-week Year)`, always in UTC, to the minute.
 *
 * AWS's rules, as its cron reference states them: Minutes 0-59 `, - * /`;
 * Hours 0-23 `, - * /`; Day-of-month 1-31 `, - * ? / L W`; Month 1-12 or
 * JAN-DEC `, - * /`; Day-of-week 1-7 or SUN-SAT (1 = Sunday) `, - * ? L #`;
 * Year 1970-2199 `, - * /`. Exactly one of the two day fields is `?`. `L`,
 * `W`, `LW`, `nL` and `n#k` stand alone in their field (AWS: "3#1,6#3" is
 * invalid). Where AWS is silent we follow the Quartz scheduler its dialect
 * comes from: names in any case, `L` alone in Day-of-week is Saturday, a
 * range whose end is below its start wraps (FRI-MON), `nW` past the month's
 * end never fires. A rate runs from the moment the rule is created.
 */

export type RateUnit = 'minute' | 'hour' | 'day';

/** Day-of-month (when Day-of-week is `?`) or Day-of-week (when Day-of-month is `?`). */
export type DayRule =
  | { kind: 'monthDays'; days: readonly boolean[] }
  | { kind: 'lastDay' }
  | { kind: 'lastWeekday' }
  | { kind: 'nearestWeekday'; day: number }
  | { kind: 'weekDays'; days: readonly boolean[] }
  | { kind: 'lastWeekdayOf'; dow: number }
  | { kind: 'nthWeekdayOf'; dow: number; nth: number };

export type ScheduleExpression =
  | { kind: 'rate'; text: string; value: number; unit: RateUnit; periodMs: number }
  | { kind: 'cron'; text: string; minutes: readonly boolean[]; hours: readonly boolean[]; months: readonly boolean[]; years: readonly boolean[]; day: DayRule };

export type ScheduleParse = { ok: true; schedule: ScheduleExpression } | { ok: false; message: string; detail: string };

/** AWS's own message for a bad expression (ValidationException); the detail says what is wrong. */
export const INVALID_SCHEDULE_EXPRESSION = 'Parameter ScheduleExpression is not valid.';

const MINUTE_MS = 60_000;
const UNIT_MS: Record<RateUnit, number> = { minute: MINUTE_MS, hour: 3_600_000, day: 86_400_000 };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;

interface FieldSpec { label: string; min: number; max: number; names?: readonly string[]; step: boolean; wrap: boolean }
const FIELDS: readonly FieldSpec[] = [
  { label: 'Minutes', min: 0, max: 59, step: true, wrap: true },
  { label: 'Hours', min: 0, max: 23, step: true, wrap: true },
  { label: 'Day-of-month', min: 1, max: 31, step: true, wrap: true },
  { label: 'Month', min: 1, max: 12, names: MONTHS, step: true, wrap: true },
  { label: 'Day-of-week', min: 1, max: 7, names: DAYS, step: false, wrap: true },
  { label: 'Year', min: FIRST_YEAR, max: LAST_YEAR, step: true, wrap: false },
];

class ScheduleError extends Error {}
const fail = (detail: string): never => {
  throw new ScheduleError(detail);
};

function parseValue(token: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(token) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(token)) fail(`${spec.label}: "${token}" is not a value (${spec.min}-${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ''}).`);
  const n = Number(token);
  if (n < spec.min || n > spec.max) fail(`${spec.label}: ${n} is out of range ${spec.min}-${spec.max}.`);
  return n;
}

/** A list of values, ranges and increments (`*`, `5`, `1-5`, `0/15`, `*\/10`, `9-17/2`, `JAN,MAR`). */
function parseList(text: string, spec: FieldSpec): boolean[] {
  const set = new Array<boolean>(spec.max + 1).fill(false);
  for (const item of text.split(',')) {
    if (item === '') fail(`${spec.label}: empty item in "${text}".`);
    const [range = '', stepText, extra] = item.split('/');
    if (extra !== undefined) fail(`${spec.label}: "${item}" has more than one "/".`);
    let step = 1;
    if (stepText !== undefined) {
      if (!spec.step) fail(`${spec.label}: "/" is not allowed in this field.`);
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1 || Number(stepText) > spec.max - spec.min) {
        fail(`${spec.label}: the increment in "${item}" must be from 1 to ${spec.max - spec.min}.`);
      }
      step = Number(stepText);
    }
    let from = spec.min;
    let to = spec.max;
    if (range !== '*') {
      const [a = '', b, more] = range.split('-');
      if (more !== undefined) fail(`${spec.label}: "${range}" is not a range.`);
      from = parseValue(a, spec);
      to = b === undefined ? (stepText === undefined ? from : spec.max) : parseValue(b, spec);
      if (to < from && !spec.wrap) fail(`${spec.label}: the range "${range}" ends before it starts.`);
    }
    const span = spec.max - spec.min + 1;
    const length = (to - from + span) % span;
    for (let k = 0; k <= length; k += step) set[spec.min + ((from - spec.min + k) % span)] = true;
  }
  return set;
}

function parseDayOfMonth(text: string): DayRule {
  const spec = FIELDS[2] as FieldSpec;
  if (text === 'L') return { kind: 'lastDay' };
  if (text === 'LW') return { kind: 'lastWeekday' };
  const w = /^(\d+)W$/.exec(text);
  if (w) return { kind: 'nearestWeekday', day: parseValue(w[1] as string, spec) };
  if (/[LW#]/.test(text)) fail(`Day-of-month: "${text}" is not valid; L, LW and nW (nearest weekday to day n) must stand alone.`);
  return { kind: 'monthDays', days: parseList(text, spec) };
}

function parseDayOfWeek(text: string): DayRule {
  const spec = FIELDS[4] as FieldSpec;
  if (text === 'L') return { kind: 'weekDays', days: [false, false, false, false, false, false, false, true] };
  const last = /^([A-Z]{3}|\d+)L$/.exec(text);
  if (last) return { kind: 'lastWeekdayOf', dow: parseValue(last[1] as string, spec) };
  const nth = /^([A-Z]{3}|\d+)#(\d+)$/.exec(text);
  if (nth) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5) fail(`Day-of-week: in "${text}" the occurrence after # must be from 1 to 5.`);
    return { kind: 'nthWeekdayOf', dow: parseValue(nth[1] as string, spec), nth: n };
  }
  if (text.includes('#')) fail(`Day-of-week: "${text}" is not valid; only one day#n expression is allowed, on its own.`);
  if (/L/.test(text.replace(/[A-Z]{3}/g, (m) => (DAYS.includes(m) ? '' : m)))) {
    fail(`Day-of-week: "${text}" is not valid; L and nL (last day n of the month) must stand alone.`);
  }
  return { kind: 'weekDays', days: parseList(text, spec) };
}

function parseCron(text: string, body: string): ScheduleExpression {
  const fields = body.toUpperCase().trim().split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 6) fail(`cron needs 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got ${fields.length}.`);
  const [min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  fields.forEach((f, i) => {
    if (f === '?' && i !== 2 && i !== 4) fail(`${(FIELDS[i] as FieldSpec).label}: ? is only allowed in Day-of-month or Day-of-week.`);
  });
  if ((dom === '?') === (dow === '?')) {
    fail('Day-of-month and Day-of-week: exactly one of them must be ? (a value or * in one, ? in the other).');
  }
  for (const [i, f] of [[0, min], [1, hour], [3, month], [5, year]] as const) {
    if (/[LW#]/.test(f.replace(/[A-Z]{3}/g, (m) => (MONTHS.includes(m) ? '' : m)))) {
      fail(`${(FIELDS[i] as FieldSpec).label}: "${f}" is not valid; L, W and # are only for the day fields.`);
    }
  }
  return {
    kind: 'cron',
    text,
    minutes: parseList(min, FIELDS[0] as FieldSpec),
    hours: parseList(hour, FIELDS[1] as FieldSpec),
    months: parseList(month, FIELDS[3] as FieldSpec),
    years: parseList(year, FIELDS[5] as FieldSpec),
    day: dom === '?' ? parseDayOfWeek(dow) : parseDayOfMonth(dom),
  };
}

function parseRate(text: string, body: string): ScheduleExpression {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(body);
  if (!m) fail('rate needs a value and a unit, as in rate(5 minutes).');
  const [, valueText = '', unitText = ''] = m as RegExpExecArray;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) fail(`rate: the value must be a positive whole number, got "${valueText}".`);
  const value = Number(valueText);
  const unit = unitText.replace(/s$/, '') as RateUnit;
  if (!(unit in UNIT_MS)) fail(`rate: the unit must be minute(s), hour(s) or day(s), got "${unitText}".`);
  if (value === 1 && unitText !== unit) fail(`rate: a value of 1 takes the singular unit: rate(1 ${unit}).`);
  if (value > 1 && unitText === unit) fail(`rate: a value above 1 takes the plural unit: rate(${value} ${unit}s).`);
  return { kind: 'rate', text, value, unit, periodMs: value * UNIT_MS[unit] };
}

/** Parses `rate(...)` or `cron(...)`; a bad expression gives AWS's message with a detail of what is wrong. */
export function parseScheduleExpression(input: string): ScheduleParse {
  const text = input.trim();
  try {
    const m = /^(rate|cron)\((.*)\)$/s.exec(text);
    if (!m) {
      if (/^at\(/.test(text)) fail('at(...) one-time schedules belong to EventBridge Scheduler, not to rules: use rate(...) or cron(...).');
      fail('the expression must be rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year).');
    }
    const [, kind, body = ''] = m as RegExpExecArray;
    return { ok: true, schedule: kind === 'rate' ? parseRate(text, body) : parseCron(text, body) };
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    return { ok: false, message: `${INVALID_SCHEDULE_EXPRESSION} ${e.message}`, detail: e.message };
  }
}

const dowOf = (y: number, m: number, d: number): number => new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The days of month `m` (1-12) of year `y` on which the day rule fires, ascending. */
function daysOf(rule: DayRule, y: number, m: number): number[] {
  const n = daysIn(y, m);
  const all = Array.from({ length: n }, (_, i) => i + 1);
  const weekday = (d: number): boolean => dowOf(y, m, d) !== 1 && dowOf(y, m, d) !== 7;
  switch (rule.kind) {
    case 'monthDays':
      return all.filter((d) => rule.days[d]);
    case 'lastDay':
      return [n];
    case 'lastWeekday':
      return [all.filter(weekday).pop() as number];
    case 'nearestWeekday': {
      const d = rule.day;
      if (d > n) return [];
      const dow = dowOf(y, m, d);
      if (dow === 7) return [d === 1 ? 3 : d - 1];
      if (dow === 1) return [d === n ? d - 2 : d + 1];
      return [d];
    }
    case 'weekDays':
      return all.filter((d) => rule.days[dowOf(y, m, d)]);
    case 'lastWeekdayOf':
      return [all.filter((d) => dowOf(y, m, d) === rule.dow).pop() as number];
    case 'nthWeekdayOf': {
      const d = all.filter((x) => dowOf(y, m, x) === rule.dow)[rule.nth - 1];
      return d === undefined ? [] : [d];
    }
  }
}

/**
 * The next `count` fire times strictly after `afterMs` (ms since the epoch,
 * UTC). Cron times fall on the minute and end with 2199. A rate fires at
 * `rateStartMs` + n × period (n ≥ 1): give the rule's creation time;
 * by default it counts from `afterMs`.
 */
export function nextFireTimes(expression: ScheduleExpression | string, afterMs: number, count: number, rateStartMs = afterMs): number[] {
  let schedule: ScheduleExpression;
  if (typeof expression === 'string') {
    const parsed = parseScheduleExpression(expression);
    if (!parsed.ok) throw new Error(parsed.message);
    schedule = parsed.schedule;
  } else schedule = expression;
  const out: number[] = [];
  if (count <= 0) return out;
  if (schedule.kind === 'rate') {
    const p = schedule.periodMs;
    let n = Math.max(1, Math.floor((afterMs - rateStartMs) / p) + 1);
    while (out.length < count) {
      const t = rateStartMs + n * p;
      if (t > afterMs) out.push(t);
      n += 1;
    }
    return out;
  }
  const startMs = (Math.floor(afterMs / MINUTE_MS) + 1) * MINUTE_MS;
  const start = new Date(startMs);
  const startYear = Math.max(FIRST_YEAR, start.getUTCFullYear());
  for (let y = startYear; y <= LAST_YEAR; y += 1) {
    if (!schedule.years[y]) continue;
    for (let m = 1; m <= 12; m += 1) {
      if (!schedule.months[m] || Date.UTC(y, m, 1) <= startMs) continue;
      for (const d of daysOf(schedule.day, y, m)) {
        const dayMs = Date.UTC(y, m - 1, d);
        if (dayMs + 86_400_000 <= startMs) continue;
        for (let h = 0; h < 24; h += 1) {
          if (!schedule.hours[h]) continue;
          for (let mi = 0; mi < 60; mi += 1) {
            const t = dayMs + h * 3_600_000 + mi * MINUTE_MS;
            if (!schedule.minutes[mi] || t < startMs) continue;
            out.push(t);
            if (out.length === count) return out;
          }
        }
      }
    }
  }
  return out;
}
