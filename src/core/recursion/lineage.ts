/**
 * Lambda's `Lineage` field of the X-Ray trace header, which counts how often
 * each function has been invoked by one chain of requests.
 *
 * Format (the documented one, "V1"): `Lineage=<hash>:<count>|<hash>:<count>…`,
 * one 8-hex-digit hash of a function with its count, at most 16 entries.
 * Sources: OpenTelemetry .NET contrib PR #2480 (Jan 2025) quotes the format,
 * "Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2", and says it tracks up to 16
 * resources; a function's `_X_AMZN_TRACE_ID` seen in the wild (DataDog
 * datadog-lambda-java issue #89, 2023) ends `;Lineage=12326a9d:0`: on the
 * first invocation in a chain the function's count reads 0.
 * Since about 2024 Lambda also writes an undocumented "V2" form
 * `<loop counter>:<8 hex>:<request counter>` (12–18 characters; the
 * OpenTelemetry Java X-Ray propagator validates it, PR #1671). This model
 * writes V1, and reads a V2 value as no lineage (it cannot interpret it).
 * What Lambda hashes is not documented: this model hashes the function ARN
 * (unqualified) with 32-bit FNV-1a.
 */

export interface LineageEntry {
  /** 8 lowercase hex digits. */
  hash: string;
  /** Invocations of that function in the chain before the current one. */
  count: number;
}

/** "This format tracks up to 16 resource IDs" (OpenTelemetry .NET contrib PR #2480). */
export const LINEAGE_MAX_ENTRIES = 16;

const ENTRY = /^([0-9a-f]{8}):(\d{1,9})$/;

/** The entries of a V1 `Lineage` value, or null when it is not one. */
export function parseLineage(value: string): LineageEntry[] | null {
  const entries: LineageEntry[] = [];
  for (const part of value.split('|')) {
    const m = ENTRY.exec(part);
    if (!m?.[1] || m[2] === undefined) return null;
    entries.push({ hash: m[1], count: Number(m[2]) });
  }
  return entries;
}

export function formatLineage(entries: readonly LineageEntry[]): string {
  return entries.map((e) => `${e.hash}:${e.count}`).join('|');
}

/** The 8-hex-digit hash a function is known by in the lineage: FNV-1a (32 bits) of its ARN's UTF-16 code units. */
export function lineageHash(functionArn: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < functionArn.length; i++) {
    h ^= functionArn.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The function's entry, or undefined when the chain has not invoked it yet. */
export function lineageEntry(entries: readonly LineageEntry[], functionArn: string): LineageEntry | undefined {
  const hash = lineageHash(functionArn);
  return entries.find((e) => e.hash === hash);
}

/**
 * The lineage once the function is invoked again: its count goes up by one,
 * or it joins with 0. A 17th function pushes out the oldest entry.
 */
export function withInvocation(entries: readonly LineageEntry[], functionArn: string): LineageEntry[] {
  const hash = lineageHash(functionArn);
  const found = entries.find((e) => e.hash === hash);
  if (found) return entries.map((e) => (e === found ? { hash, count: e.count + 1 } : e));
  return [...entries, { hash, count: 0 }].slice(-LINEAGE_MAX_ENTRIES);
}
