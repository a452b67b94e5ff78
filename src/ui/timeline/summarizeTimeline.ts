import type { TimelineData } from '../../state/timelineData';

/** Counts for the timeline's accessible description. */
export interface TimelineSummary {
  environments: number;
  provisioned: number;
  /** Environments not destroyed yet. */
  alive: number;
  invocations: number;
  /** Invocations that did not succeed: errors, timeouts and crashes. */
  errors: number;
  text: string;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** ", 8 throttled (ReservedFunctionConcurrentInvocationLimitExceeded 8)", or nothing. */
function throttledText(data: TimelineData): string {
  const spans = data.throttles ?? [];
  const total = spans.reduce((sum, t) => sum + t.count, 0);
  if (total === 0) return '';
  return `, ${total.toLocaleString('en-US')} throttled (${spans.map((t) => `${t.reason} ${t.count.toLocaleString('en-US')}`).join(', ')})`;
}

/** "12 environments (3 provisioned), 240 invocations, 8 errors": one pass over every segment. */
export function summarizeTimeline(data: TimelineData): TimelineSummary {
  let provisioned = 0;
  let alive = 0;
  let invocations = 0;
  let errors = 0;
  for (const row of data.rows) {
    if (row.provisioned) provisioned++;
    if (row.destroyedAtMs === null) alive++;
    for (const seg of row.segments) {
      if (seg.kind === 'idle' || seg.kind === 'init') continue;
      invocations++;
      if (seg.kind !== 'success') errors++;
    }
  }
  const environments = data.rows.length;
  const text =
    `${plural(environments, 'environment', 'environments')} (${provisioned.toLocaleString('en-US')} provisioned), ` +
    `${plural(invocations, 'invocation', 'invocations')}, ${plural(errors, 'error', 'errors')}` +
    throttledText(data);
  return { environments, provisioned, alive, invocations, errors, text };
}
