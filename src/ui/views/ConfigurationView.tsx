import { useMemo } from 'react';
import { NO_VERSIONS } from '../../core/functionVersions';
import { useRun } from '../../state/runStore';
import { provisionedProblem, useVersions } from '../../state/versionsStore';
import { usePlayground } from '../../state/playgroundStore';
import { ConcurrencyForm } from '../ConcurrencyForm';
import { ConfigForm } from '../ConfigForm';
import { SnapStartPanel } from '../SnapStartPanel';
import { qualifierChoices, VersionsPanel } from '../VersionsPanel';
import { LayersPanel } from '../layers/LayersPanel';

/** The function's configuration and the platform's concurrency settings, side by side, with how the playground runs code. */
export function ConfigurationView() {
  const selectedId = usePlayground((s) => s.selectedId);
  const settings = useRun((s) => s.settings);
  const settingsProblems = useRun((s) => s.settingsProblems);
  const setSettings = useRun((s) => s.setSettings);
  const functionName = usePlayground((s) => s.config.name);
  const versions = useVersions((s) => s.byFunction[selectedId]) ?? NO_VERSIONS;
  const provisionedTargets = useMemo(() => qualifierChoices(versions), [versions]);
  // Lambda's refusal (PutProvisionedConcurrencyConfig) of the qualifier, when provisioned concurrency is on.
  const problem = provisionedProblem(selectedId, functionName, settings.provisionedQualifier, settings.provisionedConcurrency);
  return (
    <div className="view-columns">
      {/* The form keeps what the user is typing locally: a new function gets a fresh one. */}
      <ConfigForm key={selectedId} />
      <div className="view-column">
        <ConcurrencyForm
          settings={settings}
          onChange={setSettings}
          functionName={functionName}
          sharedProblems={settingsProblems}
          provisionedTargets={provisionedTargets}
          provisionedProblem={problem}
        />
        <SnapStartPanel />
        <VersionsPanel />
        <LayersPanel />
        <section className="panel about" aria-labelledby="about-heading">
          <h2 id="about-heading">How this runs</h2>
          <p>
            Handlers run in Web Workers inside a sandboxed frame with an opaque origin: they cannot read this page, its storage or cookies, and have
            no network unless the function allows it. Init and Duration are measured in your browser; Max Memory Used is estimated, because
            browsers expose no per-worker memory figure. Changes are deployed when you invoke, so the next invoke after an edit is a cold start.
          </p>
          <p>
            Memory sets CPU as on Lambda (1,769 MB = 1 vCPU): the CPU time a handler uses here is stretched by 1,769 MB ÷ memory, and the
            environment stays busy that long; time spent waiting is not stretched.
          </p>
        </section>
      </div>
    </div>
  );
}
