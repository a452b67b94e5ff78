import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../core/invocationRecord';
import type { LogGroupMark } from '../../state/appendLogs';
import { filterLogs, groupLogs, isErrorLine, splitMatches } from './logGroups';

const line = (text: string, source: LogLine['source'] = 'platform'): LogLine => ({ text, source }) as LogLine;
const mark = (at: number, requestId: string, extra: Partial<LogGroupMark> = {}): LogGroupMark => ({
  at,
  requestId,
  origin: 'Invoke button',
  cold: false,
  outcome: 'success',
  attempt: 1,
  invocationType: 'RequestResponse',
  durationMs: 1,
  startedAtMs: 0,
  ...extra,
});

const logs = [
  line('INIT_START Runtime Version: nodejs:22'),
  line('START RequestId: a Version: $LATEST'),
  line('2026-01-01T00:00:00.000Z\ta\tINFO\thello world', 'function'),
  line('END RequestId: a'),
  line('REPORT RequestId: a\tDuration: 1.00 ms'),
  line('START RequestId: b Version: $LATEST'),
  line('2026-01-01T00:00:00.000Z\tb\tERROR\tboom', 'function'),
  line('END RequestId: b'),
  line('REPORT RequestId: b\tDuration: 1.00 ms\tStatus: error'),
];
const marks = [mark(0, 'a', { cold: true }), mark(5, 'b', { outcome: 'error', origin: 'SQS queue orders' })];

describe('the Logs panel: groups, search, errors', () => {
  it('groups lines by invocation, init lines with the cold start they belong to; gaps stay where they were', () => {
    const items = groupLogs(logs, marks, [{ at: 5, count: 40 }]);
    expect(items.map((i) => (i.kind === 'gap' ? `gap ${i.gap.count}` : `${i.meta?.requestId} ${i.start}-${i.end}`))).toEqual(['a 0-5', 'gap 40', 'b 5-9']);
  });

  it('lines before the first mark (a log trimmed mid-invocation) form a group without a header', () => {
    const items = groupLogs(logs, [mark(5, 'b')], []);
    expect(items.map((i) => (i.kind === 'group' ? [i.meta?.requestId ?? null, i.start, i.end] : null))).toEqual([
      [null, 0, 5],
      ['b', 5, 9],
    ]);
  });

  it('search keeps the groups with a match and counts them; errors only keeps the failed ones', () => {
    const items = groupLogs(logs, marks, [{ at: 5, count: 40 }]);
    expect(filterLogs(items, logs, { query: '', errorsOnly: false })).toMatchObject({ shown: 2, total: 2 });
    const hello = filterLogs(items, logs, { query: 'HELLO', errorsOnly: false });
    expect(hello).toMatchObject({ shown: 1, total: 2 });
    expect(hello.items.map((i) => i.kind === 'group' && i.meta?.requestId)).toEqual(['a']);
    expect(filterLogs(items, logs, { query: 'orders', errorsOnly: false }).shown).toBe(1);
    const errors = filterLogs(items, logs, { query: '', errorsOnly: true });
    expect(errors.items.map((i) => i.kind === 'group' && i.meta?.requestId)).toEqual(['b']);
    expect(filterLogs(items, logs, { query: 'hello', errorsOnly: true }).shown).toBe(0);
  });

  it.each([
    ['2026-01-01T00:00:00.000Z\tb\tERROR\tboom', true],
    ['[ERROR] TypeError: x', true],
    ['{"level":"ERROR","message":"x"}', true],
    ['2026-01-01T00:00:00.000Z b Task timed out after 3.00 seconds', true],
    ['REPORT RequestId: b\tDuration: 1.00 ms\tStatus: timeout', true],
    ['2026-01-01T00:00:00.000Z\ta\tINFO\tan ERROR word in a sentence', false],
    ['START RequestId: a Version: $LATEST', false],
  ])('%j is an error line: %s', (text, expected) => {
    expect(isErrorLine(line(text))).toBe(expected);
  });

  it('splits a line at each match, whatever its case', () => {
    expect(splitMatches('Hello hello HELLO', 'hello')).toEqual(['', 'Hello', ' ', 'hello', ' ', 'HELLO', '']);
    expect(splitMatches('nothing', 'x')).toEqual(['nothing']);
  });
});
