import type { SegmentKind, TimelineData, TimelineRow, TimelineSegment } from '../../state/timelineData';

/** Colours the canvas uses (a canvas cannot read CSS variables: the component resolves them into this). */
export interface TimelinePalette {
  text: string;
  muted: string;
  grid: string;
  plot: string;
  axis: string;
  now: string;
  provisioned: string;
  init: string;
  idle: string;
  success: string;
  error: string;
  timeout: string;
  crash: string;
  /** End marker of a reclaimed or deprovisioned environment (the normal end of a life). */
  reclaimed: string;
  /** The strip over an invocation measured on a contended machine (more busy handlers than cores). */
  contended: string;
  /** End marker of any other destroyed environment (timed out, exited, lost, init failed, redeployed). */
  destroyed: string;
}

/** The same values as src/ui/styles.css and timeline.css, for when CSS is not at hand (tests, bench). */
export const DEFAULT_PALETTE: TimelinePalette = {
  text: '#d7dee7',
  muted: '#8b98a8',
  grid: '#2a3441',
  plot: '#0d1117',
  axis: '#161d26',
  now: '#ff9900',
  provisioned: '#ff9900',
  init: '#58a6ff',
  idle: '#8b98a8',
  success: '#3fb950',
  error: '#f85149',
  timeout: '#f0883e',
  crash: '#a371f7',
  reclaimed: '#8b98a8',
  contended: '#d29922',
  destroyed: '#f85149',
};

/** What part of the timeline is on screen. Sizes are CSS pixels; times are epoch ms on the run's clock. */
export interface TimelineView {
  widthPx: number;
  heightPx: number;
  devicePixelRatio: number;
  /** The visible time window. */
  startMs: number;
  endMs: number;
  /** Index of the row at the top of the rows area (fractional when scrolled part-way through a row). */
  firstRow: number;
  rowHeightPx: number;
  /** Width of the row-label column on the left; default LABEL_WIDTH_PX. */
  labelWidthPx?: number;
  /** Height of the time axis at the top; default AXIS_HEIGHT_PX. */
  axisHeightPx?: number;
  /** Draw a line at `nowMs` (while a run is live). */
  nowLine?: boolean;
  palette?: TimelinePalette;
}

export const LABEL_WIDTH_PX = 88;
export const AXIS_HEIGHT_PX = 22;

/** What one frame cost: for tests and the bench. */
export interface DrawStats {
  rows: number;
  segments: number;
  rects: number;
}

/** Which environment, and which of its segments, is under a point. */
export interface TimelineHit {
  rowIndex: number;
  row: TimelineRow;
  /** -1 when no segment is there (the label column, before creation, after destruction). */
  segmentIndex: number;
  segment: TimelineSegment | null;
  /** The time under the pointer (NaN over the label column). */
  timeMs: number;
  /** The pointer is on or after the environment's end marker. */
  pastEnd: boolean;
}

/** Which kind wins a pixel column shared by several segments: failures over successes over init over idle. */
const RANK: Record<SegmentKind, number> = { idle: 1, init: 2, success: 3, timeout: 4, error: 5, crash: 6 };
const KIND_BY_RANK: (SegmentKind | null)[] = [null, 'idle', 'init', 'success', 'timeout', 'error', 'crash'];
const TICK_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000,
];
const MIN_TICK_GAP_PX = 70;
const LABEL_FONT = '11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const CHAR_WIDTH_PX = 6.7;
const HIT_SLOP_PX = 3;
const HIT_SCAN_LIMIT = 64;

/** One rank per device-pixel column of a row, reused from frame to frame. */
let columns = new Uint8Array(2048);

/** Index of the first segment starting after `t` (segments are in time order). */
export function firstStartingAfter(segments: readonly TimelineSegment[], t: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid] as TimelineSegment).startMs <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a segment ends on screen: an open one runs up to now, and nothing outlives its environment. */
function segmentEnd(seg: TimelineSegment, row: TimelineRow, nowMs: number): number {
  const end = seg.endMs ?? nowMs;
  return row.destroyedAtMs !== null && row.destroyedAtMs < end ? Math.max(seg.startMs, row.destroyedAtMs) : end;
}

/** A tick step at least MIN_TICK_GAP_PX apart. */
export function tickStepMs(spanMs: number, plotWidthPx: number): number {
  const msPerPx = spanMs / Math.max(1, plotWidthPx);
  for (const step of TICK_STEPS_MS) if (step / msPerPx >= MIN_TICK_GAP_PX) return step;
  return Math.ceil((msPerPx * MIN_TICK_GAP_PX) / 3_600_000) * 3_600_000;
}

