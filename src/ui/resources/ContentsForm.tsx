import type { FormEvent, ReactNode } from 'react';

/**
 * A contents view's write form (put an object, send a message, put an item):
 * its fields, the submit button, Refresh, and the outcome of the last write
 * as a status line.
 */
export function ContentsForm({
  label,
  submitLabel,
  onSubmit,
  onRefresh,
  result,
  children,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (e: FormEvent) => Promise<void>;
  onRefresh: () => void;
  result: string;
  children: ReactNode;
}) {
  return (
    <>
      <form className="resource-form" onSubmit={(e) => void onSubmit(e)} aria-label={label}>
        {children}
        <button type="submit">{submitLabel}</button>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
      </form>
      {result && (
        <p role="status" className="hint">
          {result}
        </p>
      )}
    </>
  );
}
