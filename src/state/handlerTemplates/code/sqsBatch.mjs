// SQS batch with partial batch responses (ReportBatchItemFailures):
// only the failed messages go back to the queue.
export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      if (!Number.isInteger(order.quantity) || order.quantity <= 0) {
        throw new Error(`Invalid quantity ${order.quantity} for order ${order.orderId}`);
      }
      console.log(`Processed order ${order.orderId} (${order.quantity} × ${order.sku})`);
    } catch (err) {
      console.error(`Message ${record.messageId} failed:`, err.message);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