/** A time relative to the run's start, to the precision the tick step needs: "12 s", "1.25 s", "2:05". */
export function formatOffset(ms: number, stepMs: number): string {
  if (stepMs >= 1_000 && Math.abs(ms) >= 60_000) {
    const s = Math.round(Math.abs(ms) / 1_000);
    return `${ms < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }
  const digits = stepMs >= 1_000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
  return `${(ms / 1_000).toFixed(digits)} s`;
}

function layout(view: TimelineView) {
  const labelW = view.labelWidthPx ?? LABEL_WIDTH_PX;
  const axisH = view.axisHeightPx ?? AXIS_HEIGHT_PX;
  const plotW = Math.max(1, view.widthPx - labelW);
  const spanMs = Math.max(1e-6, view.endMs - view.startMs);
  return { labelW, axisH, plotW, spanMs };
}

/**
 * Paints the visible part of the timeline. Only rows on screen are visited and, in each, only the segments
 * that overlap the window (found by binary search). Segments are first reduced to one kind per device-pixel
 * column, then runs of equal columns become one fillRect: a frame costs about one rect per colour change,
 * however many invocations hide under a pixel.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, data: TimelineData, view: TimelineView, nowMs: number): DrawStats {
  const p = view.palette ?? DEFAULT_PALETTE;
  const dpr = view.devicePixelRatio > 0 ? view.devicePixelRatio : 1;
  const { labelW, axisH, plotW, spanMs } = layout(view);
  const stats: DrawStats = { rows: 0, segments: 0, rects: 0 };
  const rowH = view.rowHeightPx;
  const cols = Math.max(1, Math.round(plotW * dpr));
  const msPerCol = spanMs / cols;
  const colW = plotW / cols;
  if (columns.length < cols + 1) columns = new Uint8Array(cols + 1);
  let style = '';
  const fill = (color: string, x: number, y: number, w: number, h: number): void => {
    if (color !== style) ctx.fillStyle = style = color;
    ctx.fillRect(x, y, w, h);
    stats.rects++;
  };

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, view.widthPx, view.heightPx);
  fill(p.plot, labelW, axisH, plotW, view.heightPx - axisH);

  const step = tickStepMs(spanMs, plotW);
  const firstTick = Math.ceil((view.startMs - data.originMs) / step);
  const lastTick = Math.floor((view.endMs - data.originMs) / step);
  for (let k = firstTick; k <= lastTick; k++) {
    const x = labelW + ((data.originMs + k * step - view.startMs) / spanMs) * plotW;
    fill(p.grid, Math.round(x * dpr) / dpr, axisH, 1 / dpr, view.heightPx - axisH);
  }

  const barPad = Math.max(1, Math.round(rowH * 0.15));
  const idleH = Math.max(1, Math.round(rowH * 0.12));
  const first = Math.max(0, Math.floor(view.firstRow));
  const last = Math.min(data.rows.length - 1, Math.ceil(view.firstRow + (view.heightPx - axisH) / rowH));
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let r = first; r <= last; r++) {
    const row = data.rows[r] as TimelineRow;
    const y = axisH + (r - view.firstRow) * rowH;
    stats.rows++;
    const segs = row.segments;
    let lo = cols;
    let hi = -1;
    let contendedFrom = -1;
    for (let i = Math.max(0, firstStartingAfter(segs, view.startMs) - 1); i < segs.length; i++) {
      const seg = segs[i] as TimelineSegment;
      if (seg.startMs > view.endMs) break;
      const end = segmentEnd(seg, row, nowMs);
      if (end < view.startMs) continue;
      stats.segments++;
      if (seg.contended && contendedFrom < 0) contendedFrom = i;
      const c0 = Math.max(0, Math.floor((seg.startMs - view.startMs) / msPerCol));
      const c1 = Math.min(cols, Math.max(c0 + 1, Math.ceil((end - view.startMs) / msPerCol)));
      const rank = RANK[seg.kind] ?? 1;
      for (let c = c0; c < c1; c++) if ((columns[c] as number) < rank) columns[c] = rank;
      if (c0 < lo) lo = c0;
      if (c1 - 1 > hi) hi = c1 - 1;
    }
    let runStart = lo;
    let runRank = columns[lo] as number;
    for (let c = lo + 1; c <= hi + 1; c++) {
      if (c <= hi && columns[c] === runRank) continue;
      const kind = KIND_BY_RANK[runRank];
      const x = labelW + runStart * colW;
      const w = (c - runStart) * colW;
      if (kind === 'idle') fill(p.idle, x, y + (rowH - idleH) / 2, w, idleH);
      else if (kind) fill(p[kind], x, y + barPad, w, rowH - 2 * barPad);
      runStart = c;
      runRank = columns[c] as number;
    }
    if (hi >= lo) columns.fill(0, lo, hi + 1);
    // Invocations measured on a contended machine get a strip over their bar (their figures read long).
    for (let i = contendedFrom; i >= 0 && i < segs.length; i++) {
      const seg = segs[i] as TimelineSegment;
      if (seg.startMs > view.endMs) break;
      if (!seg.contended) continue;
      const x0 = labelW + (Math.max(seg.startMs, view.startMs) - view.startMs) / msPerCol * colW;
      const x1 = labelW + (Math.min(segmentEnd(seg, row, nowMs), view.endMs) - view.startMs) / msPerCol * colW;
      fill(p.contended, x0, y + 1, Math.max(colW, x1 - x0), Math.max(2, barPad - 1));
    }

    const gone = row.destroyedAtMs;
    if (gone !== null && gone >= view.startMs && gone <= view.endMs) {
      const x = labelW + ((gone - view.startMs) / spanMs) * plotW;
      const normal = row.destroyReason === 'reclaimed' || row.destroyReason === 'deprovisioned';
      fill(normal ? p.reclaimed : p.destroyed, x - 1, y + 1, 2, rowH - 2);
      if (!normal) fill(p.destroyed, x - 3, y + 1, 6, 2);
    }
  }

  if (view.nowLine && nowMs >= view.startMs && nowMs <= view.endMs) {
    fill(p.now, labelW + ((nowMs - view.startMs) / spanMs) * plotW, axisH, 1, view.heightPx - axisH);
  }

  // Axis and label column last, over any row scrolled part-way under them.
  fill(p.axis, 0, 0, view.widthPx, axisH);
  fill(p.axis, 0, axisH, labelW, view.heightPx - axisH);
  ctx.fillStyle = style = p.muted;
  for (let k = firstTick; k <= lastTick; k++) {
    const x = labelW + ((data.originMs + k * step - view.startMs) / spanMs) * plotW;
    ctx.fillText(formatOffset(k * step, step), x + 3, axisH / 2);
  }
  const maxChars = Math.max(3, Math.floor((labelW - 28) / CHAR_WIDTH_PX));
  for (let r = first; r <= last; r++) {
    const row = data.rows[r] as TimelineRow;
    const y = axisH + (r - view.firstRow) * rowH + rowH / 2;
    if (y < axisH) continue;
    const id = row.envId.length > maxChars ? `…${row.envId.slice(1 - maxChars)}` : row.envId;
    ctx.fillStyle = style = row.destroyedAtMs === null ? p.text : p.muted;
    ctx.fillText(id, 6, y);
    if (row.provisioned) {
      ctx.fillStyle = style = p.provisioned;
      ctx.fillText('PC', labelW - 20, y);
    }
  }
  return stats;
}

/** The row and segment under a point (CSS pixels, relative to the canvas); null off the rows. */
export function hitTest(data: TimelineData, view: TimelineView, xPx: number, yPx: number, nowMs = Infinity): TimelineHit | null {
  const { labelW, axisH, plotW, spanMs } = layout(view);
  if (yPx < axisH || yPx >= view.heightPx || xPx < 0 || xPx >= view.widthPx) return null;
  const rowIndex = Math.floor(view.firstRow + (yPx - axisH) / view.rowHeightPx);
  const row = data.rows[rowIndex];
  if (!row || rowIndex < 0) return null;
  const none: TimelineHit = { rowIndex, row, segmentIndex: -1, segment: null, timeMs: Number.NaN, pastEnd: false };
  if (xPx < labelW) return none;
  const msPerPx = spanMs / plotW;
  const t = view.startMs + (xPx - labelW) * msPerPx;
  const slop = HIT_SLOP_PX * msPerPx;
  const pastEnd = row.destroyedAtMs !== null && t >= row.destroyedAtMs - slop;
  const segs = row.segments;
  const at = firstStartingAfter(segs, t) - 1;
  const inside = at >= 0 && t <= segmentEnd(segs[at] as TimelineSegment, row, nowMs) ? at : -1;
  let best = inside;
  if (inside < 0 || (segs[inside] as TimelineSegment).kind === 'idle') {
    // Thin invocations are hard to point at: take the nearest non-idle segment within a few pixels.
    let bestDistance = Infinity;
    const consider = (i: number): void => {
      const seg = segs[i] as TimelineSegment;
      if (seg.kind === 'idle') return;
      const d = Math.max(0, seg.startMs - t, t - segmentEnd(seg, row, nowMs));
      if (d <= slop && d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    };
    for (let i = at + 1; i < segs.length && i <= at + HIT_SCAN_LIMIT && (segs[i] as TimelineSegment).startMs <= t + slop; i++) consider(i);
    for (let i = at; i >= 0 && i >= at - HIT_SCAN_LIMIT; i--) {
      const seg = segs[i] as TimelineSegment;
      if (segmentEnd(seg, row, nowMs) < t - slop) break;
      consider(i);
    }
  }
  const segment = best >= 0 ? (segs[best] as TimelineSegment) : null;
  return { ...none, segmentIndex: best, segment, timeMs: t, pastEnd };
}
