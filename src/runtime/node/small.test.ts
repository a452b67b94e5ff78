import * as nodeAssert from 'node:assert';
import * as nodePath from 'node:path';
import * as nodeQs from 'node:querystring';
import * as nodeUrl from 'node:url';
import * as nodeUtil from 'node:util';
import { describe, expect, it } from 'vitest';
import assert from './assert';
import path from './path';
import querystring from './querystring';
import url from './url';
import util from './util';

type PathFn = (...a: string[]) => unknown;
const p = path as unknown as Record<string, PathFn>;

describe('path, querystring, url, util and assert against Node', () => {
  it.each([
    ['join', ['/tmp', '..', 'var', './task', 'index.mjs']],
    ['join', ['a', '', 'b/']],
    ['normalize', ['/a//b/../c/.']],
    ['resolve', ['/tmp', 'x', '../y']],
    ['relative', ['/var/task', '/tmp/a/b']],
    ['dirname', ['/var/task/index.mjs']],
    ['basename', ['/var/task/index.mjs', '.mjs']],
    ['extname', ['archive.tar.gz']],
    ['isAbsolute', ['tmp/x']],
    ['parse', ['/home/user/dir/file.txt']],
  ] as const)('path.%s(%j)', (fn, args) => {
    expect(p[fn]!(...args)).toEqual((nodePath.posix as unknown as Record<string, PathFn>)[fn]!(...args));
  });

  it.each(['a=1&b=2&a=3', 'x=%20y+z&empty=&flag', 'bad=%E0%A4%A&ok=%E2%9C%93', '', 'a[b]=c&&=d'])('querystring.parse(%j)', (q) => {
    expect({ ...querystring.parse(q) }).toEqual({ ...nodeQs.parse(q) });
  });

  it.each([{ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: '✓&=' }, { n: NaN, i: Infinity, big: 10n }])('querystring.stringify(case %#)', (o) => {
    expect(querystring.stringify(o as never)).toBe(nodeQs.stringify(o as never));
  });

  it('url file helpers as Node on Linux', () => {
    for (const s of ['file:///var/task/index.mjs', 'file:///tmp/a%20b%23c', new URL('file:///x/y')]) expect(url.fileURLToPath(s)).toBe(nodeUrl.fileURLToPath(s));
    for (const s of ['/tmp/a b#c?d', '/var/task/', '/tmp/100%']) expect(url.pathToFileURL(s).href).toBe(nodeUrl.pathToFileURL(s).href);
    for (const bad of ['https://x/y', 'file://host/x', 'file:///a%2Fb']) {
      let expected: Error & { code?: string } = new Error();
      try {
        nodeUrl.fileURLToPath(bad);
      } catch (e) {
        expected = e as Error;
      }
      expect(() => url.fileURLToPath(bad)).toThrow(expect.objectContaining({ code: expected.code }));
    }
  });

  it('util.format, promisify, callbackify, types and isDeepStrictEqual as Node', async () => {
    for (const args of [['%s=%d', 'a', 42], ['%j', { a: 1 }], ['no args'], [1, 'two', { three: 3 }]] as unknown[][]) {
      expect(util.format(...args)).toBe(nodeUtil.format(...args));
    }
    const cbFn = (x: number, cb: (e: Error | null, v?: number) => void) => setTimeout(() => cb(null, x * 2), 0);
    expect(await (util.promisify(cbFn as never) as (x: number) => Promise<number>)(21)).toBe(42);
    const back = util.callbackify((async (x: number) => x + 1) as never) as (x: number, cb: (e: unknown, v: number) => void) => void;
    expect(await new Promise((resolve) => back(1, (_e, v) => resolve(v)))).toBe(2);
    expect(util.types.isPromise(Promise.resolve())).toBe(true);
    expect(util.types.isAsyncFunction(async () => 1)).toBe(nodeUtil.types.isAsyncFunction(async () => 1));
    for (const [a, b] of [[{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }], [{ a: 1 }, { a: '1' }], [new Map([[1, 2]]), new Map([[1, 2]])], [[1, 2], { 0: 1, 1: 2 }]]) {
      expect(util.isDeepStrictEqual(a, b)).toBe(nodeUtil.isDeepStrictEqual(a, b));
    }
    expect(() => util.promisify(42 as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
  });

  it('assert throws AssertionError where Node does, with its code and first line', async () => {
    const cases: [string, () => void, (a: typeof nodeAssert) => void][] = [
      ['strictEqual', () => assert.strictEqual(1, 2), (a) => a.strictEqual(1, 2)],
      ['deepStrictEqual', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }), (a) => a.deepStrictEqual({ a: 1 }, { a: '1' })],
      ['equal', () => assert.equal(1, 2), (a) => a.equal(1, 2)],
      ['notStrictEqual', () => assert.notStrictEqual(1, 1), (a) => a.notStrictEqual(1, 1)],
      ['notEqual', () => assert.notEqual(1, 1), (a) => a.notEqual(1, 1)],
      ['throws', () => assert.throws(() => undefined), (a) => a.throws(() => undefined)],
      ['with message', () => assert.strictEqual(1, 2, 'custom'), (a) => a.strictEqual(1, 2, 'custom')],
    ];
    for (const [, ours, theirs] of cases) {
      let expected: Error & { code?: string } = new Error();
      try {
        theirs(nodeAssert);
      } catch (e) {
        expected = e as Error;
      }
      expect(() => ours()).toThrow(expect.objectContaining({ code: 'ERR_ASSERTION', name: 'AssertionError' }));
      try {
        ours();
      } catch (e) {
        expect((e as Error).message.split('\n')[0]).toBe(expected.message.split('\n')[0]);
      }
    }
    assert.deepEqual({ a: 1 }, { a: '1' });
    assert.throws(() => { throw new TypeError('x'); }, TypeError);
    assert.throws(() => { throw new TypeError('bad x'); }, /bad/);
    assert.throws(() => { throw Object.assign(new Error('m'), { code: 'E' }); }, { code: 'E' });
    await assert.rejects(Promise.reject(new Error('r')), /r/);
    expect(assert.strict.equal).toBe(assert.strictEqual);
  });
});
