import { describe, expect, it } from 'vitest';
import { INVALID_SCHEDULE_EXPRESSION, nextFireTimes, parseScheduleExpression } from './scheduleExpression';

const ms = (iso: string): number => Date.parse(iso);
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

describe('cron: next fire times (UTC)', () => {
  // 2026-01-01 is a Thursday; 2026-02-01, 2026-03-01 and 2026-11-01 are Sundays; 2026-08-01 is a Saturday.
  const table: [expression: string, after: string, expected: string[]][] = [
    ['cron(0/5 * * * ? *)', '2026-01-01T00:02:30Z', ['2026-01-01T00:05:00Z', '2026-01-01T00:10:00Z', '2026-01-01T00:15:00Z']],
    ['cron(0/5 * * * ? *)', '2026-01-01T00:05:00Z', ['2026-01-01T00:10:00Z', '2026-01-01T00:15:00Z']],
    ['cron(*/20 * * * ? *)', '2026-01-01T00:59:00Z', ['2026-01-01T01:00:00Z', '2026-01-01T01:20:00Z']],
    ['cron(1/10 * * * ? *)', '2026-01-01T00:00:00Z', ['2026-01-01T00:01:00Z', '2026-01-01T00:11:00Z', '2026-01-01T00:21:00Z']],
    ['cron(0 12 * * ? *)', '2026-01-01T12:00:00Z', ['2026-01-02T12:00:00Z', '2026-01-03T12:00:00Z']],
    ['cron(0 12 * * ? *)', '2026-01-01T11:59:59.999Z', ['2026-01-01T12:00:00Z']],
    ['cron(15 10 ? * 6L 2026)', '2026-01-01T00:00:00Z', ['2026-01-30T10:15:00Z', '2026-02-27T10:15:00Z', '2026-03-27T10:15:00Z']],
    ['cron(15 10 ? * 6L 2026)', '2026-12-01T00:00:00Z', ['2026-12-25T10:15:00Z']],
    ['cron(0 8 1W * ? *)', '2025-12-31T23:00:00Z', ['2026-01-01T08:00:00Z', '2026-02-02T08:00:00Z', '2026-03-02T08:00:00Z']],
    ['cron(0 8 1W * ? *)', '2026-07-15T00:00:00Z', ['2026-08-03T08:00:00Z']],
    ['cron(0 0 31W * ? *)', '2026-01-01T00:00:00Z', ['2026-01-30T00:00:00Z', '2026-03-31T00:00:00Z', '2026-05-29T00:00:00Z']],
    ['cron(0 0 LW * ? *)', '2026-01-01T00:00:00Z', ['2026-01-30T00:00:00Z', '2026-02-27T00:00:00Z']],
    ['cron(0 9 ? * 2#1 *)', '2026-01-01T00:00:00Z', ['2026-01-05T09:00:00Z', '2026-02-02T09:00:00Z', '2026-03-02T09:00:00Z']],
    ['cron(0 9 ? * MON#5 *)', '2026-01-01T00:00:00Z', ['2026-03-30T09:00:00Z', '2026-06-29T09:00:00Z']],
    ['cron(0 18 L * ? *)', '2026-01-01T00:00:00Z', ['2026-01-31T18:00:00Z', '2026-02-28T18:00:00Z', '2026-03-31T18:00:00Z']],
    ['cron(0 18 L * ? *)', '2028-02-01T00:00:00Z', ['2028-02-29T18:00:00Z']],
    ['cron(0/15 9-17 ? * MON-FRI *)', '2026-01-02T17:30:00Z', ['2026-01-02T17:45:00Z', '2026-01-05T09:00:00Z', '2026-01-05T09:15:00Z']],
    ['cron(0 10 * * ? *)', '2026-01-01T10:30:00Z', ['2026-01-02T10:00:00Z']],
    ['cron(0 18 ? * MON-FRI *)', '2026-01-02T18:00:00Z', ['2026-01-05T18:00:00Z']],
    ['cron(0 8 1 * ? *)', '2026-01-01T08:00:00Z', ['2026-02-01T08:00:00Z']],
    ['cron(0 0 ? * L *)', '2026-01-01T00:00:00Z', ['2026-01-03T00:00:00Z', '2026-01-10T00:00:00Z']],
    ['cron(0 0 ? * sat,sun *)', '2026-01-01T00:00:00Z', ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-10T00:00:00Z']],
    ['cron(0 0 ? * FRI-MON *)', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-09T00:00:00Z']],
    ['cron(0 22-1 * * ? *)', '2026-01-01T12:00:00Z', ['2026-01-01T22:00:00Z', '2026-01-01T23:00:00Z', '2026-01-02T00:00:00Z', '2026-01-02T01:00:00Z', '2026-01-02T22:00:00Z']],
    ['cron(30 6 1,15 JAN,JUL ? *)', '2026-01-10T00:00:00Z', ['2026-01-15T06:30:00Z', '2026-07-01T06:30:00Z', '2026-07-15T06:30:00Z', '2027-01-01T06:30:00Z']],
    ['cron(0 0 29 2 ? *)', '2026-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']],
    ['cron(0 0 1 1 ? 2030-2031)', '2026-01-01T00:00:00Z', ['2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z']],
    ['cron(0 0 1 1 ? 1970)', '2026-01-01T00:00:00Z', []],
    ['cron(0 0 30 2 ? *)', '2026-01-01T00:00:00Z', []],
    ['cron(59 23 31 12 ? 2199)', '2199-12-31T23:58:00Z', ['2199-12-31T23:59:00Z']],
  ];
  it.each(table)('%s after %s', (expression, after, expected) => {
    expect(nextFireTimes(expression, ms(after), expected.length || 1).map(iso)).toEqual(expected);
  });

  it('stops at the end of the years the expression allows', () => {
    expect(nextFireTimes('cron(15 10 ? * 6L 2026)', ms('2026-12-01T00:00:00Z'), 3).map(iso)).toEqual(['2026-12-25T10:15:00Z']);
  });

  it('asks for nothing, gets nothing', () => {
    expect(nextFireTimes('cron(0 12 * * ? *)', 0, 0)).toEqual([]);
  });
});

describe('rate: next fire times', () => {
  const start = ms('2026-01-01T12:00:07.250Z');
  it.each([
    ['rate(1 minute)', start, ['2026-01-01T12:01:07.250Z', '2026-01-01T12:02:07.250Z', '2026-01-01T12:03:07.250Z']],
    ['rate(5 minutes)', start, ['2026-01-01T12:05:07.250Z', '2026-01-01T12:10:07.250Z']],
    ['rate(1 hour)', start, ['2026-01-01T13:00:07.250Z', '2026-01-01T14:00:07.250Z']],
    ['rate(2 days)', start, ['2026-01-03T12:00:07.250Z', '2026-01-05T12:00:07.250Z']],
    // Counted from the rule's start, not from `after`:
    ['rate(2 days)', ms('2026-01-04T00:00:00Z'), ['2026-01-05T12:00:07.250Z', '2026-01-07T12:00:07.250Z']],
    ['rate(5 minutes)', start + 5 * 60_000, ['2026-01-01T12:10:07.250Z']],
  ] as const)('%s after %s', (expression, after, expected) => {
    expect(nextFireTimes(expression, after, expected.length, start).map((t) => new Date(t).toISOString())).toEqual(expected);
  });

  it('counts from `after` when no start is given', () => {
    expect(nextFireTimes('rate(10 minutes)', 0, 2)).toEqual([600_000, 1_200_000]);
  });

  it('parses value, unit and period', () => {
    expect(parseScheduleExpression('rate(3 hours)')).toEqual({
      ok: true,
      schedule: { kind: 'rate', text: 'rate(3 hours)', value: 3, unit: 'hour', periodMs: 10_800_000 },
    });
  });
});

describe('invalid expressions', () => {
  const table: [expression: string, detail: RegExp][] = [
    ['rate(1 minutes)', /value of 1 takes the singular unit: rate\(1 minute\)/],
    ['rate(1 days)', /singular unit/],
    ['rate(5 minute)', /plural unit: rate\(5 minutes\)/],
    ['rate(2 hour)', /plural unit/],
    ['rate(0 minutes)', /positive whole number/],
    ['rate(-1 minute)', /positive whole number/],
    ['rate(1.5 hours)', /positive whole number/],
    ['rate(5 weeks)', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5 seconds)', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5)', /value and a unit/],
    ['rate()', /value and a unit/],
    ['every 5 minutes', /rate\(value unit\) or cron\(/],
    ['Rate(5 minutes)', /rate\(value unit\) or cron\(/],
    ['at(2026-01-01T00:00:00)', /EventBridge Scheduler/],
    ['cron(0 12 * * ?)', /6 fields .* got 5/],
    ['cron(0 12 * * ? * *)', /got 7/],
    ['cron(0 12 * * * *)', /exactly one of them must be \?/],
    ['cron(0 12 ? * ? *)', /exactly one of them must be \?/],
    ['cron(0 12 1 * MON *)', /exactly one of them must be \?/],
    ['cron(? 12 * * ? *)', /Minutes: \? is only allowed/],
    ['cron(60 * * * ? *)', /Minutes: 60 is out of range 0-59/],
    ['cron(0 24 * * ? *)', /Hours: 24 is out of range 0-23/],
    ['cron(0 0 32 * ? *)', /Day-of-month: 32 is out of range 1-31/],
    ['cron(0 0 0 * ? *)', /Day-of-month: 0 is out of range 1-31/],
    ['cron(0 0 * 13 ? *)', /Month: 13 is out of range 1-12/],
    ['cron(0 0 ? * 8 *)', /Day-of-week: 8 is out of range 1-7/],
    ['cron(0 0 ? * 0 *)', /Day-of-week: 0 is out of range 1-7/],
    ['cron(0 0 * * ? 2200)', /Year: 2200 is out of range 1970-2199/],
    ['cron(0 0 * * ? 1969)', /Year: 1969 is out of range/],
    ['cron(0 0 * * ? 2031-2030)', /Year: the range "2031-2030" ends before it starts/],
    ['cron(0 0 * FOO ? *)', /Month: "FOO" is not a value \(1-12 or JAN-DEC\)/],
    ['cron(0 0 ? * MOM *)', /Day-of-week: "MOM" is not a value/],
    ['cron(0/0 * * * ? *)', /increment .* must be from 1 to 59/],
    ['cron(0/60 * * * ? *)', /increment .* must be from 1 to 59/],
    ['cron(0 0 ? * MON/2 *)', /Day-of-week: "\/" is not allowed/],
    ['cron(0 0 ? * 3#1,6#3 *)', /only one day#n expression/],
    ['cron(0 0 ? * 2#6 *)', /must be from 1 to 5/],
    ['cron(0 0 ? * 2#0 *)', /must be from 1 to 5/],
    ['cron(0 0 ? * 2L,3 *)', /L and nL .* must stand alone/],
    ['cron(0 0 L,15 * ? *)', /L, LW and nW .* must stand alone/],
    ['cron(0 0 15W,20 * ? *)', /must stand alone/],
    ['cron(0 0 1#2 * ? *)', /must stand alone/],
    ['cron(0 L * * ? *)', /Hours: "L" is not valid; L, W and # are only for the day fields/],
    ['cron(0 0 * 2W ? *)', /Month: .* only for the day fields/],
    ['cron(0 0 1,,2 * ? *)', /empty item/],
    ['cron(0 0 1-2-3 * ? *)', /is not a range/],
    ['cron(0 0 1/2/3 * ? *)', /more than one "\/"/],
    ['cron(a 0 * * ? *)', /Minutes: "A" is not a value/],
  ];
  it.each(table)('%s', (expression, detail) => {
    const parsed = parseScheduleExpression(expression);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message.startsWith(`${INVALID_SCHEDULE_EXPRESSION} `)).toBe(true);
    expect(parsed.detail).toMatch(detail);
    expect(() => nextFireTimes(expression, 0, 1)).toThrow(INVALID_SCHEDULE_EXPRESSION);
  });

  it.each(['rate(1 minute)', 'rate(5 minutes)', 'rate(1 hour)', 'rate(2 days)', ' cron(0 12 * * ? *) ', 'cron(0  12 * * ?  *)', 'cron(0 0 ? * 1-7 *)', 'cron(0 0 ? * SUN-SAT *)'])(
    '%s is valid',
    (expression) => {
      expect(parseScheduleExpression(expression).ok).toBe(true);
    },
  );
});
