import { describe, expect, it } from 'vitest';
import type { SegmentKind, TimelineData, TimelineRow, TimelineSegment } from '../../state/timelineData';
import { DEFAULT_PALETTE as P, drawTimeline, formatOffset, hitTest, tickStepMs, type TimelineView } from './drawTimeline';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

/** A 2D context that records what is drawn. */
function fakeContext() {
  const rects: Rect[] = [];
  const texts: { text: string; x: number; y: number; color: string }[] = [];
  const ctx = {
    fillStyle: '',
    font: '',
    textBaseline: '',
    textAlign: '',
    setTransform() {},
    clearRect() {},
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ x, y, w, h, color: String(ctx.fillStyle) });
    },
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, color: String(ctx.fillStyle) });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, rects, texts };
}

const ORIGIN = 1_700_000_000_000;
const seg = (kind: SegmentKind, start: number, end: number | null, extra: Partial<TimelineSegment> = {}): TimelineSegment => ({
  kind,
  startMs: ORIGIN + start,
  endMs: end === null ? null : ORIGIN + end,
  ...extra,
});
const row = (envId: string, segments: TimelineSegment[], extra: Partial<TimelineRow> = {}): TimelineRow => ({
  envId,
  provisioned: false,
  memoryMb: 128,
  createdAtMs: segments[0]?.startMs ?? ORIGIN,
  destroyedAtMs: null,
  destroyReason: null,
  segments,
  ...extra,
});
const data = (rows: TimelineRow[]): TimelineData => ({ version: 1, originMs: ORIGIN, rows });

/** 100 px of plot (label column 0) below a 20 px axis; rows 10 px high. */
const view = (over: Partial<TimelineView> = {}): TimelineView => ({
  widthPx: 100,
  heightPx: 120,
  devicePixelRatio: 1,
  startMs: ORIGIN,
  endMs: ORIGIN + 100,
  firstRow: 0,
  rowHeightPx: 10,
  labelWidthPx: 0,
  axisHeightPx: 20,
  ...over,
});

const COLOURS = new Set([P.init, P.success, P.error, P.timeout, P.crash, P.idle]);
const segmentRects = (rects: Rect[]) => rects.filter((r) => COLOURS.has(r.color));
const rowOf = (r: Rect) => Math.floor((r.y - 20) / 10);

describe('drawTimeline', () => {
  it('puts a strip over invocations measured on a busy machine, and only over those', () => {
    const rows = [row('env-1', [seg('success', 10, 30, { contended: true }), seg('idle', 30, 40), seg('success', 40, 60)]), row('env-2', [seg('success', 10, 30)])];
    const { ctx, rects } = fakeContext();
    drawTimeline(ctx, data(rows), view(), ORIGIN + 100);
    const strips = rects.filter((r) => r.color === P.contended);
    expect(strips).toHaveLength(1);
    expect(strips[0]).toMatchObject({ x: 10, w: 20 });
    expect(rowOf(strips[0] as Rect)).toBe(0);
  });

  it('draws only the rows on screen', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(`env-${i + 1}`, [seg('success', 10, 20)]));
    const { ctx, rects, texts } = fakeContext();
    const stats = drawTimeline(ctx, data(rows), view({ firstRow: 200, widthPx: 200, labelWidthPx: 100 }), ORIGIN + 100);
    // 100 px of rows at 10 px: rows 200..210 (the last one part-way).
    expect(stats.rows).toBeLessThanOrEqual(11);
    const labels = texts.map((t) => t.text).filter((t) => t.startsWith('env-') || t.startsWith('…'));
    expect(labels[0]).toMatch(/201$/);
    expect(labels.length).toBeLessThanOrEqual(11);
    expect(segmentRects(rects)).toHaveLength(stats.rows);
  });

  it('skips segments outside the window, and binary-searches to the first visible one', () => {
    const segments: TimelineSegment[] = [];
    for (let i = 0; i < 1_000; i++) segments.push(seg(i % 2 ? 'idle' : 'success', i * 10, i * 10 + 10));
    const { ctx, rects } = fakeContext();
    const stats = drawTimeline(ctx, data([row('env-1', segments)]), view({ startMs: ORIGIN + 5_000, endMs: ORIGIN + 5_100 }), ORIGIN + 10_000);
    // Window 5000..5100: segments 500 to 510 (which starts at 5100); 499 only touches the edge.
    expect(stats.segments).toBe(11);
    const bars = segmentRects(rects).filter((r) => r.color === P.success);
    for (const b of bars) expect(b.x).toBeGreaterThanOrEqual(0);
    expect(bars.length).toBe(5);
    expect(bars[0]).toMatchObject({ x: 0, w: 10 });
  });

  it('coalesces sub-pixel segments: 10,000 1-ms invocations in 100 px cost at most one rect per column', () => {
    const segments: TimelineSegment[] = [];
    const kinds: SegmentKind[] = ['success', 'idle', 'error', 'idle'];
    for (let i = 0; i < 10_000; i++) segments.push(seg(kinds[i % 4] as SegmentKind, i, i + 1));
    const { ctx, rects } = fakeContext();
    const stats = drawTimeline(ctx, data([row('env-1', segments)]), view({ endMs: ORIGIN + 10_000 }), ORIGIN + 10_000);
    expect(stats.segments).toBe(10_000);
    expect(segmentRects(rects).length).toBeLessThanOrEqual(100);
    expect(stats.rects).toBeLessThan(130);
    // Each column holds an error: failures win a shared pixel, so the whole row reads as errors, in one rect.
    expect(segmentRects(rects)).toEqual([expect.objectContaining({ color: P.error, x: 0, w: 100 })]);
  });

  it('coalesces alternating outcomes into at most one rect per device pixel', () => {
    const segments: TimelineSegment[] = [];
    for (let i = 0; i < 10_000; i++) segments.push(seg(Math.floor(i / 150) % 2 ? 'success' : 'error', i, i + 1));
    const { ctx, rects } = fakeContext();
    drawTimeline(ctx, data([row('env-1', segments)]), view({ endMs: ORIGIN + 10_000, devicePixelRatio: 2 }), ORIGIN);
    const n = segmentRects(rects).length;
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThanOrEqual(200);
  });

  it('draws wide segments at their place and size, open ones up to now, idle as a thin line', () => {
    const segments = [seg('init', 0, 20), seg('success', 20, 50), seg('idle', 50, 60), seg('timeout', 60, null)];
    const { ctx, rects } = fakeContext();
    drawTimeline(ctx, data([row('env-1', segments)]), view(), ORIGIN + 80);
    const drawn = segmentRects(rects);
    expect(drawn.map((r) => [r.color, r.x, r.w])).toEqual([
      [P.init, 0, 20],
      [P.success, 20, 30],
      [P.idle, 50, 10],
      [P.timeout, 60, 20],
    ]);
    const idle = drawn[2] as Rect;
    const bar = drawn[1] as Rect;
    expect(idle.h).toBeLessThan(bar.h);
  });

  it('marks destroyed environments, and draws nothing past the end', () => {
    const reclaimed = row('env-1', [seg('success', 0, 10), seg('idle', 10, null)], { destroyedAtMs: ORIGIN + 40, destroyReason: 'reclaimed' });
    const crashed = row('env-2', [seg('crash', 0, null)], { destroyedAtMs: ORIGIN + 30, destroyReason: 'exited' });
    const { ctx, rects } = fakeContext();
    drawTimeline(ctx, data([reclaimed, crashed]), view(), ORIGIN + 90);
    const idle = rects.find((r) => r.color === P.idle && rowOf(r) === 0 && r.h < 5);
    expect(idle).toMatchObject({ x: 10, w: 30 });
    expect(rects.find((r) => r.color === P.crash)).toMatchObject({ x: 0, w: 30 });
    expect(rects.some((r) => r.color === P.reclaimed && r.x === 39 && r.w === 2 && rowOf(r) === 0)).toBe(true);
    expect(rects.some((r) => r.color === P.destroyed && r.x === 29 && rowOf(r) === 1)).toBe(true);
  });

  it('labels rows, marks provisioned ones "PC", and labels ticks relative to the origin', () => {
    const rows = [row('env-1', [], { provisioned: true }), row('env-2', [])];
    const { ctx, texts } = fakeContext();
    drawTimeline(ctx, data(rows), view({ widthPx: 700, labelWidthPx: 100, startMs: ORIGIN + 2_000, endMs: ORIGIN + 8_000 }), ORIGIN);
    const words = texts.map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['env-1', 'env-2', 'PC', '2 s', '3 s', '8 s']));
    expect(words.filter((w) => w === 'PC')).toHaveLength(1);
  });
});

