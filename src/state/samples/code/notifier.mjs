// Sample application: an order flow (notifier, an EventBridge rule's target).
//
// The rule order-placed-rule on orders-bus matches the event pattern
//   {"source": ["shop.orders"], "detail-type": ["OrderPlaced"]}
// and invokes this function asynchronously with the whole event.
export const handler = async (event) => {
  const order = event.detail;
  console.log(`notifier: ${event['detail-type']} from ${event.source}: email ${order.customer} about ${order.orderId}`);
};
