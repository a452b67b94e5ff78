import { beforeEach, describe, expect, it } from 'vitest';
import { useServiceBill } from './serviceBillStore';

describe('serviceBillStore', () => {
  beforeEach(() => useServiceBill.getState().reset());

  it('accumulates what the hub reports, and resets', () => {
    const { add } = useServiceBill.getState();
    add({ type: 'billedRequests', service: 'dynamodb', action: 'PutItem', count: 1, unit: 'write' });
    add({ type: 'billedRequests', service: 's3', action: 'GetObject', count: 1, tier: 2 });
    add({ type: 'billedRequests', service: 'dynamodb', action: 'PutItem', count: 1, unit: 'write' });
    const { bill } = useServiceBill.getState();
    expect(bill.lines.map((l) => [l.service, l.action, l.count])).toEqual([
      ['dynamodb', 'PutItem', 2],
      ['s3', 'GetObject', 1],
    ]);
    expect(bill.totalPicos).toBe(2 * 625_000 + 400_000);
    useServiceBill.getState().reset();
    expect(useServiceBill.getState().bill.lines).toEqual([]);
  });

  it('a request that bills nothing does not notify subscribers', () => {
    let calls = 0;
    const unsubscribe = useServiceBill.subscribe(() => calls++);
    useServiceBill.getState().add({ type: 'billedRequests', service: 'dynamodb', action: 'GetItem', count: 0, unit: 'read' });
    unsubscribe();
    expect(calls).toBe(0);
  });
});
