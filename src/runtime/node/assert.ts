/**
 * `assert`: Node's assertions with its AssertionError (code
 * `ERR_ASSERTION`, actual, expected, operator). Messages follow Node's
 * first line; Node's coloured diffs are not reproduced. `assert/strict`
 * is the strict variant (equal means strictEqual).
 */
import { isDeepStrictEqual, inspect } from './util';

type Matcher = RegExp | ((err: unknown) => boolean) | (new (...args: never[]) => unknown) | Record<string, unknown> | Error;

export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  readonly generatedMessage: boolean;
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  constructor(options: { message?: string | Error; actual?: unknown; expected?: unknown; operator?: string; generated?: string }) {
    super(typeof options.message === 'string' ? options.message : (options.generated ?? 'Failed'));
    this.name = 'AssertionError';
    this.generatedMessage = options.message === undefined;
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator ?? 'fail';
  }
}

function fail(message: string | Error | undefined, actual: unknown, expected: unknown, operator: string, generated: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message, actual, expected, operator, generated });
}

function looseDeepEqual(a: unknown, b: unknown): boolean {
  if (a == b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => looseDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (v: unknown): string => inspect(v);

function ok(value: unknown, message?: string | Error): void {
  // Node quotes the call's source text when it can read the file; without it, this is its wording.
  if (!value) fail(message, value, true, '==', `${show(value)} == true`);
}

function matches(err: unknown, expected: Matcher | undefined): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String(err));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof (expected as new () => unknown)) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return (expected as (e: unknown) => boolean)(err) === true;
  }
  return Object.keys(expected).every((k) => {
    const want = (expected as Record<string, unknown>)[k];
    const got = (err as Record<string, unknown>)?.[k];
    return want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepStrictEqual(got, want);
  });
}

function throws(fn: () => unknown, expected?: Matcher | string, message?: string): void {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (err) {
    if (!matches(err, expected)) throw err;
    return;
  }
  fail(message, undefined, expected, 'throws', `Missing expected exception${message ? `: ${message}` : '.'}`);
}

async function rejects(p: Promise<unknown> | (() => Promise<unknown>), expected?: Matcher | string, message?: string): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (!matches(err, expected)) throw err;
    return;
  }
  fail(message, undefined, expected, 'rejects', `Missing expected rejection${message ? `: ${message}` : '.'}`);
}

function doesNotThrow(fn: () => unknown, message?: string): void {
  try {
    fn();
  } catch (err) {
    fail(message, err, undefined, 'doesNotThrow', `Got unwanted exception.\nActual message: "${(err as Error)?.message}"`);
  }
}

const pair = (op: string, test: (a: unknown, b: unknown) => boolean, header: string) => (actual: unknown, expected: unknown, message?: string | Error) => {
  if (test(actual, expected)) return;
  if (op === '==' || op === '!=') fail(message, actual, expected, op, `${show(actual)} ${op} ${show(expected)}`);
  if (op === 'notStrictEqual') fail(message, actual, expected, op, `${header} ${show(expected)}`);
  fail(message, actual, expected, op, `${header}\n\n${show(actual)} ${op === 'strictEqual' ? '!==' : 'should equal'} ${show(expected)}\n`);
};

const strictEqual = pair('strictEqual', Object.is, 'Expected values to be strictly equal:');
const notStrictEqual = pair('notStrictEqual', (a, b) => !Object.is(a, b), 'Expected "actual" to be strictly unequal to:');
const deepStrictEqual = pair('deepStrictEqual', isDeepStrictEqual, 'Expected values to be strictly deep-equal:');
const notDeepStrictEqual = pair('notDeepStrictEqual', (a, b) => !isDeepStrictEqual(a, b), 'Expected "actual" not to be strictly deep-equal to:');
const equal = pair('==', (a, b) => a == b || (a !== a && b !== b), 'Expected values to be loosely equal:');
const notEqual = pair('!=', (a, b) => a != b, 'Expected "actual" to be loosely unequal to:');
const deepEqual = pair('deepEqual', looseDeepEqual, 'Expected values to be loosely deep-equal:');
const notDeepEqual = pair('notDeepEqual', (a, b) => !looseDeepEqual(a, b), 'Expected "actual" not to be loosely deep-equal to:');

function match(value: string, re: RegExp, message?: string): void {
  if (!re.test(value)) fail(message, value, re, 'match', `The input did not match the regular expression ${String(re)}. Input:\n\n${show(value)}\n`);
}

const common = {
  ok, throws, rejects, doesNotThrow, match, strictEqual, notStrictEqual, deepStrictEqual, notDeepStrictEqual, AssertionError,
  fail: (message?: string | Error) => fail(message ?? 'Failed', undefined, undefined, 'fail', 'Failed'),
  ifError: (value: unknown) => {
    if (value !== null && value !== undefined) throw value instanceof Error ? value : new AssertionError({ message: `ifError got unwanted exception: ${show(value)}`, actual: value, operator: 'ifError' });
  },
};

const strict = Object.assign((value: unknown, message?: string | Error) => ok(value, message), common, {
  equal: strictEqual, notEqual: notStrictEqual, deepEqual: deepStrictEqual, notDeepEqual: notDeepStrictEqual,
});
const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), common, { equal, notEqual, deepEqual, notDeepEqual, strict });
Object.assign(strict, { strict });

export default assert;
export const variants = { 'assert/strict': strict };
