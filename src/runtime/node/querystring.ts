/**
 * `querystring`: Node's legacy query-string codec. `escape` percent-encodes
 * all but Node's unreserved set (A–Z a–z 0–9 - . _ ~ ! ' ( ) *), `parse`
 * turns `+` into spaces, repeats into arrays, and stops at `maxKeys` (1000).
 */
type Value = string | number | boolean | bigint | readonly (string | number | boolean | bigint)[] | null | undefined;

function escape(str: string): string {
  // Node's unreserved set is exactly encodeURIComponent's.
  return encodeURIComponent(str);
}

function unescape(str: string): string {
  try {
    return decodeURIComponent(str);
  } catch {
    // Node falls back to decoding the %XX bytes it can and reading the result as UTF-8 (U+FFFD for bad sequences).
    const bytes: number[] = [];
    const encoder = new TextEncoder();
    for (let i = 0; i < str.length; i++) {
      const hex = str.slice(i + 1, i + 3);
      if (str[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        const cp = str.codePointAt(i)!;
        bytes.push(...encoder.encode(String.fromCodePoint(cp)));
        if (cp > 0xffff) i++;
      }
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  }
}

function primitive(v: unknown): string {
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && isFinite(v)) || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj: Record<string, Value> | null | undefined, sep = '&', eq = '=', options?: { encodeURIComponent?: (s: string) => string }): string {
  if (obj === null || typeof obj !== 'object') return '';
  const enc = options?.encodeURIComponent ?? escape;
  const parts: string[] = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const k = enc(primitive(key)) + eq;
    if (Array.isArray(value)) for (const v of value) parts.push(k + enc(primitive(v)));
    else parts.push(k + enc(primitive(value)));
  }
  return parts.join(sep);
}

function parse(str: string, sep = '&', eq = '=', options?: { maxKeys?: number; decodeURIComponent?: (s: string) => string }): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (typeof str !== 'string' || str.length === 0) return out;
  const dec = options?.decodeURIComponent ?? unescape;
  const maxKeys = options?.maxKeys ?? 1000;
  let pairs = str.split(sep || '&');
  if (maxKeys > 0) pairs = pairs.slice(0, maxKeys);
  for (const pair of pairs) {
    if (pair.length === 0) continue;
    const at = pair.indexOf(eq || '=');
    const rawKey = at >= 0 ? pair.slice(0, at) : pair;
    const rawValue = at >= 0 ? pair.slice(at + (eq || '=').length) : '';
    const key = dec(rawKey.replace(/\+/g, ' '));
    const value = dec(rawValue.replace(/\+/g, ' '));
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

const querystring = { parse, stringify, escape, unescape, decode: parse, encode: stringify };
export default querystring;
