/**
 * Every Lambda term the page explains, in one place: a title, one or two
 * plain sentences, and the AWS documentation page that says it with
 * authority. `<Term id="…">` shows an entry beside the word it explains.
 * To add a term: one entry here, then `term="…"` on the field (or a
 * `<Term>` beside the word); the unit test checks every id used exists.
 */
export interface GlossaryEntry {
  title: string;
  text: string;
  href: string;
}

const DG = 'https://docs.aws.amazon.com/lambda/latest/dg/';

export const GLOSSARY = {
  'cold-start': {
    title: 'Cold start',
    text: 'A request that finds no idle execution environment gets a new one: Lambda starts it and runs your module’s top-level code (Init) before the handler. That extra time is the cold start.',
    href: `${DG}lambda-runtime-environment.html`,
  },
  'warm-start': {
    title: 'Warm start',
    text: 'A request served by an environment that already exists and is idle: no Init, and whatever the module kept in memory (connections, caches, counters) is still there.',
    href: `${DG}lambda-runtime-environment.html`,
  },
  'init-duration': {
    title: 'Init Duration',
    text: 'How long the Init phase took: starting the runtime and running the code outside the handler. It appears only on a cold start and, since August 2025, is billed like the handler’s time.',
    href: `${DG}lambda-runtime-environment.html`,
  },
  'billed-duration': {
    title: 'Billed Duration',
    text: 'The time Lambda charges for: Duration (plus Init Duration on a cold start) rounded up to the next millisecond. Multiplied by memory it gives GB-seconds.',
    href: 'https://aws.amazon.com/lambda/pricing/',
  },
  'execution-environment': {
    title: 'Execution environment',
    text: 'An isolated sandbox with your code, its runtime and its memory. It serves one request at a time and is reused for later requests until Lambda reclaims it.',
    href: `${DG}lambda-runtime-environment.html`,
  },
  concurrency: {
    title: 'Concurrency',
    text: 'The number of requests being handled at the same moment, which is the number of busy execution environments. Roughly: requests per second × average duration in seconds.',
    href: `${DG}lambda-concurrency.html`,
  },
  'reserved-concurrency': {
    title: 'Reserved concurrency',
    text: 'Both a cap and a guarantee, at no cost: the function never uses more than this many environments, and that many are set aside for it from the account’s pool (zero stops it entirely).',
    href: `${DG}configuration-concurrency.html`,
  },
  'provisioned-concurrency': {
    title: 'Provisioned concurrency',
    text: 'Environments Lambda initialises before any request arrives, so requests they serve have no cold start. Set on a version or alias (never $LATEST), they serve only its requests and are billed while configured, used or not.',
    href: `${DG}provisioned-concurrency.html`,
  },
  snapstart: {
    title: 'SnapStart',
    text: 'Publishing a version runs its Init once and snapshots the initialised environment; cold starts of that version restore the snapshot instead of running Init. REPORT then shows Restore Duration and Billed Restore Duration, not Init Duration.',
    href: `${DG}snapstart.html`,
  },
  versions: {
    title: 'Versions and aliases',
    text: 'Publishing freezes the code and configuration as version 1, 2, … while $LATEST stays editable. An alias names a version, and may send a share of requests to a second one (a canary).',
    href: `${DG}configuration-versions.html`,
  },
  layers: {
    title: 'Layers',
    text: 'A layer is a versioned archive of code or data that Lambda extracts into /opt when an environment starts; a function lists up to 5, a later layer’s file replacing an earlier one’s, and Node.js finds the packages in nodejs/node_modules through NODE_PATH.',
    href: `${DG}chapter-layers.html`,
  },
  'account-concurrency': {
    title: 'Account concurrency limit',
    text: 'How many environments all the functions of an account may run at once in a Region: 1,000 by default. Past it, requests are throttled.',
    href: `${DG}gettingstarted-limits.html`,
  },
  'scaling-rate': {
    title: 'Scaling rate',
    text: 'How fast a function may add environments: up to 1,000 new ones every 10 seconds. A burst faster than that is throttled even below the concurrency limit.',
    href: `${DG}scaling-behavior.html`,
  },
  throttle: {
    title: 'Throttle',
    text: 'A request refused because a limit was reached: a synchronous caller gets HTTP 429 TooManyRequestsException with the reason; an asynchronous event is queued and retried.',
    href: `${DG}lambda-concurrency.html`,
  },
  timeout: {
    title: 'Timeout',
    text: 'The longest one invocation may run, 1 to 900 seconds. At the deadline Lambda stops the handler, reports “Task timed out” and resets the environment.',
    href: `${DG}configuration-timeout.html`,
  },
  memory: {
    title: 'Memory (and CPU)',
    text: 'Memory, 128 to 10,240 MB, also sets the CPU: Lambda gives CPU in proportion to memory, one full vCPU at 1,769 MB. More memory costs more per millisecond but can finish sooner.',
    href: `${DG}configuration-memory.html`,
  },
  'gb-seconds': {
    title: 'GB-seconds',
    text: 'The unit Lambda bills compute in: memory in GB × billed seconds. 1,024 MB for one second is one GB-second.',
    href: 'https://aws.amazon.com/lambda/pricing/',
  },
  'keep-alive': {
    title: 'Keep-alive (platform waits)',
    text: 'How long an idle environment is kept before Lambda reclaims it; about 10 minutes is what has been observed, not a documented promise. Platform waits such as this can be compressed here so a class need not wait.',
    href: `${DG}lambda-runtime-environment.html`,
  },
  recycling: {
    title: 'Recycled environment',
    text: 'An environment that ended (a crash, a timeout reset, a failed init, or routine replacement) is not reused; the next request needs a new one.',
    href: `${DG}lambda-runtime-environment.html`,
  },
  'async-invocation': {
    title: 'Asynchronous invocation',
    text: 'The caller gets 202 at once and Lambda runs the event later from an internal queue; a function error is retried twice, after about 1 and 2 minutes.',
    href: `${DG}invocation-async.html`,
  },
  'maximum-event-age': {
    title: 'Maximum event age',
    text: 'How long an asynchronous event may wait (retries and throttles included) before Lambda gives up on it and sends it to the on-failure destination.',
    href: `${DG}invocation-async-error-handling.html`,
  },
  'on-failure-destination': {
    title: 'On-failure destination',
    text: 'Where Lambda sends a record of an asynchronous event it gave up on: the request, the last error and why (retries exhausted or event too old).',
    href: `${DG}invocation-async-retain-records.html`,
  },
  'event-source-mapping': {
    title: 'Event source mapping',
    text: 'A Lambda-managed poller that reads a queue or stream (SQS, Kinesis, DynamoDB Streams) and invokes the function synchronously with batches of records.',
    href: `${DG}invocation-eventsourcemapping.html`,
  },
  'batch-size': {
    title: 'Batch size',
    text: 'The most records one invocation receives from an event source mapping. A batching window lets the poller wait to fill it.',
    href: `${DG}invocation-eventsourcemapping.html`,
  },
  'partial-batch-response': {
    title: 'Partial batch response',
    text: 'With ReportBatchItemFailures on, the handler returns the ids of the messages that failed; only those come back to the queue, the rest are deleted.',
    href: `${DG}services-sqs-errorhandling.html`,
  },
  'dead-letter-queue': {
    title: 'Dead-letter queue',
    text: 'A queue where messages (or events) end up after failing too many times, so they stop blocking or repeating and can be looked at later.',
    href: `${DG}services-sqs-errorhandling.html`,
  },
  'ephemeral-storage': {
    title: 'Ephemeral storage (/tmp)',
    text: 'A writable folder, 512 MB to 10,240 MB, private to one environment. It survives warm invocations and is lost when the environment goes; above 512 MB it is billed.',
    href: `${DG}configuration-ephemeral-storage.html`,
  },
  architecture: {
    title: 'Architecture',
    text: 'The processor type: x86_64, or arm64 (Graviton), which costs about 20% less per GB-second.',
    href: `${DG}foundation-arch.html`,
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;
