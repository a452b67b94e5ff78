import { Term } from './glossary/Term';
import { cpuFactor, MB_PER_VCPU, vcpuShare } from '../core/cpuShare';
import { ARCHITECTURES, isPythonRuntime, LIMITS, RUNTIMES, type FunctionConfig } from '../core/functionConfig';
import { usePlayground } from '../state/playgroundStore';
import { EnvironmentVariables } from './EnvironmentVariables';
import { LoggingFields } from './LoggingFields';
import { NumberField } from './NumberField';

/** CPython's version in the vendored Pyodide (0.29.5). */
const PYODIDE_PYTHON = '3.13.2';

/** The files a function's code can be in, for its runtime's language (the current one always listed). */
function fileChoices(config: FunctionConfig): string[] {
  const choices = isPythonRuntime(config.runtime) ? ['lambda_function.py', 'app.py', 'handler.py'] : ['index.mjs', 'index.js', 'index.cjs', 'index.ts', 'bootstrap'];
  return choices.includes(config.fileName) ? choices : [config.fileName, ...choices];
}

const range = ({ min, max }: { min: number; max: number }): string => `${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')}`;

/** What the memory size means for CPU, stated with the model's numbers (README: "Memory sets CPU"). */
function CpuShareNote({ memoryMb }: { memoryMb: number }) {
  if (!Number.isFinite(memoryMb) || memoryMb < LIMITS.memoryMb.min || memoryMb > LIMITS.memoryMb.max) return null;
  const factor = cpuFactor(memoryMb);
  return (
    <p className="hint cpu-note" id="fn-cpu-note">
      ≈ {vcpuShare(memoryMb).toFixed(2)} vCPU ({MB_PER_VCPU.toLocaleString('en-US')} MB = 1 vCPU).{' '}
      {factor > 1
        ? `CPU time measured here is stretched ×${factor.toFixed(1)}; waiting is not.`
        : 'A JavaScript handler uses one thread: CPU time is not stretched, and not shortened either.'}
    </p>
  );
}

/** The function's configuration, validated as Lambda's API validates it. */
export function ConfigForm() {
  const config = usePlayground((s) => s.config);
  const problems = usePlayground((s) => s.problems);
  const setConfig = usePlayground((s) => s.setConfig);
  const set = <K extends keyof FunctionConfig>(key: K, value: FunctionConfig[K]): void => setConfig({ [key]: value });

  return (
    <section className="panel config" aria-labelledby="config-heading">
      <h2 id="config-heading">Configuration</h2>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="fn-name">Function name</label>
          <input id="fn-name" value={config.name} onChange={(e) => set('name', e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="fn-runtime">Runtime</label>
          <select id="fn-runtime" value={config.runtime} onChange={(e) => set('runtime', e.target.value as FunctionConfig['runtime'])}>
            {RUNTIMES.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
          {isPythonRuntime(config.runtime) && (
            <span className="hint">
              Python runs on Pyodide: CPython {PYODIDE_PYTHON} compiled to WebAssembly, loaded from this site the first time a Python environment starts
              (about 12 MB, then cached). Each new environment boots it before Init (about 1.5 s here, often done ahead of need; the Logs say how
              long), which is not counted in Init Duration. {config.runtime === 'python3.12' ? `python3.12 runs on the same CPython ${PYODIDE_PYTHON}. ` : ''}The standard library works;
              packages with C extensions that Pyodide does not include (and anything from pip) do not. boto3 is not available: the workspace's
              services (DynamoDB, S3, SQS, SNS, EventBridge, Lambda) are reachable from Node.js handlers through the AWS SDK, not from Python yet.
            </span>
          )}
          {config.runtime.startsWith('provided') && (
            <span className="hint">
              Custom runtime: /var/task/bootstrap is the runtime, a JavaScript program here that talks to the Runtime API with fetch (the
              “Custom runtime: bootstrap” template). On Lambda, provided.al2023 has no Node.js: a bootstrap there is a binary or brings its own.
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="fn-file">File</label>
          <select id="fn-file" value={config.fileName} onChange={(e) => set('fileName', e.target.value)}>
            {fileChoices(config).map((f) => (
              <option key={f} value={f}>{f}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fn-handler">Handler</label>
          <input id="fn-handler" value={config.handler} onChange={(e) => set('handler', e.target.value)} spellCheck={false} />
        </div>
        <NumberField label="Memory (MB)" term="memory" value={config.memoryMb} empty={Number.NaN} min={LIMITS.memoryMb.min} max={LIMITS.memoryMb.max} hint={range(LIMITS.memoryMb)} onValue={(n) => set('memoryMb', n)} />
        <CpuShareNote memoryMb={config.memoryMb} />
        <NumberField label="Timeout (s)" term="timeout" value={config.timeoutS} empty={Number.NaN} min={LIMITS.timeoutS.min} max={LIMITS.timeoutS.max} hint={range(LIMITS.timeoutS)} onValue={(n) => set('timeoutS', n)} />
        <NumberField
          label="Ephemeral storage (MB)"
          term="ephemeral-storage"
          value={config.ephemeralStorageMb ?? LIMITS.ephemeralStorageMb.min}
          empty={Number.NaN}
          min={LIMITS.ephemeralStorageMb.min}
          max={LIMITS.ephemeralStorageMb.max}
          hint={`${range(LIMITS.ephemeralStorageMb)} · /tmp; above 512 MB is billed`}
          onValue={(n) => set('ephemeralStorageMb', n)}
        />
        <div className="field">
          <span className="label-row">
            <label htmlFor="fn-arch">Architecture</label>
            <Term id="architecture" />
          </span>
          <select id="fn-arch" value={config.architecture} onChange={(e) => set('architecture', e.target.value as FunctionConfig['architecture'])}>
            {ARCHITECTURES.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id="fn-network" type="checkbox" checked={config.networkAccess} onChange={(e) => set('networkAccess', e.target.checked)} />
          <label htmlFor="fn-network">Network access (fetch)</label>
        </div>
        <div className="field checkbox">
          <input id="fn-tracing" type="checkbox" checked={config.tracing === 'Active'} onChange={(e) => set('tracing', e.target.checked ? 'Active' : undefined)} aria-describedby="fn-tracing-hint" />
          <label htmlFor="fn-tracing">Active tracing (X-Ray)</label>
          <span className="hint" id="fn-tracing-hint">Samples requests (1 a second, then 5 %); see the Traces view.</span>
        </div>
        <LoggingFields config={config} onChange={setConfig} />
      </div>
      <EnvironmentVariables />
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Configuration problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
