// Sample application: an S3 upload pipeline through SQS (the worker).
//
// worker is invoked by the event source mapping on work-queue with batches of
// up to 10 messages. It reports partial batch failures (ReportBatchItemFailures):
// only the messages it names go back to the queue, the rest are deleted. The
// queue's redrive policy (maxReceiveCount 3) moves a message that keeps failing
// to its dead-letter queue, where it waits to be looked at.
export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    const quantity = Number(order.quantity);
    if (!Number.isInteger(quantity) || quantity <= 0) {
      console.error(`Rejected ${order.orderId}: quantity ${JSON.stringify(order.quantity)} (receive ${record.attributes.ApproximateReceiveCount})`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    console.log(`Processed ${order.orderId}: ${quantity} × ${order.sku}`);
  }
  return { batchItemFailures };
};
