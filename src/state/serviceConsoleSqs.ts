import { currentServices, isFailure, jsonCall, type ConsoleServices, type Failure, type QueueCounts } from './serviceConsole';

/**
 * A queue's message counts, read without receiving (which would change
 * them): the model has no GetQueueAttributes, so the services answer them
 * directly. A queue a trigger polls hands its messages to the trigger, so
 * they are counted there, not here.
 */
export async function queueStats(name: string, services: ConsoleServices = currentServices()): Promise<QueueCounts | Failure> {
  const counts = await services.queueCounts(name);
  return counts ?? { error: 'QueueDoesNotExist: The specified queue does not exist.' };
}

/** GetQueueUrl, then SendMessage, as a handler would. */
export async function sendMessage(name: string, body: string, services: ConsoleServices = currentServices()): Promise<{ messageId: string } | Failure> {
  const url = await jsonCall(services, 'sqs', 'AmazonSQS.GetQueueUrl', { QueueName: name });
  if (isFailure(url)) return url;
  const r = await jsonCall(services, 'sqs', 'AmazonSQS.SendMessage', { QueueUrl: url.output.QueueUrl, MessageBody: body });
  if (isFailure(r)) return r;
  return { messageId: String(r.output.MessageId ?? '') };
}
