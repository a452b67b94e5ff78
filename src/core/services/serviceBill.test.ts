import { describe, expect, it } from 'vitest';
import type { BilledRequests } from './serviceTypes';
import { SERVICE_PRICES, unitPrice } from './servicePricing';
import { addBilled, EMPTY_SERVICE_BILL, serviceBillUsd, totalsByService } from './serviceBill';

const billed = (b: Omit<BilledRequests, 'type'>): BilledRequests => ({ type: 'billedRequests', ...b });

describe('service prices (us-east-1 list prices)', () => {
  it.each([
    ['DynamoDB write request unit, after the 1 Nov 2024 cut', billed({ service: 'dynamodb', action: 'PutItem', count: 1, unit: 'write' }), 0.625e-6],
    ['DynamoDB read request unit, after the 1 Nov 2024 cut', billed({ service: 'dynamodb', action: 'GetItem', count: 1, unit: 'read' }), 0.125e-6],
    ['S3 PUT, COPY, POST, LIST: $0.005 per 1,000', billed({ service: 's3', action: 'PutObject', count: 1, tier: 1 }), 0.000005],
    ['S3 GET and others: $0.0004 per 1,000', billed({ service: 's3', action: 'GetObject', count: 1, tier: 2 }), 0.0000004],
    ['SQS standard: $0.40 per million', billed({ service: 'sqs', action: 'SendMessage', count: 1 }), 0.4e-6],
    ['SQS FIFO: $0.50 per million', billed({ service: 'sqs', action: 'SendMessage', count: 1, fifo: true }), 0.5e-6],
    ['SNS: $0.50 per million', billed({ service: 'sns', action: 'Publish', count: 1 }), 0.5e-6],
    ['EventBridge custom events: $1.00 per million', billed({ service: 'eventbridge', action: 'PutEvents', count: 1 }), 1e-6],
  ])('%s', (_name, b, usd) => {
    expect(unitPrice(b).usd).toBeCloseTo(usd, 15);
  });

  it('a million of each costs the list price', () => {
    expect(SERVICE_PRICES.dynamodb.writeRequestUnitUsd * 1e6).toBeCloseTo(0.625, 12);
    expect(SERVICE_PRICES.dynamodb.readRequestUnitUsd * 1e6).toBeCloseTo(0.125, 12);
    expect(SERVICE_PRICES.s3.tier1Usd * 1e3).toBeCloseTo(0.005, 12);
    expect(SERVICE_PRICES.s3.tier2Usd * 1e3).toBeCloseTo(0.0004, 12);
  });
});

describe('ServiceBill', () => {
  it('adds requests per service and action, in picodollars', () => {
    let bill = EMPTY_SERVICE_BILL;
    bill = addBilled(bill, billed({ service: 'dynamodb', action: 'PutItem', count: 2, unit: 'write' }));
    bill = addBilled(bill, billed({ service: 'dynamodb', action: 'PutItem', count: 1, unit: 'write' }));
    bill = addBilled(bill, billed({ service: 'dynamodb', action: 'GetItem', count: 0.5, unit: 'read' }));
    bill = addBilled(bill, billed({ service: 'sqs', action: 'SendMessage', count: 3 }));
    expect(bill.lines.map((l) => [l.service, l.action, l.counted, l.count, l.picos])).toEqual([
      ['dynamodb', 'PutItem', 'write request units', 3, 1_875_000],
      ['dynamodb', 'GetItem', 'read request units', 0.5, 62_500],
      ['sqs', 'SendMessage', 'requests (64 KiB chunks)', 3, 1_200_000],
    ]);
    expect(bill.totalPicos).toBe(1_875_000 + 62_500 + 1_200_000);
    expect(totalsByService(bill)).toEqual({ dynamodb: 1_937_500, sqs: 1_200_000 });
    expect(serviceBillUsd(bill)).toBeCloseTo(0.0000031375, 15);
  });

  it('keeps S3 tiers and DynamoDB read and write units on separate lines of one action', () => {
    let bill = EMPTY_SERVICE_BILL;
    bill = addBilled(bill, billed({ service: 'dynamodb', action: 'TransactWriteItems', count: 2, unit: 'write' }));
    bill = addBilled(bill, billed({ service: 'dynamodb', action: 'TransactWriteItems', count: 2, unit: 'read' }));
    expect(bill.lines).toHaveLength(2);
  });

  it('rounds each request to the picodollar before adding, so lines add up to the total', () => {
    // 1/3 of a write unit is not a real count, but it shows the rounding rule: 208,333.33… picos, rounded each time.
    let bill = EMPTY_SERVICE_BILL;
    for (let i = 0; i < 3; i++) bill = addBilled(bill, billed({ service: 'dynamodb', action: 'PutItem', count: 1 / 3, unit: 'write' }));
    expect(bill.lines[0]!.picos).toBe(3 * 208_333);
    expect(bill.totalPicos).toBe(bill.lines.reduce((s, l) => s + l.picos, 0));
  });

  it('a request that counts nothing (a free DELETE, no units) leaves the bill unchanged', () => {
    const bill = addBilled(EMPTY_SERVICE_BILL, billed({ service: 'dynamodb', action: 'GetItem', count: 0, unit: 'read' }));
    expect(bill).toBe(EMPTY_SERVICE_BILL);
  });

  it('a thousand S3 GETs cost $0.0004, a thousand PUTs $0.005', () => {
    let bill = EMPTY_SERVICE_BILL;
    for (let i = 0; i < 1000; i++) {
      bill = addBilled(bill, billed({ service: 's3', action: 'GetObject', count: 1, tier: 2 }));
      bill = addBilled(bill, billed({ service: 's3', action: 'PutObject', count: 1, tier: 1 }));
    }
    expect(totalsByService(bill).s3).toBe(400_000_000 + 5_000_000_000);
  });
});
