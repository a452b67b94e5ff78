// Sample application: an S3 upload pipeline through SQS, with a dead-letter queue.
//
//   upload ──PutObject──► bucket (BUCKET_NAME) ──notification──► processor
//   processor ──GetObject, SendMessageBatch──► work queue ──event source mapping──► worker
//   worker: partial batch failures; a message that fails 3 receives moves to the dead-letter queue
//
// upload stores the CSV text of its event as an object under incoming/. Nothing
// else is needed: the bucket's notification invokes processor on its own.
//
// What to try:
//   1. Invoke: the test event uploads three order lines. Open processor and
//      worker: their logs show the object read back and each line processed.
//   2. Choose the saved event "Upload with a poison line" and Invoke: the worker
//      fails that line (a partial batch failure) and the others succeed; the
//      queue redelivers it until its 3rd receive, then moves it to the
//      dead-letter queue (Triggers view, the SQS queue work-queue).
//   3. The extra function recursive-loop shows Lambda's recursive loop detection.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export const handler = async (event) => {
  const key = `incoming/${event.fileName ?? 'orders.csv'}`;
  const result = await s3.send(
    new PutObjectCommand({ Bucket: process.env.BUCKET_NAME, Key: key, Body: event.csv, ContentType: 'text/csv' }),
  );
  console.log(`Uploaded s3://${process.env.BUCKET_NAME}/${key} (${event.csv.length} bytes)`);
  return { bucket: process.env.BUCKET_NAME, key, etag: result.ETag };
};
