// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../bundle.d.ts" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvocationRecord, LogLine } from '../core/invocationRecord';
import type { PlatformCommand } from '../core/platformTypes';
import { appendLogs, LOG_LIMITS } from './appendLogs';
import { logFeed, showInvocationLogs, usePlayground } from './playgroundStore';

const lines = (id: string): LogLine[] => [
  { atMs: 0, text: `START RequestId: ${id} Version: $LATEST`, source: 'platform' },
  { atMs: 0, text: `hello from ${id}`, source: 'function' },
  { atMs: 0, text: `END RequestId: ${id}`, source: 'platform' },
  { atMs: 0, text: `REPORT RequestId: ${id}\tDuration: 1.00 ms`, source: 'platform' },
];

const complete = (ticket: number, requestId: string): PlatformCommand =>
  ({ type: 'complete', ticket, record: { requestId } as InvocationRecord, logs: lines(requestId), response: { ok: true, payload: '1' } }) as PlatformCommand;

/** A load run's completions, `n` of them, in batches as the driver emits them. */
function run(fn: string, n: number, from = 0): void {
  for (let i = from; i < from + n; i += 1) showInvocationLogs(fn, [complete(i, `run-${i}`)]);
}

const texts = (): string[] => usePlayground.getState().logs.map((l) => l.text);

describe('the Logs panel during and after a load run', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    usePlayground.getState().clearLogs();
  });
  afterEach(() => {
    logFeed.setWindow(usePlayground.getState().selectedId, false);
    vi.useRealTimers();
  });

  it("shows the user's own Invoke pressed during a run, and the run's lines past the window are counted, not lost", () => {
    const fn = usePlayground.getState().selectedId;
    logFeed.setWindow(fn, true);
    run(fn, 100);
    // The Invoke button's request completes among the run's, and its result comes back to the button.
    showInvocationLogs(fn, [complete(1000, 'mine')]);
    logFeed.pin('mine');
    run(fn, 100, 100);
    vi.runAllTimers();
    const shown = texts();
    expect(shown).toContain('hello from mine');
    expect(shown).toContain('REPORT RequestId: mine\tDuration: 1.00 ms');
    const windowed = LOG_LIMITS.windowLines / 4;
    expect(shown.filter((t) => t.startsWith('START'))).toHaveLength(windowed + 1);
    const gaps = usePlayground.getState().logGaps;
    expect(gaps.reduce((sum, g) => sum + g.count, 0)).toBe((200 - windowed) * 4);
  });

  it('shows every line as soon as the run ends: an Invoke right after it is not dropped', () => {
    const fn = usePlayground.getState().selectedId;
    logFeed.setWindow(fn, true);
    run(fn, 80);
    logFeed.setWindow(fn, false);
    showInvocationLogs(fn, [complete(1000, 'right-after')]);
    vi.runAllTimers();
    expect(texts()).toContain('hello from right-after');
  });
});

describe('appendLogs', () => {
  const batch = (id: string, pinned = false) => ({ requestId: id, lines: lines(id), pinned });

  it('puts a marker where the hidden lines were, and pinned lines after it', () => {
    const window = { used: 0 };
    const view = appendLogs({ logs: [], gaps: [] }, [batch('a'), batch('b'), batch('c', true), batch('d')], window, { maxLines: 100, windowLines: 4 });
    expect(view.logs.map((l) => l.text)).toContain('hello from c');
    expect(view.gaps).toEqual([
      { count: 4, at: 4 },
      { count: 4, at: 8 },
    ]);
  });

  it('keeps markers in place when the oldest lines go', () => {
    const window = { used: 0 };
    const view = appendLogs({ logs: lines('old'), gaps: [] }, [batch('a'), batch('b'), batch('c', true)], window, { maxLines: 8, windowLines: 4 });
    expect(view.logs).toHaveLength(8);
    expect(view.gaps).toEqual([{ count: 4, at: 4 }]);
  });

  it('keeps the same lines array when a flush only adds to a count', () => {
    const view = { logs: lines('x'), gaps: [{ count: 4, at: 4 }] };
    const next = appendLogs(view, [batch('y')], { used: 4 }, { maxLines: 100, windowLines: 4 });
    expect(next.logs).toBe(view.logs);
    expect(next.gaps).toEqual([{ count: 8, at: 4 }]);
  });
});
