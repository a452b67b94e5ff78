import { describe, expect, it } from 'vitest';
import type { TimelineData } from '../../state/timelineData';
import { timelineInvocations } from './timelineInvocations';

const T0 = 1_000_000;

describe('timelineInvocations', () => {
  it('lists each invocation newest first with its start, cold/warm, init, duration and status; init and idle bars are not invocations', () => {
    const data: TimelineData = {
      version: 4,
      originMs: T0,
      rows: [
        {
          envId: 'env-1', provisioned: false, memoryMb: 128, createdAtMs: T0, destroyedAtMs: null, destroyReason: null,
          segments: [
            { kind: 'init', startMs: T0, endMs: T0 + 100 },
            { kind: 'success', startMs: T0 + 100, endMs: T0 + 150, requestId: 'A', durationMs: 50, cold: true, initDurationMs: 100 },
            { kind: 'idle', startMs: T0 + 150, endMs: T0 + 900 },
            { kind: 'error', startMs: T0 + 900, endMs: T0 + 930, requestId: 'C', durationMs: 30, cold: false, errorType: 'TypeError' },
          ],
        },
        {
          envId: 'env-2', provisioned: true, memoryMb: 128, createdAtMs: T0, destroyedAtMs: null, destroyReason: null,
          segments: [{ kind: 'success', startMs: T0 + 500, endMs: null, requestId: 'B', cold: false }],
        },
      ],
    };
    const rows = timelineInvocations(data);
    expect(rows.map((r) => r.requestId)).toEqual(['C', 'B', 'A']);
    expect(rows[0]).toMatchObject({ envId: 'env-1', startMs: 900, cold: false, durationMs: 30, outcome: 'error', errorType: 'TypeError' });
    expect(rows[1]).toMatchObject({ envId: 'env-2', provisioned: true, durationMs: null, outcome: 'running' });
    expect(rows[2]).toMatchObject({ startMs: 100, cold: true, initDurationMs: 100, durationMs: 50, outcome: 'success' });
  });

  it('is empty before any invocation', () => {
    expect(timelineInvocations({ version: 0, originMs: T0, rows: [] })).toEqual([]);
  });
});
