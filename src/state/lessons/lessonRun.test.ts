import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../core/invocationRecord';
import type { PlatformCommand } from '../../core/platformTypes';
import { readWorkspace } from '../../core/workspace/readWorkspace';
import { LESSONS, lessonById } from './lessonCatalog';
import { LessonRun } from './lessonRun';

const NO_SQS = { delivered: 0, failed: 0, deadLettered: 0 };
let ticket = 0;

function done(r: Partial<InvocationRecord>): PlatformCommand {
  const record = {
    requestId: `req-${ticket}`,
    envId: 'env-1',
    cold: false,
    arrivedAtMs: 0,
    startedAtMs: 0,
    endedAtMs: 100,
    durationMs: 100,
    billedDurationMs: 100,
    memorySizeMb: 128,
    maxMemoryUsedMb: 60,
    architecture: 'x86_64',
    outcome: 'success',
    cost: { requestUsd: 0, computeUsd: 0, ephemeralStorageUsd: 0, totalUsd: 0, gbSeconds: 0 },
    invocationType: 'RequestResponse',
    attempt: 1,
    provisioned: false,
    measuredDurationMs: 100,
    ...r,
  } as InvocationRecord;
  ticket += 1;
  return { type: 'complete', ticket, record, logs: [] } as unknown as PlatformCommand;
}
const throttle = (): PlatformCommand => ({ type: 'reject', ticket: ++ticket, statusCode: 429 }) as unknown as PlatformCommand;
const env = (envId: string, state: string, provisioned = true): PlatformCommand =>
  ({ type: 'notice', notice: { kind: 'environment', atMs: 0, envId, state, provisioned, memoryMb: 128 } }) as unknown as PlatformCommand;
const onFailure = (): PlatformCommand =>
  ({ type: 'notice', notice: { kind: 'asyncDone', atMs: 0, ticket: ++ticket, requestId: 'r', result: 'on-failure', attempts: 3 } }) as unknown as PlatformCommand;

function runOf(id: string): LessonRun {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return new LessonRun(lesson, NO_SQS);
}

describe('the lesson catalogue', () => {
  it('has at least 8 lessons with unique ids, each of 2 or more steps with an instruction and what was seen', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(2);
      for (const s of l.steps) expect(s.instruction.length > 10 && s.saw.startsWith('You saw'), `${l.id}: ${s.instruction}`).toBe(true);
    }
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s starts from a workspace that reads back as valid', (_id, lesson) => {
    const ws = lesson.workspace();
    expect(readWorkspace(JSON.parse(JSON.stringify(ws)))).toMatchObject({ name: `Lesson: ${lesson.title}` });
  });

  it('no step is complete before anything happened', () => {
    for (const l of LESSONS) expect(new LessonRun(l, NO_SQS).evaluate(NO_SQS), l.id).toBe(false);
  });
});

