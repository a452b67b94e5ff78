/**
 * EventBridge event patterns: validation and matching.
 *
 * A pattern is a JSON object with the event's shape. Each field holds either
 * a nested object or a non-empty array of matchers, any of which may match
 * (fields AND, array elements OR). Matchers: a literal (string, number,
 * true, false, null: exact and type-sensitive), `prefix` and `suffix`
 * (a string, or `{"equals-ignore-case": s}`), `equals-ignore-case`,
 * `wildcard` (`*`, `\*` for a literal star), `anything-but` (a string or a
 * number, a list of all strings or all numbers, or `{prefix|suffix|
 * equals-ignore-case|wildcard}`), `numeric` (`["=", 5]`, or one or two
 * bounds such as `[">", 0, "<=", 5]`, values within ±5e9 as AWS documents)
 * and `exists` (true/false). `$or` takes two or more sub-patterns.
 *
 * Event values are found along the field path; arrays in the event are
 * flattened at every level, so a matcher matches when any element does.
 * Matchers look only at leaves (strings, numbers, booleans, null): an
 * object is not a value, so `exists: true` needs a leaf there and
 * `exists: false` matches when there is none. `anything-but` with a
 * prefix, suffix, ignore-case or wildcard matches only strings.
 * Not modelled: `cidr`, and AWS's limits on pattern size and complexity.
 */

/** A validated pattern (parse it with `parseEventPattern` or check it with `validateEventPattern`). */
export type EventPattern = { readonly [field: string]: unknown };

export type PatternParse = { ok: true; pattern: EventPattern } | { ok: false; message: string; reason: string };

const INVALID = 'Event pattern is not valid. Reason: ';
const NUMERIC_LIMIT = 5e9;
const MATCH_TYPES = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'exists', 'cidr'];

class PatternError extends Error {}
const fail = (reason: string): never => {
  throw new PatternError(reason);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLiteral = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function checkText(kind: string, v: unknown, allowIgnoreCase: boolean): void {
  if (typeof v === 'string') return;
  if (allowIgnoreCase && isObject(v) && Object.keys(v).length === 1 && typeof v['equals-ignore-case'] === 'string') return;
  fail(`${kind} match pattern must be a string${allowIgnoreCase ? ' or {"equals-ignore-case": string}' : ''}`);
}

function checkWildcard(v: unknown): void {
  if (typeof v !== 'string') fail('wildcard match pattern must be a string');
  const s = v as string;
  if (/(^|[^\\])\*\*/.test(s)) fail(`Consecutive wildcard characters in "${s}" are not allowed`);
}

function checkNumeric(v: unknown): void {
  if (!Array.isArray(v) || (v.length !== 2 && v.length !== 4)) fail('numeric match pattern must be an array of one or two [operator, number] pairs');
  const terms = v as unknown[];
  const ops: string[] = [];
  for (let i = 0; i < terms.length; i += 2) {
    const op = terms[i];
    const n = terms[i + 1];
    if (typeof op !== 'string' || !['=', '<', '<=', '>', '>='].includes(op)) fail(`Unrecognized numeric range operator: ${JSON.stringify(op)}`);
    if (typeof n !== 'number') fail(`Value of ${String(op)} must be numeric`);
    if (Math.abs(n as number) > NUMERIC_LIMIT) fail(`Value of ${String(op)} must be between -5.0E9 and 5.0E9 inclusive`);
    ops.push(op as string);
  }
  if (ops.length === 2) {
    const [a = '', b = ''] = ops;
    const lower = (o: string): boolean => o === '>' || o === '>=';
    const upper = (o: string): boolean => o === '<' || o === '<=';
    if (!(lower(a) && upper(b)) && !(upper(a) && lower(b))) fail('A numeric range needs one lower bound (> or >=) and one upper bound (< or <=)');
    const lo = (lower(a) ? terms[1] : terms[3]) as number;
    const hi = (lower(a) ? terms[3] : terms[1]) as number;
    if (lo >= hi) fail('Bottom must be less than top in a numeric range');
  }
}

function checkAnythingBut(v: unknown): void {
  if (typeof v === 'string' || typeof v === 'number') return;
  if (Array.isArray(v)) {
    if (v.length === 0) fail('Empty arrays are not allowed');
    if (!v.every((x) => typeof x === 'string') && !v.every((x) => typeof x === 'number')) {
      fail('Inside anything-but list, all values must be strings or all must be numbers');
    }
    return;
  }
  if (isObject(v) && Object.keys(v).length === 1) {
    const [key = ''] = Object.keys(v);
    const inner = v[key];
    if (key === 'prefix' || key === 'suffix') return checkText(key, inner, false);
    if (key === 'wildcard') return checkWildcard(inner);
    if (key === 'equals-ignore-case') {
      if (typeof inner === 'string' || (Array.isArray(inner) && inner.length > 0 && inner.every((x) => typeof x === 'string'))) return;
      fail('equals-ignore-case inside anything-but must be a string or a list of strings');
    }
    fail(`Unsupported anything-but pattern: ${key}`);
  }
  fail('Value of anything-but must be an array or single string/number value, or an object with prefix, suffix, equals-ignore-case or wildcard');
}

function checkMatcher(m: unknown): void {
  if (isLiteral(m)) return;
  if (!isObject(m)) fail('Match value must be String, number, true, false, or null');
  const keys = Object.keys(m as object);
  if (keys.length !== 1) fail('Only one key allowed in match expression');
  const [key = ''] = keys;
  const v = (m as Record<string, unknown>)[key];
  if (!MATCH_TYPES.includes(key)) fail(`Unrecognized match type ${key}`);
  if (key === 'prefix' || key === 'suffix') checkText(key, v, true);
  else if (key === 'equals-ignore-case') checkText(key, v, false);
  else if (key === 'wildcard') checkWildcard(v);
  else if (key === 'anything-but') checkAnythingBut(v);
  else if (key === 'numeric') checkNumeric(v);
  else if (key === 'exists') {
    if (typeof v !== 'boolean') fail('exists match pattern must be either true or false');
  } else fail(`${key} matching is not modelled in this playground`);
}

function checkObject(p: unknown, top: boolean): void {
  if (!isObject(p)) fail(top ? 'Filter is not an object' : 'Each $or alternative must be an object');
  const entries = Object.entries(p as Record<string, unknown>);
  if (entries.length === 0) fail('Empty objects are not allowed');
  for (const [key, v] of entries) {
    if (key === '$or') {
      if (!Array.isArray(v) || v.length < 2) fail('$or must be an array of at least two patterns');
      for (const alt of v as unknown[]) checkObject(alt, false);
    } else if (Array.isArray(v)) {
      if (v.length === 0) fail('Empty arrays are not allowed');
      v.forEach(checkMatcher);
    } else if (isObject(v)) checkObject(v, false);
    else fail(`"${key}" must be an object or an array`);
  }
}

/** Null when the pattern is valid, else AWS's reason ("Filter is not an object", …). */
export function validateEventPattern(pattern: unknown): string | null {
  try {
    checkObject(pattern, true);
    return null;
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
}

/** JSON text to a validated pattern, or AWS's InvalidEventPatternException message. */
export function parseEventPattern(text: string): PatternParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `${INVALID}Invalid JSON`, reason: 'Invalid JSON' };
  }
  const reason = validateEventPattern(value);
  return reason === null ? { ok: true, pattern: value as EventPattern } : { ok: false, message: INVALID + reason, reason };
}