describe('hitTest', () => {
  const d = data([
    row('env-1', [seg('init', 0, 20, { initDurationMs: 20 }), seg('success', 20, 50, { requestId: 'r1' }), seg('idle', 50, null)]),
    row('env-2', [seg('idle', 0, 40), seg('error', 40, 40.2, { requestId: 'r2' }), seg('idle', 40.2, 100)], { destroyedAtMs: ORIGIN + 100, destroyReason: 'reclaimed' }),
  ]);

  it('finds the row and the segment under the pointer', () => {
    expect(hitTest(d, view(), 30, 25)).toMatchObject({ rowIndex: 0, segmentIndex: 1, segment: { requestId: 'r1' } });
    expect(hitTest(d, view(), 5, 25)).toMatchObject({ rowIndex: 0, segmentIndex: 0, segment: { kind: 'init' } });
    expect(hitTest(d, view(), 80, 25)).toMatchObject({ rowIndex: 0, segmentIndex: 2, segment: { kind: 'idle' } });
    expect(hitTest(d, view(), 10, 35)).toMatchObject({ rowIndex: 1, segmentIndex: 0 });
  });

  it('prefers a thin invocation within a few pixels over the idle time around it', () => {
    expect(hitTest(d, view(), 42, 35)).toMatchObject({ rowIndex: 1, segment: { requestId: 'r2' } });
    expect(hitTest(d, view(), 60, 35)?.segment?.kind).toBe('idle');
  });

  it('follows scrolling and zoom, and answers null off the rows', () => {
    const scrolled = view({ firstRow: 1 });
    expect(hitTest(d, scrolled, 30, 25)?.rowIndex).toBe(1);
    expect(hitTest(d, scrolled, 30, 35)).toBeNull();
    expect(hitTest(d, view(), 30, 10)).toBeNull();
    const zoomed = view({ startMs: ORIGIN + 20, endMs: ORIGIN + 30 });
    expect(hitTest(d, zoomed, 50, 25)?.segment?.requestId).toBe('r1');
    const labelled = view({ widthPx: 200, labelWidthPx: 100 });
    expect(hitTest(d, labelled, 50, 25)).toMatchObject({ rowIndex: 0, segment: null, segmentIndex: -1 });
    expect(hitTest(d, labelled, 130, 25)?.segment?.requestId).toBe('r1');
  });
});

describe('axis helpers', () => {
  it('picks ticks at least 70 px apart and formats them to the step', () => {
    expect(tickStepMs(60_000, 1_000)).toBe(5_000);
    expect(tickStepMs(100, 1_000)).toBe(10);
    expect(formatOffset(12_000, 1_000)).toBe('12 s');
    expect(formatOffset(1_250, 50)).toBe('1.25 s');
    expect(formatOffset(125_000, 5_000)).toBe('2:05');
  });
});
