import { useId } from 'react';
import { MODELLED_SNAPSHOT_RESTORE_MS, SNAP_START_APPLY_ON, snapStartProblem, type SnapStartApplyOn } from '../core/snapStart';
import { usePlayground } from '../state/playgroundStore';
import { useRun } from '../state/runStore';
import { Term } from './glossary/Term';

/**
 * The function's SnapStart setting (Lambda's SnapStart.ApplyOn), what it
 * does, its classic pitfall, and what the playground models of it. Lambda's
 * refusal for this configuration shows beside it; a publish refuses it too.
 */
export function SnapStartPanel() {
  const id = useId();
  const settings = useRun((s) => s.settings);
  const setSettings = useRun((s) => s.setSettings);
  const config = usePlayground((s) => s.config);
  const applyOn = settings.snapStart ?? 'None';
  const problem = snapStartProblem(applyOn, config, settings.provisionedConcurrency);
  return (
    <section className="panel snapstart-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        Startup snapshots <Term id="snapstart" />
      </h2>
      <div className="row">
        <label htmlFor={`${id}-select`}>SnapStart</label>
        <select id={`${id}-select`} value={applyOn} onChange={(e) => setSettings({ ...settings, snapStart: e.target.value as SnapStartApplyOn })}>
          {SNAP_START_APPLY_ON.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p role="alert" className="problem">
          {problem.message}
        </p>
      )}
      <p className="hint">
        With PublishedVersions, publishing a version runs its Init once (logged at publish) and keeps a snapshot of the initialised environment;
        that version’s cold starts restore it: its REPORT shows Restore Duration and Billed Restore Duration, never Init Duration. $LATEST always
        runs Init. Lambda offers it on python3.12 and later, without provisioned concurrency, with /tmp at 512 MB. Python pays for caching the
        snapshot (at least 3 hours) and for each restore.
      </p>
      <p className="hint">
        Pitfall: every environment restored from one snapshot starts with the same memory, so a random number, ID or secret made at init is
        the same in all of them. Make it in the handler, or in an after-restore hook (<code>@register_after_restore</code>).
      </p>
      <p className="hint">
        Modelled here: a browser cannot snapshot a worker’s memory, so a restore re-runs Init with the snapshot’s seed (the same “random”
        values come back), its output discarded and its time not counted. Restore Duration is a modelled {MODELLED_SNAPSHOT_RESTORE_MS} ms snapshot
        restore plus the measured runtime load and after-restore hooks; only that measured part is billed.
      </p>
    </section>
  );
}