const flatten = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(flatten) : [v]);
const lower = (s: string): string => s.toLowerCase();

function wildcardMatches(pattern: string, s: string): boolean {
  const parts: string[] = [];
  let literal = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i] as string;
    if (c === '\\' && pattern[i + 1] === '*') {
      literal += '*';
      i += 1;
    } else if (c === '*') {
      parts.push(literal);
      literal = '';
    } else literal += c;
  }
  parts.push(literal);
  const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${parts.map(escape).join('.*')}$`, 's').test(s);
}

function textMatches(kind: 'prefix' | 'suffix', spec: unknown, v: string): boolean {
  const ignoreCase = isObject(spec);
  const want = ignoreCase ? String(spec['equals-ignore-case']) : String(spec);
  const have = ignoreCase ? lower(v) : v;
  const w = ignoreCase ? lower(want) : want;
  return kind === 'prefix' ? have.startsWith(w) : have.endsWith(w);
}

function numericMatches(terms: readonly unknown[], n: number): boolean {
  for (let i = 0; i < terms.length; i += 2) {
    const bound = terms[i + 1] as number;
    const ok = { '=': n === bound, '<': n < bound, '<=': n <= bound, '>': n > bound, '>=': n >= bound }[terms[i] as string];
    if (!ok) return false;
  }
  return true;
}

function anythingButMatches(spec: unknown, v: unknown): boolean {
  if (Array.isArray(spec)) return !spec.includes(v);
  if (!isObject(spec)) return v !== spec;
  if (typeof v !== 'string') return false;
  const [key = '', inner] = Object.entries(spec)[0] ?? [];
  if (key === 'prefix' || key === 'suffix') return !textMatches(key, inner, v);
  if (key === 'wildcard') return !wildcardMatches(String(inner), v);
  return !flatten(inner).some((x) => lower(String(x)) === lower(v));
}

/** One matcher against one leaf value of the event. */
function leafMatches(m: unknown, v: unknown): boolean {
  if (!isObject(m)) return m === v;
  const [key = '', spec] = Object.entries(m)[0] ?? [];
  switch (key) {
    case 'prefix':
    case 'suffix':
      return typeof v === 'string' && textMatches(key, spec, v);
    case 'equals-ignore-case':
      return typeof v === 'string' && lower(v) === lower(String(spec));
    case 'wildcard':
      return typeof v === 'string' && wildcardMatches(String(spec), v);
    case 'anything-but':
      return anythingButMatches(spec, v);
    case 'numeric':
      return typeof v === 'number' && numericMatches(spec as unknown[], v);
    default:
      return false;
  }
}

function fieldMatches(matchers: readonly unknown[], values: readonly unknown[]): boolean {
  const leaves = values.filter((v) => !isObject(v));
  return matchers.some((m) => {
    if (isObject(m) && 'exists' in m) return m.exists === true ? leaves.length > 0 : leaves.length === 0;
    return leaves.some((v) => leafMatches(m, v));
  });
}

function objectMatches(pattern: EventPattern, nodes: readonly unknown[]): boolean {
  for (const [key, spec] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!(spec as EventPattern[]).some((alt) => objectMatches(alt, nodes))) return false;
      continue;
    }
    const values = nodes.flatMap((n) => (isObject(n) && Object.hasOwn(n, key) ? flatten(n[key]) : []));
    const ok = Array.isArray(spec) ? fieldMatches(spec, values) : objectMatches(spec as EventPattern, values);
    if (!ok) return false;
  }
  return true;
}

/** Whether the event (a parsed JSON object) matches the validated pattern. */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return objectMatches(pattern, [event]);
}
