import { describe, expect, it } from 'vitest';
import type { PlatformCommand } from '../core/platformTypes';
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
});
