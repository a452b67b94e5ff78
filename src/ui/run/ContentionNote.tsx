import type { InvocationRecord } from '../../core/invocationRecord';

const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;

/** Measured durations are only honest while no more handlers use the CPU than there are cores: say when that was not so. */
export function ContentionNote({ records }: { records: readonly InvocationRecord[] }) {
  let contended = 0;
  for (const r of records) if (r.contended) contended += 1;
  if (contended === 0) return null;
  return (
    <p className="hint warn" role="status">
      {contended.toLocaleString('en-US')} of {records.length.toLocaleString('en-US')} invocations used the CPU while more handlers were busy than
      this machine has cores ({cores}): their measured durations include waiting for a core, so they read longer than the handler alone would take.
    </p>
  );
}
