/**
 * The request builder's text fields, parsed: `Name: value` header lines and a
 * `a=1; b=2` cookie line. Kept beside the trigger so the UI stays thin.
 */

/** RFC 9110 §5.6.2 token: a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export interface ParsedHeaderLines {
  headers: [string, string][];
  /** Lines that are not `Name: value` (1-based line numbers). */
  invalidLines: number[];
}

export function parseHeaderLines(text: string): ParsedHeaderLines {
  const headers: [string, string][] = [];
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!TOKEN.test(name)) invalidLines.push(i + 1);
    else headers.push([name, line.slice(colon + 1).trim()]);
  });
  return { headers, invalidLines };
}

export function formatHeaderLines(headers: readonly [string, string][]): string {
  return headers.map(([n, v]) => `${n}: ${v}`).join('\n');
}

/** `a=1; b=2` → ['a=1', 'b=2']. */
export function parseCookieLine(text: string): string[] {
  return text
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}
