import { DEFAULT_SQS_MAPPING_SETTINGS } from '../../core/sources/sqsMappingSettings';
import type { LessonInvocation } from './lessonFacts';
import type { Lesson } from './lessonTypes';
import { lessonActions as act } from './lessonActions';
import { lessonWorkspace } from './lessonWorkspace';

const ok = (i: LessonInvocation): boolean => i.outcome === 'success';
const distinctEnvs = (list: readonly LessonInvocation[]): number => new Set(list.map((i) => `${i.functionId}/${i.envId}`)).size;
/** A handler that waits (sleeps, using no CPU) for `ms`: long enough for a second request to find the first environment busy. */
const sleeper = (ms: number, note: string): string =>
  `// ${note}\nexport const handler = async (event) => {\n  await new Promise((resolve) => setTimeout(resolve, ${ms}));\n  return { ok: true, waitedMs: ${ms} };\n};\n`;
const sync = 'RequestResponse' as const;

const coldWarm: Lesson = {
  id: 'cold-warm',
  title: 'Cold start vs warm start',
  summary: 'See init run once per environment, module state survive on a warm environment, and a configuration change start cold again.',
  workspace: () =>
    lessonWorkspace({
      title: 'Cold start vs warm start',
      code: [
        '// Module scope runs once per execution environment, during init (the cold start).',
        'let invocations = 0;',
        'const environmentStartedAt = new Date().toISOString();',
        '',
        'export const handler = async (event) => {',
        '  invocations += 1; // survives between invocations on a warm environment',
        '  return { invocations, environmentStartedAt };',
        '};',
        '',
      ].join('\n'),
    }),
  steps: [
    {
      instruction: 'Press Invoke. No environment exists yet, so Lambda creates one and runs the module’s init first: a cold start.',
      check: ({ step }) => step.invocations.some((i) => i.cold && ok(i)),
      saw: 'You saw a cold start: the Response shows Init Duration and why it was cold (the first request).',
    },
    {
      instruction: 'Press Invoke again. The environment is still there, idle, so it takes the request without init.',
      check: ({ step }) => step.invocations.some((i) => !i.cold && ok(i)),
      saw: 'You saw a warm start: no Init Duration, and "invocations" counted up because module state survived.',
    },
    {
      instruction: 'Change Memory to 256 MB, come back to Run and Invoke. A new configuration is a new version: its requests need new environments.',
      where: 'Configuration',
      check: ({ step }) => step.invocations.some((i) => i.cold && i.coldReason === 'config-changed'),
      saw: 'You saw a cold start after a configuration change: "invocations" started again at 1 in a fresh environment.',
      action: { label: 'Set Memory to 256 MB', run: () => act.setMemory(256) },
    },
  ],
};

const secondEnvironment: Lesson = {
  id: 'second-environment',
  title: 'Why a second environment appears',
  summary: 'One environment serves one request at a time: a request that arrives while it is busy gets a new environment.',
  workspace: () =>
    lessonWorkspace({ title: 'Why a second environment appears', code: sleeper(4000, 'Each request keeps its environment busy for 4 seconds.'), fn: { timeoutS: 10 } }),
  steps: [
    {
      instruction: 'Press Invoke, and press it again while the first request is still running (it takes 4 s).',
      check: ({ step }) => step.invocations.some((i) => i.cold && i.coldReason === 'all-busy'),
      saw: 'You saw a second environment start because the first was busy: two rows on the Timeline, both cold.',
    },
    {
      instruction: 'Wait until both have finished, then press Invoke once more.',
      check: ({ step, lesson }) => distinctEnvs(lesson.invocations) >= 2 && step.invocations.some((i) => !i.cold && ok(i)),
      saw: 'You saw a warm start on one of the two idle environments: both stay until their keep-alive runs out.',
    },
  ],
};

const scalingThrottling: Lesson = {
  id: 'scaling-throttling',
  title: 'Scaling and throttling',
  summary: 'Concurrency climbs with the load until it meets a limit; requests past the limit are throttled (429).',
  workspace: () =>
    lessonWorkspace({
      title: 'Scaling and throttling',
      code: sleeper(2000, 'Each request takes 2 seconds, so a burst needs many environments at once.'),
      settings: { reservedConcurrency: 4 },
      loadPlan: { pattern: { kind: 'burst', count: 12 }, durationS: 5, invocationType: sync },
    }),
  steps: [
    {
      instruction: 'Reserved concurrency is 4. Press Start in the load controls: a burst of 12 requests arrives at once.',
      check: ({ step }) => step.throttles > 0 && step.invocations.some(ok),
      saw: 'You saw throttling: 4 environments served requests and the rest got 429 TooManyRequestsException (marked on the Timeline).',
      action: { label: 'Start the burst', run: () => act.startLoad() },
    },
    {
      instruction: 'Set Reserved concurrency to 12 (or clear it), then start the same burst again.',
      where: 'Configuration',
      check: ({ step }) => step.throttles === 0 && distinctEnvs(step.invocations) >= 8 && step.invocations.filter(ok).length >= 12,
      saw: 'You saw concurrency climb to meet the burst: every request ran, each in its own environment, with no throttles.',
      action: { label: 'Raise reserved concurrency to 12 and start the burst', run: () => (act.setSettings({ reservedConcurrency: 12 }), act.startLoad()) },
    },
  ],
};

