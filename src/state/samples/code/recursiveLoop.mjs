// Sample application: an S3 upload pipeline through SQS (an extra: a recursive loop).
//
// recursive-loop consumes loop-queue and, for a message {"loop": true}, sends a
// message back to the same queue: a loop that would run (and bill) forever.
// Lambda's recursive loop detection follows the chain through the X-Ray trace
// header the SDK sends with each message, and stops it at the 17th invocation
// of this function by one chain: the message is dropped (this queue has no
// dead-letter queue) and the queue's activity says so (Triggers view).
// Any other message is processed once, with no loop.
//
// What to try: Invoke. The test event starts the chain with one message; watch
// the hop numbers in the logs stop at 16.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

const send = (body) => sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(body) }));

export const handler = async (event) => {
  // Invoked directly (the Invoke button): start the chain.
  if (!event.Records) {
    await send({ loop: event.loop === true, hop: 0 });
    return { started: event.loop === true ? 'a loop' : 'one message' };
  }
  for (const record of event.Records) {
    const message = JSON.parse(record.body);
    const hop = message.hop + 1;
    console.log(`hop ${hop}`);
    if (message.loop === true) await send({ loop: true, hop });
  }
};
