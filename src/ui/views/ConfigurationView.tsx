import { useMemo } from 'react';
import { functionArn } from '../../core/environmentVariables';
import { NO_VERSIONS, provisionedQualifierProblem } from '../../core/functionVersions';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/sources/sourceTypes';
import { useRun } from '../../state/runStore';
import { useVersions } from '../../state/versionsStore';
import { usePlayground } from '../../state/playgroundStore';
import { ConcurrencyForm } from '../ConcurrencyForm';
import { ConfigForm } from '../ConfigForm';
import { VersionsPanel } from '../VersionsPanel';

/** The function's configuration and the platform's concurrency settings, side by side, with how the playground runs code. */
export function ConfigurationView() {
  const selectedId = usePlayground((s) => s.selectedId);
  const settings = useRun((s) => s.settings);
  const settingsProblems = useRun((s) => s.settingsProblems);
  const setSettings = useRun((s) => s.setSettings);
  const functionName = usePlayground((s) => s.config.name);
  const versions = useVersions((s) => s.byFunction[selectedId]) ?? NO_VERSIONS;
  const provisionedTargets = useMemo(
    () => [
      ...versions.aliases.map((a) => ({ value: a.name, label: `Alias ${a.name}` })),
      ...[...versions.versions].reverse().map((v) => ({ value: String(v.version), label: `Version ${v.version}` })),
    ],
    [versions],
  );
  // Lambda's refusal (PutProvisionedConcurrencyConfig) of the qualifier, when provisioned concurrency is on.
  const problem = settings.provisionedConcurrency > 0 ? provisionedQualifierProblem(versions, settings.provisionedQualifier, functionArn(DEFAULT_REGION, DEFAULT_ACCOUNT, functionName)) : null;
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
          provisionedProblem={problem ? `${problem.errorType}: ${problem.message}` : null}
        />
        <VersionsPanel />
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
