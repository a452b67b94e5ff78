/**
 * The AWS query protocol's request body: `application/x-www-form-urlencoded`
 * pairs, lists as `<Name>.member.<n>`, maps as `<Name>.entry.<n>.Name` and
 * `<Name>.entry.<n>.Value…` (1-based).
 */

export type QueryParams = ReadonlyMap<string, string>;

/** Decodes a form body (`+` is a space); a malformed escape is kept as written. */
export function parseQueryForm(body: string): QueryParams {
  const out = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    out.set(decode(k), decode(v));
  }
  return out;
}

function decode(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** The parameters under `<prefix>.<n>.` for n = 1, 2, … until one is missing, each with the prefix stripped. */
export function queryMembers(params: QueryParams, prefix: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (let n = 1; ; n++) {
    const head = `${prefix}.${n}.`;
    const member = new Map<string, string>();
    for (const [k, v] of params) if (k.startsWith(head)) member.set(k.slice(head.length), v);
    if (member.size === 0) return out;
    out.push(member);
  }
}
