import { handleDynamoDbRequest, type DynamoDbHttpResponse } from './handleDynamoDbRequest';
import { emptyDynamoDbStore, type DynamoDbStore } from './tableStore';

export const T0 = Date.UTC(2026, 11, 5, 12, 0, 0);

/** A tiny client over the wire entry point: keeps the store between calls, as the app will. */
export class TestClient {
  store: DynamoDbStore = emptyDynamoDbStore();
  last: DynamoDbHttpResponse | undefined;
  nowMs = T0;

  call(operation: string, request: unknown): DynamoDbHttpResponse {
    this.last = handleDynamoDbRequest(this.store, { target: `DynamoDB_20120810.${operation}`, body: JSON.stringify(request) }, this.nowMs);
    this.store = this.last.store;
    return this.last;
  }

  /** The parsed 200 body; throws with the error body otherwise. */
  ok(operation: string, request: unknown): Record<string, unknown> {
    const r = this.call(operation, request);
    if (r.status !== 200) throw new Error(`${operation} failed: ${r.body}`);
    return JSON.parse(r.body) as Record<string, unknown>;
  }

  /** The parsed 400 body of a call expected to fail. */
  error(operation: string, request: unknown): { __type: string; message?: string } & Record<string, unknown> {
    const r = this.call(operation, request);
    if (r.status !== 400) throw new Error(`${operation} unexpectedly answered ${r.status}: ${r.body}`);
    return JSON.parse(r.body) as { __type: string; message?: string } & Record<string, unknown>;
  }

  /** A table keyed by `pk` (S) and, when asked, `sk` (N or S). */
  createTable(name: string, sort?: 'S' | 'N', stream?: string): void {
    this.ok('CreateTable', {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, ...(sort ? [{ AttributeName: 'sk', AttributeType: sort }] : [])],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(sort ? [{ AttributeName: 'sk', KeyType: 'RANGE' }] : [])],
      ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: stream } } : {}),
    });
  }
}
