import { describe, expect, it } from 'vitest';
import { matchesEventPattern, parseEventPattern, validateEventPattern, type EventPattern } from './eventPattern';

const event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'Order Placed',
  source: 'com.example.orders',
  account: '123456789012',
  time: '2026-01-01T12:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:s3:::bucket-a', 'arn:aws:s3:::bucket-b'],
  detail: {
    state: 'running',
    'c-count': 5,
    price: 12.5,
    negative: -3,
    flag: true,
    missing: null,
    empty: '',
    file: 'photos/Summer.PNG',
    customer: { tier: 'gold', address: { country: 'NL' } },
    items: [
      { sku: 'A-1', qty: 2 },
      { sku: 'B-7', qty: 0 },
    ],
    tags: ['red', 'blue'],
    codes: [3, 30],
  },
};

const parse = (text: string): EventPattern => {
  const parsed = parseEventPattern(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pattern;
};

describe('event pattern matching', () => {
  const table: [pattern: string, matches: boolean][] = [
    // exact values; an array is "any of"; fields are AND
    ['{"source":["com.example.orders"]}', true],
    ['{"source":["com.example.other","com.example.orders"]}', true],
    ['{"source":["com.example.other"]}', false],
    ['{"source":["com.example.orders"],"detail-type":["Order Placed"]}', true],
    ['{"source":["com.example.orders"],"detail-type":["Order Shipped"]}', false],
    ['{"detail":{"state":["running"]}}', true],
    ['{"detail":{"state":["Running"]}}', false],
    ['{"detail":{"c-count":[5]}}', true],
    ['{"detail":{"c-count":["5"]}}', false],
    ['{"detail":{"flag":[true]}}', true],
    ['{"detail":{"flag":["true"]}}', false],
    ['{"detail":{"missing":[null]}}', true],
    ['{"detail":{"nothere":[null]}}', false],
    ['{"detail":{"empty":[""]}}', true],
    ['{"detail":{"state":[""]}}', false],
    ['{"nothere":["x"]}', false],
    // nested fields (detail.a.b)
    ['{"detail":{"customer":{"address":{"country":["NL"]}}}}', true],
    ['{"detail":{"customer":{"address":{"country":["DE"]}}}}', false],
    ['{"detail":{"customer":["gold"]}}', false],
    ['{"detail":{"state":{"inner":["x"]}}}', false],
    // arrays in the event: match if any element matches
    ['{"resources":["arn:aws:s3:::bucket-b"]}', true],
    ['{"resources":["arn:aws:s3:::bucket-c"]}', false],
    ['{"detail":{"tags":["blue","green"]}}', true],
    ['{"detail":{"items":{"sku":["B-7"]}}}', true],
    ['{"detail":{"items":{"sku":["C-9"]}}}', false],
    ['{"detail":{"items":{"qty":[{"numeric":[">",1]}]}}}', true],
    ['{"detail":{"items":{"qty":[{"numeric":[">",5]}]}}}', false],
    // prefix / suffix, and their ignore-case forms
    ['{"source":[{"prefix":"com.example."}]}', true],
    ['{"source":[{"prefix":"com.other."}]}', false],
    ['{"detail":{"c-count":[{"prefix":"5"}]}}', false],
    ['{"detail":{"file":[{"suffix":".PNG"}]}}', true],
    ['{"detail":{"file":[{"suffix":".png"}]}}', false],
    ['{"detail":{"file":[{"suffix":{"equals-ignore-case":".png"}}]}}', true],
    ['{"detail":{"file":[{"prefix":{"equals-ignore-case":"PHOTOS/"}}]}}', true],
    ['{"detail":{"file":[{"prefix":{"equals-ignore-case":"videos/"}}]}}', false],
    // equals-ignore-case
    ['{"detail":{"state":[{"equals-ignore-case":"RUNNING"}]}}', true],
    ['{"detail":{"state":[{"equals-ignore-case":"stopped"}]}}', false],
    // wildcard
    ['{"detail":{"file":[{"wildcard":"photos/*.PNG"}]}}', true],
    ['{"detail":{"file":[{"wildcard":"videos/*"}]}}', false],
    ['{"detail":{"file":[{"wildcard":"*Summer*"}]}}', true],
    // anything-but: value, list, prefix, suffix, ignore case
    ['{"detail":{"state":[{"anything-but":"initializing"}]}}', true],
    ['{"detail":{"state":[{"anything-but":"running"}]}}', false],
    ['{"detail":{"c-count":[{"anything-but":123}]}}', true],
    ['{"detail":{"c-count":[{"anything-but":5}]}}', false],
    ['{"detail":{"state":[{"anything-but":["stopped","overloaded"]}]}}', true],
    ['{"detail":{"state":[{"anything-but":["stopped","running"]}]}}', false],
    ['{"detail":{"codes":[{"anything-but":[3]}]}}', true],
    ['{"detail":{"codes":[{"anything-but":[3,30]}]}}', false],
    ['{"detail":{"state":[{"anything-but":{"prefix":"init"}}]}}', true],
    ['{"detail":{"state":[{"anything-but":{"prefix":"run"}}]}}', false],
    ['{"detail":{"file":[{"anything-but":{"suffix":".jpg"}}]}}', true],
    ['{"detail":{"file":[{"anything-but":{"suffix":".PNG"}}]}}', false],
    ['{"detail":{"state":[{"anything-but":{"equals-ignore-case":["STOPPED","RUNNING"]}}]}}', false],
    ['{"detail":{"state":[{"anything-but":{"equals-ignore-case":"STOPPED"}}]}}', true],
    ['{"detail":{"nothere":[{"anything-but":"x"}]}}', false],
    // numeric ranges
    ['{"detail":{"c-count":[{"numeric":[">",0,"<=",5]}]}}', true],
    ['{"detail":{"c-count":[{"numeric":[">",0,"<",5]}]}}', false],
    ['{"detail":{"c-count":[{"numeric":["<=",5,">",0]}]}}', true],
    ['{"detail":{"c-count":[{"numeric":["=",5]}]}}', true],
    ['{"detail":{"price":[{"numeric":[">=",12.5]}]}}', true],
    ['{"detail":{"price":[{"numeric":["<",12.5]}]}}', false],
    ['{"detail":{"negative":[{"numeric":["<",0]}]}}', true],
    ['{"detail":{"state":[{"numeric":[">",0]}]}}', false],
    // exists
    ['{"detail":{"state":[{"exists":true}]}}', true],
    ['{"detail":{"nothere":[{"exists":true}]}}', false],
    ['{"detail":{"nothere":[{"exists":false}]}}', true],
    ['{"detail":{"state":[{"exists":false}]}}', false],
    ['{"detail":{"missing":[{"exists":true}]}}', true],
    ['{"detail":{"customer":[{"exists":true}]}}', false],
    ['{"nothere":{"deeper":[{"exists":false}]}}', true],
    ['{"detail":{"nothere":[{"exists":false},"x"]}}', true],
    // $or
    ['{"$or":[{"source":["nope"]},{"detail":{"state":["running"]}}]}', true],
    ['{"$or":[{"source":["nope"]},{"detail":{"state":["stopped"]}}]}', false],
    ['{"source":["com.example.orders"],"detail":{"$or":[{"c-count":[{"numeric":[">",10]}]},{"flag":[true]}]}}', true],
  ];
  it.each(table)('%s → %s', (pattern, matches) => {
    expect(matchesEventPattern(parse(pattern), event)).toBe(matches);
  });
});

describe('event pattern validation', () => {
  const table: [pattern: string, reason: string][] = [
    ['{"source":', 'Invalid JSON'],
    ['["aws.ec2"]', 'Filter is not an object'],
    ['"aws.ec2"', 'Filter is not an object'],
    ['{}', 'Empty objects are not allowed'],
    ['{"detail":{}}', 'Empty objects are not allowed'],
    ['{"source":"aws.ec2"}', '"source" must be an object or an array'],
    ['{"detail":{"lenderId":"LenderA"}}', '"lenderId" must be an object or an array'],
    ['{"source":[]}', 'Empty arrays are not allowed'],
    ['{"source":[["aws.ec2"]]}', 'Match value must be String, number, true, false, or null'],
    ['{"source":[{"prefix":"a","suffix":"b"}]}', 'Only one key allowed in match expression'],
    ['{"source":[{"contains":"a"}]}', 'Unrecognized match type contains'],
    ['{"source":[{"prefix":5}]}', 'prefix match pattern must be a string or {"equals-ignore-case": string}'],
    ['{"source":[{"suffix":{"exactly":"x"}}]}', 'suffix match pattern must be a string or {"equals-ignore-case": string}'],
    ['{"source":[{"equals-ignore-case":["a"]}]}', 'equals-ignore-case match pattern must be a string'],
    ['{"source":[{"wildcard":"a**b"}]}', 'Consecutive wildcard characters in "a**b" are not allowed'],
    ['{"source":[{"exists":"yes"}]}', 'exists match pattern must be either true or false'],
    ['{"n":[{"numeric":[">"]}]}', 'numeric match pattern must be an array of one or two [operator, number] pairs'],
    ['{"n":[{"numeric":">0"}]}', 'numeric match pattern must be an array of one or two [operator, number] pairs'],
    ['{"n":[{"numeric":["!=",5]}]}', 'Unrecognized numeric range operator: "!="'],
    ['{"n":[{"numeric":[">","5"]}]}', 'Value of > must be numeric'],
    ['{"n":[{"numeric":[">",6e9]}]}', 'Value of > must be between -5.0E9 and 5.0E9 inclusive'],
    ['{"n":[{"numeric":[">",0,">",5]}]}', 'A numeric range needs one lower bound (> or >=) and one upper bound (< or <=)'],
    ['{"n":[{"numeric":["=",0,"<",5]}]}', 'A numeric range needs one lower bound (> or >=) and one upper bound (< or <=)'],
    ['{"n":[{"numeric":[">",5,"<",5]}]}', 'Bottom must be less than top in a numeric range'],
    ['{"s":[{"anything-but":[]}]}', 'Empty arrays are not allowed'],
    ['{"s":[{"anything-but":["a",1]}]}', 'Inside anything-but list, all values must be strings or all must be numbers'],
    ['{"s":[{"anything-but":true}]}', 'Value of anything-but must be an array or single string/number value, or an object with prefix, suffix, equals-ignore-case or wildcard'],
    ['{"s":[{"anything-but":{"numeric":[">",1]}}]}', 'Unsupported anything-but pattern: numeric'],
    ['{"s":[{"anything-but":{"prefix":1}}]}', 'prefix match pattern must be a string'],
    ['{"ip":[{"cidr":"10.0.0.0/24"}]}', 'cidr matching is not modelled in this playground'],
    ['{"$or":[{"a":["x"]}]}', '$or must be an array of at least two patterns'],
    ['{"$or":[{"a":["x"]},"b"]}', 'Each $or alternative must be an object'],
  ];
  it.each(table)('%s', (text, reason) => {
    expect(parseEventPattern(text)).toEqual({ ok: false, reason, message: `Event pattern is not valid. Reason: ${reason}` });
  });

  it('accepts what it can match, and validates parsed values too', () => {
    expect(parseEventPattern('{"source":["aws.events"],"detail-type":["Scheduled Event"]}').ok).toBe(true);
    expect(validateEventPattern({ detail: { n: [{ numeric: ['>=', -5e9, '<=', 5e9] }] } })).toBeNull();
    expect(validateEventPattern(null)).toBe('Filter is not an object');
  });
});
