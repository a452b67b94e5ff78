import { describe, expect, it } from 'vitest';
import type { AttributeMap } from './attributeValue';
import { evaluateCondition, project } from './expressionEvaluator';
import { ExpressionContext, parseCondition, parseProjection, parseUpdate } from './expressionParser';
import { applyUpdate } from './updateApplier';

const ITEM: AttributeMap = {
  id: { S: 'u1' },
  age: { N: '42' },
  name: { S: 'Ada Lovelace' },
  tags: { SS: ['math', 'poetry'] },
  scores: { L: [{ N: '1' }, { N: '2' }, { N: '3' }] },
  address: { M: { city: { S: 'London' }, zip: { S: 'N1' } } },
  bin: { B: 'AAECAw==' },
  gone: { NULL: true },
};

const VALUES: AttributeMap = {
  ':n40': { N: '40' },
  ':n42': { N: '42' },
  ':n50': { N: '50' },
  ':ada': { S: 'Ada' },
  ':math': { S: 'math' },
  ':two': { N: '2' },
  ':three': { N: '3' },
  ':London': { S: 'London' },
  ':SS': { S: 'SS' },
  ':M': { S: 'M' },
  ':blobPrefix': { B: 'AAE=' },
};

function condition(source: string): boolean {
  const ctx = new ExpressionContext({ '#n': 'name', '#a': 'address' }, VALUES);
  return evaluateCondition(ITEM, parseCondition(source, 'ConditionExpression', ctx));
}

