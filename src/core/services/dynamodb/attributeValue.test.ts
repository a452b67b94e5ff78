import { describe, expect, it } from 'vitest';
import { attributeValueSize, attributeValuesEqual, compareScalars, itemSize, parseAttributeValue, type AttributeValue } from './attributeValue';
import { addNumbers, compareNumbers, normalizeNumber } from './numberValue';

describe('numbers', () => {
  it.each([
    ['1.50', '1.5'],
    ['1e2', '100'],
    ['-0.0100', '-0.01'],
    ['+7', '7'],
    ['000', '0'],
    ['1.5E-3', '0.0015'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeNumber(input)).toBe(expected);
  });

  it.each([
    ['abc', 'A value provided cannot be converted into a number'],
    ['1'.repeat(39), 'Attempting to store more than 38 significant digits in a Number'],
    ['1e126', 'Number overflow. Attempting to store a number with magnitude larger than supported range'],
    ['1e-131', 'Number underflow. Attempting to store a number with magnitude smaller than supported range'],
  ])('refuses %s', (input, message) => {
    expect(() => normalizeNumber(input)).toThrow(message);
  });

  it('adds exactly, beyond double precision', () => {
    expect(addNumbers('0.1', '0.2')).toBe('0.3');
    expect(addNumbers('12345678901234567890123456789', '1')).toBe('12345678901234567890123456790');
    expect(addNumbers('5', '7.25', true)).toBe('-2.25');
    expect(compareNumbers('10', '9.99')).toBe(1);
    expect(compareNumbers('-1', '1')).toBe(-1);
  });
});

describe('AttributeValue parsing', () => {
  it.each<[unknown, string]>([
    [{}, 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes'],
    [{ S: 'a', N: '1' }, 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes'],
    [{ NULL: false }, 'One or more parameter values were invalid: Null attribute value types must have the value of true'],
    [{ SS: [] }, 'One or more parameter values were invalid: An string set  may not be empty'],
    [{ SS: ['a', 'a'] }, 'One or more parameter values were invalid: Input collection [a, a] contains duplicates.'],
    [{ NS: ['1', 'x'] }, 'A value provided cannot be converted into a number'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseAttributeValue(raw)).toThrow(message);
  });

  it('normalises numbers inside sets and maps', () => {
    expect(parseAttributeValue({ M: { a: { NS: ['1.0', '2'] }, b: { L: [{ N: '3.10' }] } } })).toEqual({ M: { a: { NS: ['1', '2'] }, b: { L: [{ N: '3.1' }] } } });
  });
});

describe('item size (Developer Guide rules)', () => {
  it.each<[AttributeValue, number]>([
    [{ S: 'héllo' }, 6],
    [{ N: '123' }, 3],
    [{ N: '12345' }, 4],
    [{ N: '0.001' }, 2],
    [{ B: 'AAEC' }, 3],
    [{ BOOL: true }, 1],
    [{ NULL: true }, 1],
    [{ L: [{ S: 'ab' }, { N: '1' }] }, 3 + (2 + 1) + (2 + 1)],
    [{ M: { k: { S: 'v' } } }, 3 + 1 + 1 + 1],
    [{ SS: ['ab', 'c'] }, 3],
    [{ NS: ['1', '100'] }, 2 + 2],
    [{ BS: ['AA==', 'AAE='] }, 3],
  ])('%j is %i bytes', (value, bytes) => {
    expect(attributeValueSize(value)).toBe(bytes);
  });

  it('counts attribute names in UTF-8', () => {
    expect(itemSize({ 'ñ': { S: 'x' }, id: { N: '101' } })).toBe(2 + 1 + 2 + 3);
  });
});

describe('equality and order', () => {
  it('compares numbers by value, sets regardless of order, maps regardless of key order', () => {
    expect(attributeValuesEqual({ N: '1' }, { N: '1.0' })).toBe(true);
    expect(attributeValuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] })).toBe(true);
    expect(attributeValuesEqual({ M: { a: { S: '1' }, b: { S: '2' } } }, { M: { b: { S: '2' }, a: { S: '1' } } })).toBe(true);
    expect(attributeValuesEqual({ S: '1' }, { N: '1' })).toBe(false);
  });

  it('orders strings by code point, binary by unsigned bytes, and refuses mixed types', () => {
    expect(compareScalars({ S: 'Z' }, { S: 'a' })).toBeLessThan(0);
    expect(compareScalars({ B: '/w==' }, { B: 'AA==' })).toBeGreaterThan(0);
    expect(compareScalars({ S: '1' }, { N: '1' })).toBeNull();
  });
});
