import type { InvocationRecord } from '../../core/invocationRecord';

const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;

/** The one sentence on why a figure is marked, wherever a mark appears. */
export const CONTENDED_NOTE = `More handlers and inits were running than this machine has cores (${cores}): they took turns on the CPU, so this Init Duration and Duration read longer than on Lambda, where each environment has its own CPU share.`;

/** The largest burst whose durations this machine can show faithfully (one core per running handler). */
export const FAITHFUL_BURST = cores;

/** Measured durations are only honest while no more handlers use the CPU than there are cores: say when that was not so (`billed`: and that the bill reads high for it). */
export function ContentionNote({ records, billed = false }: { records: readonly InvocationRecord[]; billed?: boolean }) {
  let contended = 0;
  for (const r of records) if (r.contended) contended += 1;
  if (contended === 0) return null;
  return (
    <p className="hint warn" role="status">
      {contended.toLocaleString('en-US')} of {records.length.toLocaleString('en-US')} invocations used the CPU while more handlers were busy than
      this machine has cores ({cores}): their measured durations include waiting for a core, so they read longer than the handler alone would take.
      {billed && ' Their billed durations, and so this bill, read higher than Lambda would charge.'} Marked “busy machine” where they appear; bursts of up to {FAITHFUL_BURST} show faithful figures here.
    </p>
  );
}