const reservedProvisioned: Lesson = {
  id: 'reserved-provisioned',
  title: 'Reserved vs provisioned concurrency',
  summary: 'Reserved concurrency caps and guarantees; provisioned concurrency keeps environments initialised ahead of traffic.',
  workspace: () =>
    lessonWorkspace({
      title: 'Reserved vs provisioned concurrency',
      code: ['// A slow init (1.5 s) makes cold starts easy to see.', 'await new Promise((resolve) => setTimeout(resolve, 1500));', '', 'export const handler = async (event) => {', '  await new Promise((resolve) => setTimeout(resolve, 1000));', '  return { ok: true };', '};', ''].join('\n'),
      fn: { timeoutS: 10 },
      loadPlan: { pattern: { kind: 'burst', count: 5 }, durationS: 5, invocationType: sync },
    }),
  steps: [
    {
      instruction:
        'Provisioned concurrency is configured on a version or an alias, never $LATEST. Publish a version, point an alias named live at it, set Provisioned concurrency to 2 on live, and wait until both environments are initialised (the Timeline shows them).',
      where: 'Configuration',
      check: ({ step }) => step.provisionedReady >= 2,
      saw: 'You saw 2 provisioned environments run their init before any request: they are billed while they exist.',
      action: { label: 'Publish, make alias live, provision 2 on it', run: () => act.provisionOnAlias('live', 2) },
    },
    {
      instruction: 'Choose live beside Invoke (the action above did) and press Invoke: only requests to live use its provisioned environments.',
      check: ({ step }) => step.invocations.some((i) => i.provisioned && !i.cold && ok(i)),
      saw: 'You saw a provisioned environment answer with no cold start, despite the 1.5 s init.',
    },
    {
      instruction: 'Press Start in the load controls: a burst of 5, more than the 2 provisioned environments.',
      check: ({ step }) => step.invocations.some((i) => i.cold && i.coldReason === 'provisioned-spillover'),
      saw: 'You saw spill-over: requests beyond provisioned concurrency went to on-demand environments, which started cold.',
      action: { label: 'Start the burst of 5', run: () => act.startLoad() },
    },
  ],
};

const CPU_CODE = [
  '// CPU-bound work: Lambda gives CPU in proportion to memory (one full vCPU at 1,769 MB).',
  'export const handler = async (event) => {',
  '  let x = 0;',
  '  for (let i = 0; i < 20_000_000; i += 1) x = (x + i * i) % 1_000_003;',
  '  return { x };',
  '};',
  '',
].join('\n');

const memoryCost: Lesson = {
  id: 'memory-cost',
  title: 'Memory, CPU and cost',
  summary: 'More memory brings more CPU: a CPU-bound handler gets faster, and the bill per invocation may even fall.',
  workspace: () => lessonWorkspace({ title: 'Memory, CPU and cost', code: CPU_CODE, fn: { memoryMb: 128, timeoutS: 60 } }),
  steps: [
    {
      instruction: 'At 128 MB, press Invoke twice and note the Duration of the warm one.',
      check: ({ step }) => step.invocations.some((i) => !i.cold && ok(i) && i.memorySizeMb === 128),
      saw: 'You saw a CPU-bound handler at 128 MB: it gets about 7% of a vCPU.',
    },
    {
      instruction: 'Set Memory to 1024 MB, then Invoke twice.',
      where: 'Configuration',
      check: ({ step, lesson }) => {
        const small = lesson.invocations.filter((i) => !i.cold && ok(i) && i.memorySizeMb === 128).map((i) => i.durationMs);
        return small.length > 0 && step.invocations.some((i) => !i.cold && ok(i) && i.memorySizeMb === 1024 && i.durationMs < Math.min(...small));
      },
      saw: 'You saw the same work finish faster at 1,024 MB: 8 times the memory brought 8 times the CPU share.',
      action: { label: 'Set Memory to 1024 MB', run: () => act.setMemory(1024) },
    },
    {
      instruction: 'Press Power tuning (top of the page) and run it: Duration and cost at every memory size.',
      where: 'Power tuning',
      check: ({ step }) => step.events['power-tuning'] > 0,
      saw: 'You saw the trade-off across memory sizes: the cheapest and the fastest are marked.',
    },
  ],
};

