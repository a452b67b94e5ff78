import { useEffect, useId, useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import type { TimelineData } from '../../state/timelineData';
import { TimelineThrottles } from './TimelineThrottles';
import {
  AXIS_HEIGHT_PX,
  DEFAULT_PALETTE,
  LABEL_WIDTH_PX,
  drawTimeline,
  formatOffset,
  hitTest,
  tickStepMs,
  type TimelinePalette,
  type TimelineView,
} from './drawTimeline';
import { summarizeTimeline } from './summarizeTimeline';
import { TimelineHoverCard } from './TimelineHoverCard';
import { TimelineTable } from './TimelineTable';
import './timeline.css';

interface Props {
  data: TimelineData;
  /** The run's clock, epoch ms (the same clock as the data's times). */
  nowMs: () => number;
  running: boolean;
  /** More controls for the header (the Run view's function scope). */
  toolbar?: ReactNode;
}

const ROW_HEIGHT_PX = 18;
const DEFAULT_SPAN_MS = 30_000;
const MIN_SPAN_MS = 10;
const MAX_SPAN_MS = 3_600_000;
const ZOOM_FACTOR = 2;
/** How often the accessible summary is recounted (label) and announced (live region) during a run. */
const LABEL_EVERY_MS = 1_000;
const ANNOUNCE_EVERY_MS = 10_000;

/** The canvas's colour for each palette entry: a CSS variable of styles.css or timeline.css. */
const PALETTE_VARS: Record<keyof TimelinePalette, string> = {
  text: '--text', muted: '--muted', grid: '--border', plot: '--tl-plot', axis: '--panel', now: '--accent',
  provisioned: '--accent-text', init: '--tl-init', idle: '--tl-idle', success: '--tl-success', error: '--tl-error',
  timeout: '--tl-timeout', crash: '--tl-crash', reclaimed: '--muted', contended: '--warn', destroyed: '--err',
};

const LEGEND: [string, string][] = [
  ['init', 'Init (cold start)'], ['success', 'Success'], ['error', 'Error'], ['timeout', 'Timeout'],
  ['crash', 'Crash'], ['idle', 'Idle'], ['reclaimed', 'Reclaimed'], ['destroyed', 'Destroyed'],
  ['contended', 'Measured on a busy machine (more handlers than cores)'],
];

/** Everything the paint loop reads and writes: kept out of React state, so frames re-render nothing. */
interface Live {
  data: TimelineData;
  nowMs: () => number;
  running: boolean;
  follow: boolean;
  spanMs: number;
  /** Window end when not following. */
  endMs: number;
  widthPx: number;
  heightPx: number;
  scrollTop: number;
  palette: TimelinePalette;
  view: TimelineView | null;
  /** What the last frame was drawn from; a frame with the same key is skipped. */
  key: string;
  rowCount: number;
  dataEnd: { version: number; ms: number; data: TimelineData | null };
  summaryAt: number;
  summaryVersion: number;
  announcedAt: number;
  wasRunning: boolean;
}

/** The end of the last thing recorded: where "Follow live" rests once a run is over. */
function lastTimeOf(data: TimelineData): number {
  let end = data.originMs;
  for (const row of data.rows) {
    const seg = row.segments[row.segments.length - 1];
    end = Math.max(end, row.createdAtMs, row.destroyedAtMs ?? 0, seg ? (seg.endMs ?? seg.startMs) : 0);
  }
  return end;
}

function windowText(view: TimelineView, originMs: number): string {
  const span = view.endMs - view.startMs;
  const step = tickStepMs(span, 1_000) / 10;
  const f = (t: number): string => formatOffset(t - originMs, step);
  return `${f(view.startMs)} – ${f(view.endMs)} (${formatOffset(span, step)} window)`;
}

/** Every execution environment of a load run on its own row: init, invocations by outcome, idle time, its end. */
export function Timeline({ data, nowMs, running, toolbar }: Props) {
  const headingId = useId();
  const cardId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLSpanElement>(null);
  const liveRef = useRef<HTMLParagraphElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const [asTable, setAsTable] = useState(false);
  const [hover, setHover] = useState<{ rowIndex: number; segmentIndex: number; pastEnd: boolean; version: number } | null>(null);
  const live = useRef<Live>({
    data, nowMs, running, follow: true, spanMs: DEFAULT_SPAN_MS, endMs: data.originMs + DEFAULT_SPAN_MS,
    widthPx: 0, heightPx: 0, scrollTop: 0, palette: DEFAULT_PALETTE, view: null, key: '', rowCount: -1,
    dataEnd: { version: -1, ms: 0, data: null }, summaryAt: -Infinity, summaryVersion: -1, announcedAt: -Infinity,
    wasRunning: running,
  });

  useLayoutEffect(() => {
    Object.assign(live.current, { data, nowMs, running, follow });
  }, [data, nowMs, running, follow]);

  // Colours from CSS, sizes from the container, scroll position from the scroller.
  useLayoutEffect(() => {
    const section = sectionRef.current;
    const scroller = scrollerRef.current;
    const canvas = canvasRef.current;
    if (!section || !scroller || !canvas) return;
    const l = live.current;
    const readPalette = (): void => {
      const css = getComputedStyle(section);
      const palette = { ...DEFAULT_PALETTE };
      for (const [key, name] of Object.entries(PALETTE_VARS) as [keyof TimelinePalette, string][]) {
        palette[key] = css.getPropertyValue(name).trim() || palette[key];
      }
      l.palette = palette;
      l.key = '';
    };
    readPalette();
    // The colours follow the system's light or dark setting, which can change while the page is open.
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener('change', readPalette);
    const measure = (): void => {
      l.widthPx = scroller.clientWidth;
      l.heightPx = scroller.clientHeight;
      canvas.style.width = `${l.widthPx}px`;
      canvas.style.height = `${l.heightPx}px`;
      l.rowCount = -1;
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    const onScroll = (): void => void (l.scrollTop = scroller.scrollTop);
    const onWheel = (e: WheelEvent): void => {
      // Vertical wheel scrolls rows (natively); horizontal wheel, or Shift+wheel, pans through time.
      const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
      if (!l.view || Math.abs(dx) <= Math.abs(e.shiftKey ? 0 : e.deltaY)) return;
      e.preventDefault();
      const msPerPx = l.spanMs / Math.max(1, l.view.widthPx - LABEL_WIDTH_PX);
      l.endMs = l.view.endMs + dx * msPerPx;
      l.follow = false;
      setFollow(false);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      scheme?.removeEventListener('change', readPalette);
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('wheel', onWheel);
    };
  }, []);

  // The paint loop: one cheap check per frame, a repaint only when the picture changed.
  useEffect(() => {
    let raf = 0;
    const paint = (): void => {
      raf = requestAnimationFrame(paint);
      const l = live.current;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || l.widthPx <= 0 || l.heightPx <= 0) return;
      const d = l.data;
      const now = l.nowMs();
      let endMs = l.endMs;
      if (l.follow) {
        if (!l.running && (l.dataEnd.version !== d.version || l.dataEnd.data !== d)) {
          l.dataEnd = { version: d.version, ms: lastTimeOf(d), data: d };
        }
        endMs = Math.max(d.originMs + l.spanMs, l.running ? now : l.dataEnd.ms);
        l.endMs = endMs;
      }
      const dpr = window.devicePixelRatio || 1;
      const growing = l.running ? Math.floor(now / (l.spanMs / l.widthPx)) : 0;
      const key = `${d.version}|${d.originMs}|${endMs}|${l.spanMs}|${l.scrollTop}|${l.widthPx}x${l.heightPx}@${dpr}|${growing}`;
      if (key !== l.key || d.rows.length !== l.rowCount) {
        if (d.rows.length !== l.rowCount && spacerRef.current) {
          const content = AXIS_HEIGHT_PX + d.rows.length * ROW_HEIGHT_PX;
          spacerRef.current.style.height = `${Math.max(0, content - l.heightPx)}px`;
          l.rowCount = d.rows.length;
        }
        const w = Math.round(l.widthPx * dpr);
        const h = Math.round(l.heightPx * dpr);
        if (canvas.width !== w || canvas.height !== h) {
          canvas.width = w;
          canvas.height = h;
        }
        const view: TimelineView = {
          widthPx: l.widthPx, heightPx: l.heightPx, devicePixelRatio: dpr, startMs: endMs - l.spanMs, endMs,
          firstRow: l.scrollTop / ROW_HEIGHT_PX, rowHeightPx: ROW_HEIGHT_PX, nowLine: l.running, palette: l.palette,
        };
        drawTimeline(ctx, d, view, now);
        l.view = view;
        l.key = key;
        const text = windowText(view, d.originMs);
        if (windowRef.current && windowRef.current.textContent !== text) windowRef.current.textContent = text;
      }
      const t = performance.now();
      const stopped = l.wasRunning && !l.running;
      l.wasRunning = l.running;
      if (d.version !== l.summaryVersion && (t - l.summaryAt >= LABEL_EVERY_MS || !l.running || stopped)) {
        const summary = summarizeTimeline(d).text;
        canvas.setAttribute('aria-label', `Timeline: ${summary}`);
        l.summaryAt = t;
        l.summaryVersion = d.version;
        if (liveRef.current && (stopped || t - l.announcedAt >= ANNOUNCE_EVERY_MS) && liveRef.current.textContent !== summary) {
          liveRef.current.textContent = summary;
          l.announcedAt = t;
        }
      }
    };
    raf = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(raf);
  }, []);

  const zoom = (factor: number): void => {
    const l = live.current;
    const span = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, l.spanMs * factor));
    if (!l.follow) l.endMs = l.endMs - l.spanMs / 2 + span / 2;
    l.spanMs = span;
  };
  const pan = (fraction: number): void => {
    const l = live.current;
    l.endMs += l.spanMs * fraction;
    l.follow = false;
    setFollow(false);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const l = live.current;
    const card = cardRef.current;
    if (!l.view || !card) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const hit = hitTest(l.data, l.view, x, y, l.nowMs());
    if (!hit) return setHover(null);
    const left = x + 14 + card.offsetWidth > l.widthPx ? Math.max(0, x - 14 - card.offsetWidth) : x + 14;
    const top = y + 14 + card.offsetHeight > l.heightPx ? Math.max(0, y - 14 - card.offsetHeight) : y + 14;
    card.style.transform = `translate(${left}px, ${top}px)`;
    const next = { rowIndex: hit.rowIndex, segmentIndex: hit.segmentIndex, pastEnd: hit.pastEnd, version: l.data.version };
    setHover((h) =>
      h && h.rowIndex === next.rowIndex && h.segmentIndex === next.segmentIndex && h.pastEnd === next.pastEnd && h.version === next.version ? h : next,
    );
  };

  const hoverRow = hover ? data.rows[hover.rowIndex] : undefined;
  return (
    <section className="panel timeline" aria-labelledby={headingId} ref={sectionRef}>
      <div className="panel-head timeline-head">
        <h2 id={headingId}>Timeline</h2>
        <span className="timeline-window hint" ref={windowRef} />
        <label className="timeline-follow" hidden={asTable}>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow live
        </label>
        {toolbar}
        <label className="timeline-follow">
          <input type="checkbox" checked={asTable} onChange={(e) => setAsTable(e.target.checked)} />
          Show as table
        </label>
        <div className="timeline-buttons" hidden={asTable}>
          <button type="button" className="ghost" aria-label="Earlier" title="Earlier" onClick={() => pan(-0.5)}>◀</button>
          <button type="button" className="ghost" aria-label="Later" title="Later" onClick={() => pan(0.5)}>▶</button>
          <button type="button" className="ghost" aria-label="Zoom in" title="Zoom in" onClick={() => zoom(1 / ZOOM_FACTOR)}>+</button>
          <button type="button" className="ghost" aria-label="Zoom out" title="Zoom out" onClick={() => zoom(ZOOM_FACTOR)}>−</button>
        </div>
      </div>
      {asTable && <TimelineTable data={data} />}
      <div className="timeline-stage" hidden={asTable}>
        <div className="timeline-scroller" ref={scrollerRef} tabIndex={0} role="group" aria-label="Environment rows">
          <canvas
            ref={canvasRef}
            className="timeline-canvas"
            role="img"
            aria-label="Timeline: no environments yet"
            aria-describedby={hover ? cardId : undefined}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
          />
          <div ref={spacerRef} aria-hidden="true" />
        </div>
        <div ref={cardRef} id={cardId} role="tooltip" className="timeline-card" hidden={!hoverRow}>
          {hover && hoverRow && (
            <TimelineHoverCard
              row={hoverRow}
              segment={hoverRow.segments[hover.segmentIndex] ?? null}
              pastEnd={hover.pastEnd}
              originMs={data.originMs}
            />
          )}
        </div>
      </div>
      <TimelineThrottles throttles={data.throttles ?? []} originMs={data.originMs} />
      <p className="sr-only" aria-live="polite" ref={liveRef} />
      <ul className="timeline-legend" aria-label="Legend">
        {LEGEND.map(([kind, label]) => (
          <li key={kind}>
            <span className={`timeline-swatch timeline-swatch-${kind}`} aria-hidden="true" />
            {label}
          </li>
        ))}
        <li>
          <span className="timeline-pc">PC</span> provisioned concurrency
        </li>
      </ul>
    </section>
  );
}
