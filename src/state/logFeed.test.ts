import { describe, expect, it } from 'vitest';
import type { PlatformCommand } from '../core/platformTypes';
import { appendLogs } from './appendLogs';
import { LogFeed } from './logFeed';

const initLog = (envId: string, status: 'success' | 'error' | 'timeout'): PlatformCommand => ({
  type: 'notice',
  notice: {
    kind: 'initLog',
    atMs: 5,
    envId,
    logStreamName: `2026/12/05/[1]${envId}`,
    status,
    lines: [{ atMs: 1, text: 'INIT_START Runtime Version: nodejs:20.v51', source: 'platform' }],
  },
});

describe('LogFeed', () => {
  it("a provisioned environment's init is a group of its own, named by its environment and log stream, with how the init ended", () => {
    const feed = new LogFeed();
    expect(feed.receive('fn-1', [initLog('env-1-v1', 'success'), initLog('env-2-v1', 'timeout')])).toBe(true);
    const batches = feed.take().get('fn-1') ?? [];
    expect(batches.map((b) => [b.requestId, b.meta?.outcome, b.meta?.init, b.lines.length])).toEqual([
      ['init env-1-v1', 'success', { envId: 'env-1-v1', logStreamName: '2026/12/05/[1]env-1-v1' }, 1],
      ['init env-2-v1', 'timeout', { envId: 'env-2-v1', logStreamName: '2026/12/05/[1]env-2-v1' }, 1],
    ]);
    // Taken: nothing waits any more; other notices carry no lines.
    expect(feed.receive('fn-1', [{ type: 'notice', notice: { kind: 'provisioned', atMs: 0, count: 1, memoryMb: 128, architecture: 'x86_64' } }])).toBe(false);
  });

  it("a run's lines stay in its window when the flush comes after the run ended (the window is the one in force when they arrived)", () => {
    const feed = new LogFeed();
    const complete = (n: number): PlatformCommand => ({
      type: 'complete',
      ticket: n,
      record: { requestId: `r-${n}`, cold: false, outcome: 'success', attempt: 1, invocationType: 'RequestResponse', durationMs: 1, startedAtMs: 0 } as never,
      logs: Array.from({ length: 12 }, (_, i) => ({ atMs: 0, text: `line ${i}`, source: 'function' as const })),
      response: { ok: true, payload: '1' },
    });
    feed.setWindow('fn-1', true);
    feed.receive('fn-1', Array.from({ length: 30 }, (_, i) => complete(i + 1)));
    // The run is drained and its window closed before the flush takes its lines.
    feed.setWindow('fn-1', false);
    feed.receive('fn-1', [complete(31)]);
    const view = appendLogs({ logs: [], gaps: [] }, feed.take().get('fn-1') ?? [], null, { maxLines: 5_000, windowLines: 200 });
    // 16 of the run's 30 invocations fit its 200-line window; the other 14 are counted; the one after the run is shown.
    expect(view.gaps).toEqual([{ count: 14 * 12, at: 16 * 12 }]);
    expect(view.logs).toHaveLength(17 * 12);
  });
});
