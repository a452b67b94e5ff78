/** The most minutes a replay may hold: 31 days. */
export const MAX_REPLAY_MINUTES = 31 * 1440;

export type CsvResult = { perMinute: number[] } | { problems: string[] };

/**
 * Per-minute request counts from CSV text, one minute per line, in order.
 * A line is either a count (`120`) or fields whose last one is the count
 * (`2025-09-01T10:00,120` or `10,120`); a first line without a number in its
 * last field is a header and is skipped, as are blank lines and lines
 * starting with `#`. Counts must be numbers ≥ 0.
 */
export function parsePerMinuteCsv(text: string): CsvResult {
  const perMinute: number[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/[,;\t]/).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    const last = fields[fields.length - 1] ?? '';
    const value = last === '' ? NaN : Number(last);
    if (!Number.isFinite(value)) {
      if (perMinute.length === 0 && problems.length === 0) return; // a header
      if (problems.length < 5) problems.push(`Line ${index + 1}: "${line.slice(0, 40)}" does not end in a count of requests.`);
      return;
    }
    if (value < 0) {
      if (problems.length < 5) problems.push(`Line ${index + 1}: a count cannot be negative (got ${value}).`);
      return;
    }
    perMinute.push(value);
  });
  if (problems.length > 0) return { problems };
  if (perMinute.length === 0) return { problems: ['The CSV holds no per-minute counts: one count per line, or fields ending in the count.'] };
  if (perMinute.length > MAX_REPLAY_MINUTES) {
    return { problems: [`The CSV holds ${perMinute.length.toLocaleString('en-US')} minutes: at most ${MAX_REPLAY_MINUTES.toLocaleString('en-US')} (31 days).`] };
  }
  return { perMinute };
}

/** Counts back to CSV: `minute,requests` per line, for a download. */
export function perMinuteToCsv(perMinute: readonly number[]): string {
  return ['minute,requests', ...perMinute.map((n, i) => `${i},${n}`)].join('\n') + '\n';
}