describe('condition expressions', () => {
  it.each<[string, boolean]>([
    ['age = :n42', true],
    ['age <> :n42', false],
    ['age > :n40 AND age < :n50', true],
    ['age >= :n50 OR age <= :n40', false],
    ['age BETWEEN :n40 AND :n50', true],
    ['age BETWEEN :n50 AND :n50', false],
    ['age IN (:n40, :n42)', true],
    ['NOT age IN (:n40, :n50)', true],
    ['begins_with(#n, :ada)', true],
    ['begins_with(bin, :blobPrefix)', true],
    ['contains(tags, :math)', true],
    ['contains(#n, :ada)', true],
    ['contains(scores, :two)', true],
    ['size(scores) = :three', true],
    ['size(tags) = :two', true],
    ['attribute_exists(#a.city)', true],
    ['attribute_not_exists(#a.street)', true],
    ['attribute_exists(scores[2])', true],
    ['attribute_exists(scores[3])', false],
    ['attribute_type(tags, :SS)', true],
    ['attribute_type(#a, :M)', true],
    ['#a.city = :London', true],
    ['scores[1] = :two', true],
    ['missing = :n42', false],
    ['missing <> :n42', false],
    ['#n > :n40', false],
    ['(age = :n40 OR age = :n42) AND NOT (attribute_not_exists(id))', true],
    ['NOT NOT age = :n42', true],
    ['age = :n40 OR age = :n42 AND attribute_not_exists(id)', false],
  ])('%s is %s', (source, expected) => {
    expect(condition(source)).toBe(expected);
  });

  it.each<[string, string]>([
    ['age = :nope', 'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope'],
    ['#nope = :n42', 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope'],
    ['status = :n42', 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status'],
    ['age = ', 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="'],
    ['age == :n42', 'Invalid ConditionExpression: Syntax error; token: "=", near: "= = :n42"'],
    ['frobnicate(age)', 'Invalid ConditionExpression: Invalid function name; function: frobnicate'],
    ['size(age)', 'Invalid ConditionExpression: Syntax error'],
    ['  ', 'Invalid ConditionExpression: The expression can not be empty;'],
    ['attribute_type(age, :n42)', 'Invalid ConditionExpression: Invalid attribute type name found'],
    ['age BETWEEN :n50 AND :n40', 'The BETWEEN operator requires upper bound to be greater than or equal to lower bound'],
  ])('refuses %s', (source, message) => {
    expect(() => condition(source)).toThrow(message);
  });

  it('marks the placeholders it used, so the unused ones can be refused', () => {
    const ctx = new ExpressionContext({ '#n': 'name', '#x': 'x' }, { ':a': { S: 'a' }, ':b': { S: 'b' } });
    parseCondition('#n = :a', 'ConditionExpression', ctx);
    expect(() => ctx.checkAllUsed()).toThrow('Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}');
    ctx.usedNames.add('#x');
    expect(() => ctx.checkAllUsed()).toThrow('Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}');
  });
});

describe('projection expressions', () => {
  it('refuses overlapping paths', () => {
    const ctx = new ExpressionContext({}, {});
    expect(() => parseProjection('scores, scores[0]', ctx)).toThrow(
      'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [scores], path two: [scores, [0]]',
    );
  });

  it('keeps only the named paths, nested maps as maps and picked list elements in order', () => {
    const ctx = new ExpressionContext({ '#a': 'address' }, {});
    expect(project(ITEM, parseProjection('id, #a.city, scores[2], scores[0], nothing', ctx))).toEqual({
      id: { S: 'u1' },
      address: { M: { city: { S: 'London' } } },
      scores: { L: [{ N: '1' }, { N: '3' }] },
    });
  });
});

function update(source: string, item: AttributeMap = ITEM, values: AttributeMap = {}): AttributeMap {
  const ctx = new ExpressionContext({ '#n': 'name' }, values);
  return applyUpdate(item, parseUpdate(source, ctx), ['id']);
}

describe('update expressions', () => {
  it.each<[string, AttributeMap, AttributeMap]>([
    ['SET age = age + :one', { ':one': { N: '1' } }, { age: { N: '43' } }],
    ['SET age = :one - age', { ':one': { N: '1' } }, { age: { N: '-41' } }],
    ['SET visits = if_not_exists(visits, :zero)', { ':zero': { N: '0' } }, { visits: { N: '0' } }],
    ['SET age = if_not_exists(age, :zero)', { ':zero': { N: '0' } }, { age: { N: '42' } }],
    ['SET scores = list_append(scores, :more)', { ':more': { L: [{ N: '4' }] } }, { scores: { L: [{ N: '1' }, { N: '2' }, { N: '3' }, { N: '4' }] } }],
    ['SET scores = list_append(:more, scores)', { ':more': { L: [{ N: '0' }] } }, { scores: { L: [{ N: '0' }, { N: '1' }, { N: '2' }, { N: '3' }] } }],
    ['SET address.city = :c, scores[1] = :c', { ':c': { S: 'Paris' } }, { address: { M: { city: { S: 'Paris' }, zip: { S: 'N1' } } }, scores: { L: [{ N: '1' }, { S: 'Paris' }, { N: '3' }] } }],
    ['SET scores[9] = :c', { ':c': { N: '9' } }, { scores: { L: [{ N: '1' }, { N: '2' }, { N: '3' }, { N: '9' }] } }],
    ['ADD age :one, tags :t', { ':one': { N: '1' }, ':t': { SS: ['art', 'math'] } }, { age: { N: '43' }, tags: { SS: ['math', 'poetry', 'art'] } }],
    ['ADD counter :one', { ':one': { N: '1' } }, { counter: { N: '1' } }],
    ['DELETE tags :t', { ':t': { SS: ['math'] } }, { tags: { SS: ['poetry'] } }],
  ])('%s', (source, values, changed) => {
    expect(update(source, ITEM, values)).toEqual({ ...ITEM, ...changed });
  });

  it('REMOVE drops attributes and list elements, indexes naming the list as it was', () => {
    const after = update('REMOVE gone, scores[0], scores[1], #n, address.zip');
    expect(after.gone).toBeUndefined();
    expect(after.name).toBeUndefined();
    expect(after.scores).toEqual({ L: [{ N: '3' }] });
    expect(after.address).toEqual({ M: { city: { S: 'London' } } });
  });

  it('DELETE of the last members removes the attribute', () => {
    expect(update('DELETE tags :t', ITEM, { ':t': { SS: ['math', 'poetry'] } }).tags).toBeUndefined();
  });

  it('evaluates every right-hand side on the item as it was', () => {
    const after = update('SET a = age, age = :n', ITEM, { ':n': { N: '1' } });
    expect(after.a).toEqual({ N: '42' });
    expect(after.age).toEqual({ N: '1' });
  });

  it('does not change the item it was given', () => {
    update('SET age = :n REMOVE tags', ITEM, { ':n': { N: '1' } });
    expect(ITEM.age).toEqual({ N: '42' });
    expect(ITEM.tags).toBeDefined();
  });

  it.each<[string, AttributeMap, string]>([
    ['SET age = #n + :one', { ':one': { N: '1' } }, 'An operand in the update expression has an incorrect data type'],
    ['SET x = nothing', {}, 'The provided expression refers to an attribute that does not exist in the item'],
    ['SET nothing.deeper = :one', { ':one': { N: '1' } }, 'The document path provided in the update expression is invalid for update'],
    ['ADD #n :one', { ':one': { N: '1' } }, 'An operand in the update expression has an incorrect data type'],
    ['ADD x :s', { ':s': { S: 's' } }, 'Incorrect operand type for operator or function; operator: ADD, operand type: S'],
    ['SET id = :one', { ':one': { N: '1' } }, 'One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key'],
    ['SET age = :one REMOVE age', { ':one': { N: '1' } }, 'Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [age], path two: [age]'],
    ['SET address = :one, address.city = :one', { ':one': { N: '1' } }, 'Two document paths overlap'],
    ['SET a = :one SET b = :one', { ':one': { N: '1' } }, 'The "SET" section can only be used once in an update expression;'],
    ['SET a :one', { ':one': { N: '1' } }, 'Invalid UpdateExpression: Syntax error; token: ":one"'],
    ['SET a = :one REMOVE , b', { ':one': { N: '1' } }, 'Invalid UpdateExpression: Syntax error; token: ","'],
    ['UPSERT a = :one', { ':one': { N: '1' } }, 'Invalid UpdateExpression: Syntax error; token: "UPSERT"'],
    ['SET a = size(b)', {}, 'Invalid UpdateExpression: The function is not allowed in an update expression; function: size'],
  ])('refuses %s', (source, values, message) => {
    expect(() => update(source, ITEM, values)).toThrow(message);
  });
});
