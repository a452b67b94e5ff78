import { format as nodeFormat, inspect as nodeInspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { format, inspect } from './inspect';

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

const circular: Record<string, unknown> = { name: 'loop' };
circular.self = circular;

/** Values whose Node.js rendering we promise to match exactly. */
const values: [string, unknown][] = [
  ['string', 'hello'],
  ['number', 42],
  ['negative zero', -0],
  ['bigint', 10n],
  ['boolean', true],
  ['null', null],
  ['undefined', undefined],
  ['symbol', Symbol('s')],
  ['flat object', { a: 1, b: 'x', c: true, d: null }],
  ['nested object', { event: { name: 'Lambda', tags: ['a', 'b'] } }],
  ['deep object', { a: { b: { c: { d: 1 } } } }],
  ['array', [1, 'two', { three: 3 }]],
  ['empty', [{}, []]],
  ['quoted keys', { 'content-type': 'json', ok: 1 }],
  ['string with quote', { s: "it's" }],
  ['class instance', new Point(1, 2)],
  ['map', new Map([['k', 1]])],
  ['set', new Set([1, 2])],
  ['function', function handler() {}],
  ['date', new Date('2026-11-22T09:00:00.000Z')],
  ['regexp', /ab+c/gi],
  ['long object', { requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', path: '/hello', method: 'GET' }],
  ['circular', circular],
];

describe('inspect matches Node.js util.inspect', () => {
  it.each(values)('%s', (_name, value) => {
    const expected = nodeInspect(value).replace('<ref *1> ', '');
    expect(inspect(value)).toBe(expected);
  });
});

describe('format matches Node.js util.format', () => {
  const cases: [string, unknown[]][] = [
    ['plain strings', ['Received', 'event']],
    ['object after text', ['Received event:', { name: 'Lambda' }]],
    ['%s and %d', ['%s is %d years', 'Bob', 42]],
    ['%i truncates', ['%i', 42.9]],
    ['%j', ['json: %j', { a: [1] }]],
    ['%o', ['%O', { a: 1 }]],
    ['%% escape', ['100%% sure']],
    ['extra args', ['a %s', 'b', 'c', 1]],
    ['missing args', ['%s and %s', 'one']],
    ['non-string first', [{ a: 1 }, 'x']],
    ['numbers only', [1, 2, 3]],
  ];
  it.each(cases)('%s', (_name, args) => {
    expect(format(...args)).toBe(nodeFormat(...args));
  });
});
