import { useId, type ReactNode } from 'react';
import type { ResourceKind } from '../../core/workspace/workspaceResources';
import { useResources } from '../../state/resourcesStore';
import { useTriggerSourceNames } from '../../state/triggerSourceNames';

export interface ResourceColumn<R> {
  header: string;
  cell(resource: R): ReactNode;
}

export interface ResourceRegionProps<R extends { name: string }> {
  kind: ResourceKind;
  /** The region's heading and accessible name: "DynamoDB tables". */
  title: string;
  /** What one is called in button names: "table" gives "Delete table orders". */
  noun: string;
  /** How handlers reach them (the SDK client), in a sentence or two. */
  about: ReactNode;
  /** The form that creates one. */
  form: ReactNode;
  resources: readonly R[];
  /** Columns after the name. */
  columns: readonly ResourceColumn<R>[];
  /**
   * SLOT for the contents view (a table's items, a bucket's objects, a
   * queue's messages), mounted here by the service integration; empty until
   * then. ResourcesView passes what its `contents` prop gives for the kind.
   */
  contents?: ReactNode;
}

/** One kind's region of the Resources view: what it is, a form to create one, the list with a Delete per resource, and the contents slot. */
export function ResourceRegion<R extends { name: string }>({ kind, title, noun, about, form, resources, columns, contents }: ResourceRegionProps<R>) {
  const id = useId();
  const message = useResources((s) => (s.message?.resource === kind ? s.message : null));
  const remove = useResources((s) => s.remove);
  const fromTriggers = useTriggerSourceNames(kind);
  return (
    <section className="panel resource-region" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="hint">{about}</p>
      {form}
      {message && (
        <p role={message.kind === 'problem' ? 'alert' : 'status'} className={message.kind === 'problem' ? 'problem' : 'hint'}>
          {message.text}
        </p>
      )}
      {resources.length === 0 ? (
        <p className="empty">No {noun}s yet.</p>
      ) : (
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {resources.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(r)}</td>
                ))}
                <td>
                  <button type="button" aria-label={`Delete ${noun} ${r.name}`} onClick={() => remove(kind, r.name)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fromTriggers !== '' && (
        <p className="hint">
          Also in this tab, as triggers&apos; sources: {fromTriggers} (the Triggers view edits them).
        </p>
      )}
      {/* SLOT: the contents view (items, objects, messages) goes here. */}
      {contents !== undefined && <div className="resource-contents">{contents}</div>}
    </section>
  );
}
