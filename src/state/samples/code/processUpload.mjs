// Sample application: an S3 upload pipeline through SQS (the processor).
//
// processor is invoked by the notification of the bucket sample-uploads
// (s3:ObjectCreated:*, prefix incoming/). It reads the object back with GetObject, turns each CSV line into
// a message and sends them to the work queue (QUEUE_URL), ten per
// SendMessageBatch, the most SQS takes in one call.
//
// Its test event names incoming/orders.csv: Invoke it after upload has put
// that object, or GetObject fails with NoSuchKey, as it would on AWS.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

const s3 = new S3Client({});
const sqs = new SQSClient({});

export const handler = async (event) => {
  let sent = 0;
  for (const record of event.Records) {
    const Bucket = record.s3.bucket.name;
    // Keys arrive URL-encoded, spaces as '+', as S3 sends them.
    const Key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const object = await s3.send(new GetObjectCommand({ Bucket, Key }));
    const text = await object.Body.transformToString();
    const [header, ...lines] = text.trim().split('\n');
    const columns = header.split(',').map((c) => c.trim());
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v.trim()])));
    console.log(`Read ${Key} from ${Bucket}: ${rows.length} lines`);
    for (let i = 0; i < rows.length; i += 10) {
      const entries = rows.slice(i, i + 10).map((row, j) => ({ Id: String(i + j), MessageBody: JSON.stringify({ ...row, source: Key }) }));
      const { Failed = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.QUEUE_URL, Entries: entries }));
      if (Failed.length > 0) throw new Error(`SQS refused ${Failed.length} messages: ${Failed[0].Message}`);
      sent += entries.length;
    }
  }
  console.log(`Sent ${sent} messages to the work queue`);
  return { sent };
};
