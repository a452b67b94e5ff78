/**
 * Frame cost of the environment timeline's canvas (src/ui/timeline/drawTimeline.ts) on a big synthetic
 * run: 500 environments, 40,000 segments over two minutes. Each series draws 100 frames (after 10
 * unrecorded ones) into a 1200×600 canvas while the window slides, as "Follow live" does.
 *
 * "draw" is the drawTimeline call: what the page's requestAnimationFrame callback spends. Canvas 2D
 * defers rasterisation, so "+ readback" also reads one pixel back after each frame, which waits for
 * the frame to be rasterised: an upper bound.
 */
import type { TimelineData, TimelineRow, TimelineSegment } from '../../src/state/timelineData';
import { drawTimeline, type DrawStats, type TimelineView } from '../../src/ui/timeline/drawTimeline';
import { sleep, summarize, type Summary } from './stats';

const ROWS = 500;
const SEGMENTS = 40_000;
const WIDTH = 1200;
const HEIGHT = 600;
const FRAMES = 100;
const WARMUP = 10;
const ROW_HEIGHT = 18;
const RUN_MS = 120_000;
const ORIGIN = 1_750_000_000_000;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run draws the same picture. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * 500 environments of 80 segments each: a cold start, then invocations (mostly successes, some errors,
 * timeouts and crashes) separated by idle time; a tenth provisioned; a fifth destroyed, the rest still
 * running (an open last segment).
 */
export function syntheticTimeline(rows = ROWS, segments = SEGMENTS): TimelineData {
  const rnd = random(42);
  const perRow = Math.max(1, Math.floor(segments / rows));
  const data: TimelineData = { version: 1, originMs: ORIGIN, rows: [] };
  for (let r = 0; r < rows; r++) {
    const created = ORIGIN + (r / rows) * (RUN_MS / 4) + rnd() * 200;
    const segs: TimelineSegment[] = [];
    const init = 80 + rnd() * 250;
    segs.push({ kind: 'init', startMs: created, endMs: created + init, initDurationMs: init });
    let t = created + init;
    // Fits perRow segments into what is left of the run.
    const slot = (ORIGIN + RUN_MS - t) / perRow;
    for (let i = 1; i < perRow; i++) {
      const invocation = i % 2 === 1;
      const length = invocation ? slot * (0.05 + rnd() * 0.9) : slot * (0.2 + rnd() * 1.6);
      const roll = rnd();
      const kind = !invocation ? 'idle' : roll < 0.93 ? 'success' : roll < 0.97 ? 'error' : roll < 0.99 ? 'timeout' : 'crash';
      const seg: TimelineSegment = { kind, startMs: t, endMs: t + length };
      if (invocation) {
        Object.assign(seg, { requestId: `req-${r}-${i}`, durationMs: length, billedDurationMs: Math.ceil(length), cold: i === 1 });
        if (kind !== 'success') seg.errorType = kind === 'timeout' ? 'Sandbox.Timedout' : 'Error';
      }
      segs.push(seg);
      t += length;
    }
    const destroyed = r % 5 === 0;
    const last = segs[segs.length - 1] as TimelineSegment;
    if (!destroyed) last.endMs = null;
    const row: TimelineRow = {
      envId: `env-${r + 1}`,
      provisioned: r % 10 === 0,
      memoryMb: 1024,
      createdAtMs: created,
      destroyedAtMs: destroyed ? (last.endMs ?? t) : null,
      destroyReason: destroyed ? (r % 15 === 0 ? 'timeout' : 'reclaimed') : null,
      segments: segs,
    };
    data.rows.push(row);
  }
  return data;
}

function context(width: number, height: number): CanvasRenderingContext2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(width, height).getContext('2d');
    if (ctx) return ctx as unknown as CanvasRenderingContext2D;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('timelineBench: no 2D canvas context');
  return ctx;
}

interface Series {
  name: string;
  dpr: number;
  /** The view for frame i of FRAMES. */
  view: (i: number) => Pick<TimelineView, 'startMs' | 'endMs' | 'firstRow'>;
}

const SERIES: Series[] = [
  {
    name: '30 s window sliding (Follow live), top rows',
    dpr: 1,
    view: (i) => ({ startMs: ORIGIN + 60_000 + i * 100, endMs: ORIGIN + 90_000 + i * 100, firstRow: 0 }),
  },
  {
    name: 'whole 2-min run in view (sub-pixel segments), rows scrolling',
    dpr: 1,
    view: (i) => ({ startMs: ORIGIN - 1_000 + i * 10, endMs: ORIGIN + RUN_MS + i * 10, firstRow: i * 4.5 }),
  },
  {
    name: '30 s window sliding, devicePixelRatio 2 (2400×1200)',
    dpr: 2,
    view: (i) => ({ startMs: ORIGIN + 60_000 + i * 100, endMs: ORIGIN + 90_000 + i * 100, firstRow: 200 }),
  },
];

/** drawTimeline frame times (ms) on synthetic data: 500 rows, 40,000 segments, 1200×600 CSS px. */
export async function timelineBench(): Promise<Record<string, Summary>> {
  const data = syntheticTimeline();
  const now = ORIGIN + RUN_MS;
  const result: Record<string, Summary> = {};
  for (const series of SERIES) {
    for (const readback of [false, true]) {
      const ctx = context(WIDTH * series.dpr, HEIGHT * series.dpr);
      const samples: number[] = [];
      const rects: number[] = [];
      for (let i = 0; i < WARMUP + FRAMES; i++) {
        const view: TimelineView = {
          widthPx: WIDTH,
          heightPx: HEIGHT,
          devicePixelRatio: series.dpr,
          rowHeightPx: ROW_HEIGHT,
          nowLine: true,
          ...series.view(Math.max(0, i - WARMUP)),
        };
        const t0 = performance.now();
        const stats: DrawStats = drawTimeline(ctx, data, view, now);
        if (readback) ctx.getImageData(0, 0, 1, 1);
        const ms = performance.now() - t0;
        if (i >= WARMUP) {
          samples.push(ms);
          rects.push(stats.rects);
        }
      }
      result[`timeline: ${series.name}: draw${readback ? ' + readback' : ''}`] = summarize(samples);
      if (!readback) result[`timeline: ${series.name}: fillRects per frame (count, not ms)`] = summarize(rects);
      await sleep(0);
    }
  }
  return result;
}
