// Sample application: an order flow with SNS fan-out and an EventBridge rule.
//
// place-order (this function):
//   1. calls pricing with Lambda's Invoke API (RequestResponse) and uses the
//      total in its payload;
//   2. publishes the order to the SNS topic order-placed, which fans it out
//      to its two subscribers, one delivery each;
//   3. puts an OrderPlaced event on the bus orders-bus, whose rule
//      order-placed-rule invokes the notifying function.
// (Only pricing is named here: the SAM export gives this function an Invoke
// permission for each function its code names.)
//
// What to try:
//   1. Invoke, then open the other functions' tabs: the subscribers and the
//      rule's target each logged the order they received.
//   2. The saved event "Unknown item": pricing throws; Invoke answers with
//      FunctionError set, and place-order refuses the order without publishing.
//   3. Change Source in the PutEvents call to 'shop.test' and Invoke: the
//      rule no longer matches and its target stays silent, while the SNS
//      subscribers still get the message.
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';

const lambda = new LambdaClient({});
const sns = new SNSClient({});
const events = new EventBridgeClient({});

async function price(items) {
  const answer = await lambda.send(
    new InvokeCommand({ FunctionName: process.env.PRICING_FUNCTION, InvocationType: 'RequestResponse', Payload: JSON.stringify({ items }) }),
  );
  const payload = JSON.parse(new TextDecoder().decode(answer.Payload));
  // A function error is not an exception of the Invoke call: it is FunctionError beside the error's payload.
  if (answer.FunctionError) throw Object.assign(new Error(`pricing failed: ${payload.errorMessage}`), { name: 'PricingError' });
  return payload;
}

export const handler = async (event) => {
  let quote;
  try {
    quote = await price(event.items);
  } catch (err) {
    if (err.name === 'PricingError') return { accepted: false, reason: err.message };
    throw err;
  }
  const order = { orderId: event.orderId, customer: event.customer, items: quote.lines, total: quote.total, currency: quote.currency };
  const published = await sns.send(
    new PublishCommand({
      TopicArn: process.env.TOPIC_ARN,
      Subject: `Order ${order.orderId}`,
      Message: JSON.stringify(order),
      MessageAttributes: { total: { DataType: 'Number', StringValue: String(order.total) } },
    }),
  );
  const put = await events.send(
    new PutEventsCommand({
      Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify(order) }],
    }),
  );
  if (put.FailedEntryCount > 0) throw new Error(`PutEvents failed: ${put.Entries[0].ErrorMessage}`);
  console.log(`Order ${order.orderId} placed: ${order.total} ${order.currency}`);
  return { accepted: true, orderId: order.orderId, total: order.total, snsMessageId: published.MessageId, eventId: put.Entries[0].EventId };
};
