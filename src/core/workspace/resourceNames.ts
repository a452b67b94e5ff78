import type { SavedTrigger } from '../triggers/triggerKinds';
import { RESOURCE_KINDS, type ResourceKind, type WorkspaceResources } from './workspaceResources';

/**
 * A named resource of the workspace and where it is defined: `standalone`,
 * in the workspace's `resources`; `trigger`, only as a trigger's source (an
 * S3 trigger's bucket, an SQS trigger's queue, a DynamoDB stream trigger's
 * table, an SNS trigger's topic, an EventBridge trigger's bus). A name
 * that is both is `standalone`: the trigger's source is that resource.
 */
export interface ResourceName {
  name: string;
  origin: 'standalone' | 'trigger';
}

/** Every resource name of the workspace, by kind; EventBridge buses come only from triggers. */
export type ResourceNames = { [K in ResourceKind | 'eventBuses']: ResourceName[] };

/** What a trigger of each type defines, by kind (the same source its SAM mapping passes to `SamBuilder.resource`). */
function triggerSource(t: SavedTrigger): { kind: ResourceKind | 'eventBuses'; name: string } | null {
  switch (t.type) {
    case 's3':
      return { kind: 'buckets', name: t.bucket };
    case 'sqs':
      return { kind: 'queues', name: t.queue };
    case 'dynamodb':
      return { kind: 'tables', name: t.table };
    case 'sns':
      return { kind: 'topics', name: t.topic };
    case 'eventbridge':
      return { kind: 'eventBuses', name: t.bus };
    case 'http':
    case 'kinesis':
      // No resource the SDK clients here reach (a Kinesis stream is not one of the kinds).
      return null;
    default: {
      // A new trigger kind must say here what it defines.
      const unknown: never = t;
      void unknown;
      return null;
    }
  }
}

/**
 * All names of the workspace's resources, by kind, standalone ones first (in
 * their order), then those only triggers define (in trigger order), each
 * name once: how the services resolve a name the SDK sends to a standalone
 * resource or to a trigger's source.
 */
export function resourceNamesIn(workspace: { resources: WorkspaceResources; triggers: readonly SavedTrigger[] }): ResourceNames {
  const out: ResourceNames = { tables: [], buckets: [], queues: [], topics: [], eventBuses: [] };
  for (const kind of RESOURCE_KINDS) {
    for (const r of workspace.resources[kind]) if (!out[kind].some((n) => n.name === r.name)) out[kind].push({ name: r.name, origin: 'standalone' });
  }
  for (const t of workspace.triggers) {
    const source = triggerSource(t);
    if (source && !out[source.kind].some((n) => n.name === source.name)) out[source.kind].push({ name: source.name, origin: 'trigger' });
  }
  return out;
}
