import type { Workspace } from '../../core/workspace/workspaceTypes';
import type { SampleBase } from './sampleBase';
import { eventBridgeEvent, jsonEvent, sampleIds, snsEvent } from './sampleEvents';
import { sampleFunction } from './sampleFunction';

const TOPIC = 'order-placed';
const BUS = 'orders-bus';
const RULE = 'order-placed-rule';
const ORDER = { orderId: 'o-1001', customer: 'ana@example.com', items: [{ sku: 'book', quantity: 2 }, { sku: 'pen', quantity: 3 }] };
const PRICED = {
  orderId: 'o-1001',
  customer: 'ana@example.com',
  items: [{ sku: 'book', quantity: 2, unit: 12.5, amount: 25 }, { sku: 'pen', quantity: 3, unit: 1.2, amount: 3.6 }],
  total: 28.6,
  currency: 'USD',
};

/**
 * Sample application 3: an order flow. place-order calls pricing with
 * Lambda's Invoke (RequestResponse) and uses its payload, publishes the
 * order to an SNS topic that fans out to billing and shipping, and puts an
 * OrderPlaced event on a bus whose rule invokes notifier.
 */
export function orderFlowSample(base: SampleBase): Workspace {
  return {
    ...base.workspace,
    name: 'Sample: order flow with SNS and EventBridge',
    functions: [
      sampleFunction(base, {
        name: 'place-order',
        source: 'placeOrder.mjs',
        environment: { PRICING_FUNCTION: 'pricing', TOPIC_ARN: sampleIds.topicArn(TOPIC), EVENT_BUS_NAME: BUS },
        event: jsonEvent(ORDER),
        savedEvents: [
          { name: 'Two books and three pens', json: jsonEvent(ORDER) },
          { name: 'Unknown item', json: jsonEvent({ ...ORDER, orderId: 'o-1002', items: [{ sku: 'mug', quantity: 1 }] }) },
        ],
      }),
      sampleFunction(base, { name: 'pricing', source: 'pricing.mjs', event: jsonEvent({ items: ORDER.items }) }),
      sampleFunction(base, { name: 'billing', source: 'billing.mjs', event: snsEvent(TOPIC, 'Order o-1001', PRICED) }),
      sampleFunction(base, { name: 'shipping', source: 'shipping.mjs', event: snsEvent(TOPIC, 'Order o-1001', PRICED) }),
      sampleFunction(base, { name: 'notifier', source: 'notifier.mjs', event: eventBridgeEvent(BUS, RULE, 'shop.orders', 'OrderPlaced', PRICED) }),
    ],
    triggers: [
      { type: 'sns', topic: TOPIC, subscriptions: [{ function: 'billing', filterPolicy: null }, { function: 'shipping', filterPolicy: null }] },
      { type: 'eventbridge', bus: BUS, schedules: [], rules: [{ name: RULE, pattern: '{"source": ["shop.orders"], "detail-type": ["OrderPlaced"]}', function: 'notifier' }] },
    ],
  };
}