const asyncRetries: Lesson = {
  id: 'async-retries',
  title: 'Asynchronous retries and destinations',
  summary: 'An asynchronous invoke is accepted at once; a failing event is retried twice, then goes to the on-failure destination.',
  workspace: () =>
    lessonWorkspace({
      title: 'Asynchronous retries and destinations',
      code: ['export const handler = async (event) => {', "  throw new Error('payment service unavailable');", '};', ''].join('\n'),
      // Retry delays are 1 and 2 minutes on Lambda: platform waits run 60 times faster here.
      settings: { waitScale: 60, maximumRetryAttempts: 2 },
      loadPlan: { pattern: { kind: 'burst', count: 1 }, durationS: 5, invocationType: 'Event' },
    }),
  steps: [
    {
      instruction: 'Press Start in the load controls: one asynchronous (Event) request. Lambda answers 202 at once and runs it later.',
      check: ({ step }) => step.invocations.some((i) => i.invocationType === 'Event' && i.attempt === 1 && i.outcome !== 'success'),
      saw: 'You saw the first attempt fail; the caller already had its 202 and never sees the error.',
      action: { label: 'Send one asynchronous request', run: () => act.startLoad() },
    },
    {
      instruction: 'Watch the Logs: Lambda retries about 1 and then 2 minutes later (platform waits run 60 times faster here).',
      check: ({ lesson }) => lesson.invocations.some((i) => i.invocationType === 'Event' && i.attempt >= 3),
      saw: 'You saw two retries with the same request id: attempts 2 and 3.',
    },
    {
      instruction: 'After the last retry fails, the event goes to the on-failure destination.',
      check: ({ lesson }) => lesson.onFailure > 0,
      saw: 'You saw the event sent to the on-failure destination (Billing and Logs list it) with condition RetriesExhausted.',
    },
  ],
};

const sqsBatches: Lesson = {
  id: 'sqs-batches',
  title: 'SQS batches, partial failures and the dead-letter queue',
  summary: 'An event source mapping polls the queue and invokes with batches; failed messages come back and end in the dead-letter queue.',
  workspace: () =>
    lessonWorkspace({
      title: 'SQS batches, partial failures and the dead-letter queue',
      code: [
        '// Report only the failed messages: the rest of the batch is deleted from the queue.',
        'export const handler = async (event) => {',
        '  const batchItemFailures = [];',
        '  for (const record of event.Records) {',
        "    if (record.body.includes('poison')) batchItemFailures.push({ itemIdentifier: record.messageId });",
        '  }',
        "  console.log('batch of', event.Records.length, 'messages,', batchItemFailures.length, 'failed');",
        '  return { batchItemFailures };',
        '};',
        '',
      ].join('\n'),
      settings: { waitScale: 60 },
      triggers: [{ type: 'sqs', queue: 'orders', function: 'my-function', settings: { ...DEFAULT_SQS_MAPPING_SETTINGS, maxReceiveCount: 3, reportBatchItemFailures: true } }],
    }),
  steps: [
    {
      instruction: 'In Triggers, send a message to the queue "orders". The mapping’s pollers receive it and invoke the function with a batch.',
      where: 'Triggers',
      check: ({ step }) => step.sqs.delivered > 0,
      saw: 'You saw a batch delivered: the function succeeded, so the mapping deleted its messages.',
      action: { label: 'Send a message to orders', run: () => act.sendToQueue('orders', JSON.stringify({ orderId: 1 })) },
    },
    {
      instruction: 'Send a message whose body contains the word poison.',
      where: 'Triggers',
      check: ({ step }) => step.sqs.failed > 0,
      saw: 'You saw a partial batch failure: only the poison message was reported, so only it stays in the queue.',
      action: { label: 'Send a poison message', run: () => act.sendToQueue('orders', 'poison order') },
    },
    {
      instruction: 'Watch it come back after its visibility timeout; after 3 receives it moves to the dead-letter queue.',
      where: 'Triggers',
      check: ({ lesson }) => lesson.sqs.deadLettered > 0,
      saw: 'You saw the poison message moved to the dead-letter queue after 3 receives, so it stops blocking the queue.',
    },
  ],
};

const costAtScale: Lesson = {
  id: 'cost-at-scale',
  title: 'Cost at scale with the simulation',
  summary: 'Simulate hours of traffic in seconds: cold-start rates, environments and the monthly bill, and compare two configurations.',
  workspace: () => lessonWorkspace({ title: 'Cost at scale with the simulation', code: sleeper(100, 'A 100 ms handler.') }),
  steps: [
    {
      instruction: 'Open Simulation and press Run: hours of traffic run in virtual time, through the same platform model.',
      where: 'Simulation',
      check: ({ step }) => step.events['simulation-run'] > 0,
      saw: 'You saw the cold-start rate, the environments over time and the cost of the whole scenario.',
    },
    {
      instruction: 'Turn on the comparison, change configuration B (more memory, provisioned concurrency, or a longer keep-alive) and run both.',
      where: 'Simulation',
      check: ({ step }) => step.events['simulation-compared'] > 0,
      saw: 'You saw two configurations side by side: what each change does to latency, cold starts and the bill.',
    },
  ],
};

/** Every lesson, in the order a course would take them. */
export const LESSONS: readonly Lesson[] = [coldWarm, secondEnvironment, scalingThrottling, reservedProvisioned, memoryCost, asyncRetries, sqsBatches, costAtScale];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
