// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../bundle.d.ts" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EVERY_TRIGGER, WITH_RESOURCES } from '../core/workspace/sampleWorkspaces.test-support';
import { NO_RESOURCES } from '../core/workspace/workspaceResources';
import { useResources } from './resourcesStore';
import { decodeFragment, encodeWorkspaceFragment } from './shareLink';
import { loadTriggerKinds } from './triggerSpecs';
import { applyWorkspace, captureWorkspace } from './workspaceSnapshot';

await loadTriggerKinds();

const message = (): string | undefined => useResources.getState().message?.text;

describe('the resources store', () => {
  beforeEach(() => {
    applyWorkspace({ ...EVERY_TRIGGER, concurrency: { ...EVERY_TRIGGER.concurrency, provisionedConcurrency: 0 } });
  });

  it('creates, changes and deletes a resource of each kind', () => {
    const s = useResources.getState();
    expect(s.add('tables', { name: 'orders', partitionKey: { name: 'pk', type: 'S' } })).toBe(true);
    expect(message()).toBe('Created table orders.');
    expect(s.add('buckets', { name: 'photos' })).toBe(true);
    expect(s.add('queues', { name: 'dlq' })).toBe(true);
    expect(s.add('queues', { name: 'jobs', deadLetterQueue: 'dlq', maxReceiveCount: 3 })).toBe(true);
    expect(s.add('topics', { name: 'news' })).toBe(true);
    expect(s.update('tables', 'orders', { partitionKey: { name: 'pk', type: 'S' }, stream: true })).toBe(true);
    expect(s.update('queues', 'jobs', { visibilityTimeoutS: 120 })).toBe(true);
    expect(message()).toBe('Updated queue jobs.');
    expect(useResources.getState().resources).toEqual({
      tables: [{ name: 'orders', partitionKey: { name: 'pk', type: 'S' }, stream: true }],
      buckets: [{ name: 'photos' }],
      queues: [{ name: 'dlq' }, { name: 'jobs', visibilityTimeoutS: 120 }],
      topics: [{ name: 'news' }],
    });
    expect(s.remove('buckets', 'photos')).toBe(true);
    expect(message()).toBe('Deleted bucket photos.');
    expect(s.remove('buckets', 'photos')).toBe(false);
    expect(message()).toBe('NoSuchBucket: The specified bucket does not exist');
    expect(useResources.getState().resources.buckets).toEqual([]);
  });

  it("refuses in the service's words, and changes nothing", () => {
    const s = useResources.getState();
    expect(s.add('buckets', { name: 'Photos' })).toBe(false);
    expect(message()).toBe('InvalidBucketName: The specified bucket is not valid.');
    // The DynamoDB trigger's table exists in the account.
    expect(s.add('tables', { name: 'orders-table', partitionKey: { name: 'id', type: 'S' } })).toBe(false);
    expect(message()).toBe('ResourceInUseException: Table already exists: orders-table');
    expect(s.add('queues', { name: 'jobs', deadLetterQueue: 'nowhere', maxReceiveCount: 3 })).toBe(false);
    expect(message()).toMatch(/Reason: Dead letter target does not exist\.$/);
    expect(s.update('topics', 'missing', {})).toBe(false);
    expect(message()).toBe('NotFound: Topic does not exist');
    expect(useResources.getState().resources).toEqual(NO_RESOURCES);
    // The SNS trigger's topic: creating it again returns it.
    expect(s.add('topics', { name: 'alerts' })).toBe(true);
    expect(message()).toBe('The topic alerts already exists: creating it again changes nothing.');
    expect(useResources.getState().resources.topics).toEqual([]);
  });

  it('are part of the workspace: captured, carried by a share link, and restored', async () => {
    applyWorkspace(WITH_RESOURCES);
    expect(useResources.getState().resources).toEqual(WITH_RESOURCES.resources);
    const captured = captureWorkspace(WITH_RESOURCES.name, WITH_RESOURCES.scenarios);
    expect(captured).toEqual(WITH_RESOURCES);
    const decoded = await decodeFragment(`#${await encodeWorkspaceFragment(captured)}`);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.workspace.resources).toEqual(WITH_RESOURCES.resources);
  });

  it('an old link without resources still opens, with none', async () => {
    useResources.getState().add('buckets', { name: 'left-over' });
    const fragment = readFileSync(join(import.meta.dirname, '../../test/fixtures/links/v2-every-trigger.link'), 'utf8').trim();
    const decoded = await decodeFragment(`#${fragment}`);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.workspace.resources).toEqual(NO_RESOURCES);
    applyWorkspace({ ...decoded.workspace, concurrency: { ...decoded.workspace.concurrency, provisionedConcurrency: 0 } });
    expect(useResources.getState().resources).toEqual(NO_RESOURCES);
  });
});
