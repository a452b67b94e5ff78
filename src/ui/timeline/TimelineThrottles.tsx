import type { ThrottleSpan } from '../../state/throttleTally';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Throttled requests never reach an environment, so they have no row: listed under the rows by Lambda's reason, with when they happened. */
export function TimelineThrottles({ throttles, originMs }: { throttles: readonly ThrottleSpan[]; originMs: number }) {
  if (throttles.length === 0) return null;
  return (
    <div className="timeline-throttles">
      <h3 id="timeline-throttles-heading">Throttled (no environment)</h3>
      <ul aria-labelledby="timeline-throttles-heading">
        {throttles.map((t) => (
          <li key={t.reason}>
            <span className="timeline-swatch timeline-swatch-throttle" aria-hidden="true" />
            <code>{t.reason}</code>: {t.count.toLocaleString('en-US')}{' '}
            <span className="hint">
              (t = {seconds(t.firstMs - originMs)}
              {t.lastMs > t.firstMs ? ` to ${seconds(t.lastMs - originMs)}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