describe('a lesson run checks what the platform really did', () => {
  it('cold vs warm: a cold start, then a warm one, then a cold start after a configuration change', () => {
    const run = runOf('cold-warm');
    expect(run.observe('f', [done({ cold: false })], NO_SQS)).toBe(false); // a warm start is not step 1
    expect(run.observe('f', [done({ cold: true, coldReason: 'first-request' })], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ cold: true, coldReason: 'all-busy' })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ cold: false })], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ cold: true, coldReason: 'reclaimed' })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ cold: true, coldReason: 'config-changed' })], NO_SQS)).toBe(true);
    expect(run.complete).toBe(true);
    expect(run.saw).toHaveLength(3);
  });

  it('a failed invocation does not count as the cold start a step waits for', () => {
    const run = runOf('cold-warm');
    expect(run.observe('f', [done({ cold: true, outcome: 'error' })], NO_SQS)).toBe(false);
  });

  it('scaling: throttles first, then a burst served by many environments with none', () => {
    const run = runOf('scaling-throttling');
    expect(run.observe('f', [done({})], NO_SQS)).toBe(false);
    expect(run.observe('f', [throttle()], NO_SQS)).toBe(true);
    const burst = Array.from({ length: 12 }, (_, i) => done({ envId: `e${i}`, cold: true }));
    expect(run.observe('f', [throttle(), ...burst], NO_SQS)).toBe(false); // a throttle in this step
    const run2 = runOf('scaling-throttling');
    run2.observe('f', [done({}), throttle()], NO_SQS);
    expect(run2.observe('f', burst.slice(0, 7), NO_SQS)).toBe(false);
    expect(run2.observe('f', burst.slice(7), NO_SQS)).toBe(true);
  });

  it('provisioned: two ready environments (destroyed ones do not count), a provisioned warm answer, then spill-over', () => {
    const run = runOf('reserved-provisioned');
    expect(run.observe('f', [env('p1', 'initializing'), env('p2', 'initializing')], NO_SQS)).toBe(false);
    expect(run.observe('f', [env('p1', 'idle'), env('x', 'idle', false)], NO_SQS)).toBe(false);
    expect(run.observe('f', [env('p1', 'destroyed'), env('p2', 'idle')], NO_SQS)).toBe(false);
    expect(run.observe('f', [env('p3', 'idle')], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ provisioned: false })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ provisioned: true })], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ cold: true, coldReason: 'provisioned-spillover' })], NO_SQS)).toBe(true);
  });

  it('memory: the 1,024 MB warm run must be faster than the 128 MB one; power tuning ends it', () => {
    const run = runOf('memory-cost');
    expect(run.observe('f', [done({ memorySizeMb: 128, durationMs: 900 })], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ memorySizeMb: 1024, durationMs: 950 })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ memorySizeMb: 1024, durationMs: 120, cold: true })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ memorySizeMb: 1024, durationMs: 120 })], NO_SQS)).toBe(true);
    expect(run.event('simulation-run', NO_SQS)).toBe(false);
    expect(run.event('power-tuning', NO_SQS)).toBe(true);
  });

  it('async: a failed first attempt, a third attempt, then the on-failure destination', () => {
    const run = runOf('async-retries');
    expect(run.observe('f', [done({ invocationType: 'RequestResponse', outcome: 'error' })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ invocationType: 'Event', outcome: 'error' })], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ invocationType: 'Event', outcome: 'error', attempt: 2 })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ invocationType: 'Event', outcome: 'error', attempt: 3 })], NO_SQS)).toBe(true);
    expect(run.observe('f', [onFailure()], NO_SQS)).toBe(true);
  });

  it('SQS: counts from the moment the lesson began, not the queue’s earlier history', () => {
    const before = { delivered: 5, failed: 2, deadLettered: 1 };
    const lesson = lessonById('sqs-batches');
    if (!lesson) throw new Error('missing');
    const run = new LessonRun(lesson, before);
    expect(run.evaluate(before)).toBe(false);
    expect(run.evaluate({ ...before, delivered: 6 })).toBe(true);
    expect(run.evaluate({ ...before, delivered: 6 })).toBe(false);
    expect(run.evaluate({ ...before, delivered: 7, failed: 3 })).toBe(true);
    expect(run.evaluate({ delivered: 7, failed: 5, deadLettered: 2 })).toBe(true);
    expect(run.complete).toBe(true);
  });

  it('simulation: a run, then a comparison', () => {
    const run = runOf('cost-at-scale');
    expect(run.event('power-tuning', NO_SQS)).toBe(false);
    expect(run.event('simulation-run', NO_SQS)).toBe(true);
    expect(run.event('simulation-run', NO_SQS)).toBe(false);
    expect(run.event('simulation-compared', NO_SQS)).toBe(true);
  });

  it('second environment: the busy one, then a warm start once two exist', () => {
    const run = runOf('second-environment');
    expect(run.observe('f', [done({ cold: true, coldReason: 'first-request', envId: 'a' })], NO_SQS)).toBe(false);
    expect(run.observe('f', [done({ cold: true, coldReason: 'all-busy', envId: 'b' })], NO_SQS)).toBe(true);
    expect(run.observe('f', [done({ envId: 'a' })], NO_SQS)).toBe(true);
  });
});
