import { describe, expect, it } from 'vitest';
import type { LogLine } from '../core/invocationRecord';
import { appendLogs, type LogBatch, type LogGroupMeta } from './appendLogs';

const lines = (n: number, tag: string): LogLine[] => Array.from({ length: n }, (_, i) => ({ text: `${tag} ${i}`, source: 'function' }) as LogLine);
const meta = (requestId: string): LogGroupMeta => ({ requestId, origin: 'Load test', cold: false, outcome: 'success', attempt: 1, invocationType: 'RequestResponse', durationMs: 1, startedAtMs: 0 });
const batch = (requestId: string, n: number, pinned = false): LogBatch => ({ requestId, lines: lines(n, requestId), pinned, meta: meta(requestId) });

describe('log groups: where each invocation’s lines begin', () => {
  it('marks each shown batch; batches past a load run’s window get no group, only a gap', () => {
    const window = { used: 0 };
    const view = appendLogs({ logs: [], gaps: [], groups: [] }, [batch('a', 3), batch('b', 3), batch('c', 3)], window, { maxLines: 100, windowLines: 6 });
    expect(view.groups?.map((g) => [g.requestId, g.at])).toEqual([
      ['a', 0],
      ['b', 3],
    ]);
    expect(view.gaps).toEqual([{ at: 6, count: 3 }]);
  });

  it('when old lines are dropped, groups move with them; a group cut in half keeps its header at 0', () => {
    const view = appendLogs({ logs: [], gaps: [], groups: [] }, [batch('a', 4), batch('b', 4), batch('c', 4)], null, { maxLines: 6, windowLines: 6 });
    expect(view.logs).toHaveLength(6);
    expect(view.groups?.map((g) => [g.requestId, g.at])).toEqual([
      ['b', 0],
      ['c', 2],
    ]);
  });
});
