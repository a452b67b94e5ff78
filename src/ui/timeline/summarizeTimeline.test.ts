import { describe, expect, it } from 'vitest';
import type { SegmentKind, TimelineRow } from '../../state/timelineData';
import { summarizeTimeline } from './summarizeTimeline';

const row = (provisioned: boolean, kinds: SegmentKind[], destroyed = false): TimelineRow => ({
  envId: 'env',
  provisioned,
  memoryMb: 128,
  createdAtMs: 0,
  destroyedAtMs: destroyed ? 100 : null,
  destroyReason: destroyed ? 'reclaimed' : null,
  segments: kinds.map((kind, i) => ({ kind, startMs: i, endMs: i + 1 })),
});

describe('summarizeTimeline', () => {
  it('counts environments, provisioned ones, invocations and failed invocations', () => {
    const s = summarizeTimeline({
      version: 3,
      originMs: 0,
      rows: [row(true, ['init', 'success', 'idle', 'error']), row(false, ['init', 'timeout'], true), row(false, ['crash', 'success'])],
    });
    expect(s).toMatchObject({ environments: 3, provisioned: 1, alive: 2, invocations: 5, errors: 3 });
    expect(s.text).toBe('3 environments (1 provisioned), 5 invocations, 3 errors');
  });

  it('says one in the singular and nothing when empty', () => {
    expect(summarizeTimeline({ version: 0, originMs: 0, rows: [] }).text).toBe('0 environments (0 provisioned), 0 invocations, 0 errors');
    expect(summarizeTimeline({ version: 1, originMs: 0, rows: [row(false, ['success'])] }).text).toBe(
      '1 environment (0 provisioned), 1 invocation, 0 errors',
    );
  });
});
