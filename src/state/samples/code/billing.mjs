// Sample application: an order flow (billing, an SNS subscriber).
//
// billing and shipping are both subscribed to the topic order-placed: one
// Publish invokes each of them asynchronously with its own copy (fan-out).
export const handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.Sns.Message);
    console.log(`billing: charge ${order.customer} ${order.total} ${order.currency} for ${order.orderId}`);
  }
};
