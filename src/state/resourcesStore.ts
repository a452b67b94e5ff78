import { create } from 'zustand';
import { notFoundProblem, problemText, resourceProblem, sameResourceExists } from '../core/workspace/resourceProblem';
import type { ResourceKind, ResourceOf, WorkspaceResources } from '../core/workspace/workspaceResources';
import { onSavedResourcesChange, savedResources, setSavedResources } from './savedResources';
import { captureTriggers } from './triggerSpecs';

/** What each kind is called in messages. */
const NOUN: { [K in ResourceKind]: string } = { tables: 'table', buckets: 'bucket', queues: 'queue', topics: 'topic' };

export interface ResourcesState {
  /** The workspace's own tables, buckets, queues and topics (the triggers' sources are the triggers'). */
  resources: WorkspaceResources;
  /** The last refusal (`ExceptionName: message`, the service's words) or what the last action did, and the kind it was about. */
  message: { kind: 'problem' | 'done'; text: string; resource: ResourceKind } | null;
  /** Create a resource: false, with the service's refusal in `message`, when the service would refuse it. */
  add<K extends ResourceKind>(kind: K, resource: ResourceOf<K>): boolean;
  /** Replace a resource's attributes, all of them (what `changes` leaves out is unset; its name identifies it: AWS renames nothing); false with the refusal when refused. */
  update<K extends ResourceKind>(kind: K, name: string, changes: Omit<ResourceOf<K>, 'name'>): boolean;
  /** Delete a resource; false (with the service's not-found answer) when there is none of that name. A queue may be deleted while another names it as its dead-letter queue, as in SQS. */
  remove(kind: ResourceKind, name: string): boolean;
  /** Opening a workspace: its resources. */
  restore(resources: WorkspaceResources): void;
}

const copy = (r: WorkspaceResources): WorkspaceResources => ({
  tables: r.tables.map((t) => ({ ...t, partitionKey: { ...t.partitionKey }, ...(t.sortKey ? { sortKey: { ...t.sortKey } } : {}) })),
  buckets: r.buckets.map((b) => ({ ...b })),
  queues: r.queues.map((q) => ({ ...q })),
  topics: r.topics.map((t) => ({ ...t })),
});

/** The resources with the kind's list replaced. */
const withList = <K extends ResourceKind>(r: WorkspaceResources, kind: K, list: ResourceOf<K>[]): WorkspaceResources => ({ ...r, [kind]: list });

/**
 * The workspace's own resources and the actions on them, each checked as the
 * service would (core/workspace/resourceProblem.ts). Loaded with the
 * Resources view; savedResources.ts carries the section for saving.
 */
export const useResources = create<ResourcesState>()((set, get) => {
  const workspace = () => ({ resources: get().resources, triggers: captureTriggers() });
  const refuse = (resource: ResourceKind, text: string): false => {
    set({ message: { kind: 'problem', text, resource } });
    return false;
  };
  const done = (resource: ResourceKind, text: string): Pick<ResourcesState, 'message'> => ({ message: { kind: 'done', text, resource } });
  return {
    resources: savedResources(),
    message: null,

    add(kind, resource) {
      const name = resource.name;
      if (sameResourceExists(kind, resource, workspace())) {
        set(done(kind, `The ${NOUN[kind]} ${name} already exists: creating it again changes nothing.`));
        return true;
      }
      const problem = resourceProblem(kind, resource, workspace());
      if (problem) return refuse(kind, problemText(problem));
      const list = [...(get().resources[kind] as ResourceOf<typeof kind>[]), { ...resource }];
      set({ resources: withList(get().resources, kind, list), ...done(kind, `Created ${NOUN[kind]} ${name}.`) });
      return true;
    },

    update(kind, name, changes) {
      const list = get().resources[kind] as ResourceOf<typeof kind>[];
      const index = list.findIndex((r) => r.name === name);
      if (index < 0) return refuse(kind, problemText(notFoundProblem(kind, name)));
      const next = { ...changes, name } as ResourceOf<typeof kind>;
      const problem = resourceProblem(kind, next, workspace(), name);
      if (problem) return refuse(kind, problemText(problem));
      set({ resources: withList(get().resources, kind, list.map((r, i) => (i === index ? next : r))), ...done(kind, `Updated ${NOUN[kind]} ${name}.`) });
      return true;
    },

    remove(kind, name) {
      const list = get().resources[kind] as ResourceOf<typeof kind>[];
      if (!list.some((r) => r.name === name)) return refuse(kind, problemText(notFoundProblem(kind, name)));
      set({ resources: withList(get().resources, kind, list.filter((r) => r.name !== name)), ...done(kind, `Deleted ${NOUN[kind]} ${name}.`) });
      return true;
    },

    restore(resources) {
      set({ resources: copy(resources), message: null });
    },
  };
});

// The workspace saves what the store holds, and an opened workspace replaces it (savedResources.ts says why the two).
useResources.subscribe((s) => setSavedResources(s.resources));
onSavedResourcesChange((resources) => {
  if (useResources.getState().resources !== resources) useResources.setState({ resources, message: null });
});

