// Sample application: an order flow (shipping, an SNS subscriber).
//
// The same message as billing's, delivered separately: each subscriber
// succeeds, fails and is retried on its own.
export const handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.Sns.Message);
    const count = order.items.reduce((n, item) => n + item.quantity, 0);
    console.log(`shipping: pack ${count} items for ${order.orderId} (${record.Sns.Subject})`);
  }
};
