import { describe, expect, it } from 'vitest';
import type { AttributeMap } from './attributeValue';
import { TestClient } from './testClient.test-support';

/** Orders: pk 'c1' with sk 1..10, pk 'c2' with sk 1..3; `v` is sk * 10; even sk are 'big'. */
function orders(): TestClient {
  const c = new TestClient();
  c.createTable('orders', 'N');
  for (const [pk, n] of [['c1', 10], ['c2', 3]] as const) {
    for (let i = 1; i <= n; i++) {
      c.ok('PutItem', { TableName: 'orders', Item: { pk: { S: pk }, sk: { N: String(i) }, v: { N: String(i * 10) }, ...(i % 2 === 0 ? { big: { BOOL: true } } : {}) } });
    }
  }
  return c;
}

function sks(items: unknown): number[] {
  return (items as AttributeMap[]).map((i) => Number((i.sk as { N: string }).N));
}

const base = { TableName: 'orders', ExpressionAttributeValues: { ':c': { S: 'c1' } } };

describe('Query', () => {
  it.each<[string, Record<string, unknown>, number[]]>([
    ['pk only', { KeyConditionExpression: 'pk = :c' }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['sk =', { KeyConditionExpression: 'pk = :c AND sk = :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '4' } } }, [4]],
    ['sk <', { KeyConditionExpression: 'pk = :c AND sk < :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '4' } } }, [1, 2, 3]],
    ['sk <=', { KeyConditionExpression: 'pk = :c AND sk <= :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '4' } } }, [1, 2, 3, 4]],
    ['sk >', { KeyConditionExpression: 'pk = :c AND sk > :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '8' } } }, [9, 10]],
    ['sk >=', { KeyConditionExpression: 'pk = :c AND sk >= :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '8' } } }, [8, 9, 10]],
    ['BETWEEN', { KeyConditionExpression: 'pk = :c AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':a': { N: '3' }, ':b': { N: '5' } } }, [3, 4, 5]],
    ['backwards', { KeyConditionExpression: 'pk = :c', ScanIndexForward: false }, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
    ['filtered', { KeyConditionExpression: 'pk = :c', FilterExpression: 'big = :t', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':t': { BOOL: true } } }, [2, 4, 6, 8, 10]],
    ['numerically, not as text', { KeyConditionExpression: 'pk = :c AND sk > :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '9' } } }, [10]],
  ])('%s', (_, request, expected) => {
    const body = orders().ok('Query', { ...base, ...request });
    expect(sks(body.Items)).toEqual(expected);
    expect(body.Count).toBe(expected.length);
  });

  it('counts scanned items before the filter, and Select COUNT returns no Items', () => {
    const body = orders().ok('Query', { ...base, KeyConditionExpression: 'pk = :c', FilterExpression: 'v > :v', Select: 'COUNT', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':v': { N: '75' } } });
    expect(body).toEqual({ Count: 3, ScannedCount: 10 });
  });

  it('pages with Limit, LastEvaluatedKey and ExclusiveStartKey, in both directions', () => {
    for (const forward of [true, false]) {
      const c = orders();
      const seen: number[] = [];
      let start: unknown;
      let pages = 0;
      do {
        const body = c.ok('Query', { ...base, KeyConditionExpression: 'pk = :c', Limit: 4, ScanIndexForward: forward, ...(start ? { ExclusiveStartKey: start } : {}) });
        seen.push(...sks(body.Items));
        start = body.LastEvaluatedKey;
        pages++;
      } while (start);
      expect(seen).toEqual(forward ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(pages).toBe(3);
    }
  });

  it('gives a LastEvaluatedKey when Limit is reached exactly at the end, then an empty page', () => {
    const c = orders();
    const first = c.ok('Query', { TableName: 'orders', KeyConditionExpression: 'pk = :c', ExpressionAttributeValues: { ':c': { S: 'c2' } }, Limit: 3 });
    expect(first.LastEvaluatedKey).toEqual({ pk: { S: 'c2' }, sk: { N: '3' } });
    const second = c.ok('Query', { TableName: 'orders', KeyConditionExpression: 'pk = :c', ExpressionAttributeValues: { ':c': { S: 'c2' } }, Limit: 3, ExclusiveStartKey: first.LastEvaluatedKey });
    expect(second).toEqual({ Items: [], Count: 0, ScannedCount: 0 });
  });

  it('stops a page at 1 MB and charges the bytes it read', () => {
    const c = new TestClient();
    c.createTable('blobs', 'N');
    const filler = 'x'.repeat(300 * 1024);
    for (let i = 1; i <= 5; i++) c.ok('PutItem', { TableName: 'blobs', Item: { pk: { S: 'p' }, sk: { N: String(i) }, d: { S: filler } } });
    const body = c.ok('Query', { TableName: 'blobs', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, ProjectionExpression: 'sk', ReturnConsumedCapacity: 'TOTAL' });
    expect(sks(body.Items)).toEqual([1, 2, 3, 4]);
    expect(body.LastEvaluatedKey).toEqual({ pk: { S: 'p' }, sk: { N: '4' } });
    const bytes = 4 * (2 + 1 + 2 + 2 + 1 + 300 * 1024);
    expect((body.ConsumedCapacity as { CapacityUnits: number }).CapacityUnits).toBe(Math.ceil(bytes / 4096) / 2);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no key condition', {}, 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.'],
    ['a sort key condition alone', { KeyConditionExpression: 'sk = :n', ExpressionAttributeValues: { ':n': { N: '1' } } }, 'Query condition missed key schema element: pk'],
    ['a non-key attribute', { KeyConditionExpression: 'pk = :c AND v = :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '1' } } }, 'Query condition missed key schema element: sk'],
    ['OR', { KeyConditionExpression: 'pk = :c OR pk = :c' }, 'Invalid operator used in KeyConditionExpression: OR'],
    ['a sort key value of the wrong type', { KeyConditionExpression: 'pk = :c AND sk > :s', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':s': { S: '1' } } }, 'One or more parameter values were invalid: Condition parameter type does not match schema type'],
    ['begins_with on a number sort key', { KeyConditionExpression: 'pk = :c AND begins_with(sk, :n)', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '1' } } }, 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N'],
    ['a partition key range', { KeyConditionExpression: 'pk > :c' }, 'Query key condition not supported'],
    ['a filter on a key', { KeyConditionExpression: 'pk = :c', FilterExpression: 'sk > :n', ExpressionAttributeValues: { ':c': { S: 'c1' }, ':n': { N: '1' } } }, 'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk'],
    ['a bad start key', { KeyConditionExpression: 'pk = :c', ExclusiveStartKey: { pk: { S: 'c1' } } }, 'The provided starting key is invalid: The provided key element does not match the schema'],
    ['an index', { KeyConditionExpression: 'pk = :c', IndexName: 'byV' }, "IndexName: secondary indexes are not modelled by this playground's DynamoDB"],
  ])('refuses %s', (_, request, message) => {
    expect(orders().error('Query', { ...base, ...request }).message).toBe(message);
  });
});

describe('Scan', () => {
  it('returns every item once across pages, in a stable order, and filters after reading', () => {
    const c = orders();
    const seen: string[] = [];
    let start: unknown;
    let scanned = 0;
    do {
      const body = c.ok('Scan', { TableName: 'orders', Limit: 5, FilterExpression: 'attribute_exists(big)', ...(start ? { ExclusiveStartKey: start } : {}) });
      seen.push(...(body.Items as AttributeMap[]).map((i) => `${(i.pk as { S: string }).S}/${(i.sk as { N: string }).N}`));
      scanned += body.ScannedCount as number;
      start = body.LastEvaluatedKey;
    } while (start);
    expect(scanned).toBe(13);
    expect([...seen].sort()).toEqual(['c1/10', 'c1/2', 'c1/4', 'c1/6', 'c1/8', 'c2/2']);
    expect(c.ok('Scan', { TableName: 'orders', Select: 'COUNT' })).toEqual({ Count: 13, ScannedCount: 13 });
  });

  it('divides items between parallel scan segments without overlap', () => {
    const c = orders();
    const counts = [0, 1, 2, 3].map((segment) => c.ok('Scan', { TableName: 'orders', Segment: segment, TotalSegments: 4, Select: 'COUNT' }).Count as number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(13);
    expect(c.error('Scan', { TableName: 'orders', Segment: 4, TotalSegments: 4 }).message).toBe('The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4');
  });
});

describe('Query on a string sort key', () => {
  it('begins_with selects by prefix, in UTF-8 byte order', () => {
    const c = new TestClient();
    c.createTable('events', 'S');
    for (const sk of ['2026-01-02#b', '2026-01-01#a', '2025-12-31#z', 'Z', 'a']) c.ok('PutItem', { TableName: 'events', Item: { pk: { S: 'p' }, sk: { S: sk } } });
    const body = c.ok('Query', { TableName: 'events', KeyConditionExpression: 'pk = :p AND begins_with(sk, :y)', ExpressionAttributeValues: { ':p': { S: 'p' }, ':y': { S: '2026-' } } });
    expect((body.Items as AttributeMap[]).map((i) => (i.sk as { S: string }).S)).toEqual(['2026-01-01#a', '2026-01-02#b']);
    const all = c.ok('Query', { TableName: 'events', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } } });
    expect((all.Items as AttributeMap[]).map((i) => (i.sk as { S: string }).S)).toEqual(['2025-12-31#z', '2026-01-01#a', '2026-01-02#b', 'Z', 'a']);
  });
});
