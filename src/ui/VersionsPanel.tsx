import { useId, useState } from 'react';
import { LATEST, NO_VERSIONS, type FunctionAlias, type FunctionVersions } from '../core/functionVersions';
import { usePlayground } from '../state/playgroundStore';
import { useVersions } from '../state/versionsStore';

/** How an alias routes, in words: `→ 2` or `→ 2 (90 %), 1 (10 %)`. */
export function aliasRoute(alias: FunctionAlias): string {
  if (!alias.additional) return `→ ${alias.functionVersion}`;
  const extra = Math.round(alias.additional.weight * 1000) / 10;
  return `→ ${alias.functionVersion} (${Math.round((100 - extra) * 10) / 10} %), ${alias.additional.version} (${extra} %)`;
}

/**
 * Versions and aliases of the selected function, as the Lambda console's
 * Versions and Aliases tabs: publish the function as it is now, and point
 * aliases at versions, with an optional weighted second version (a canary).
 */
export function VersionsPanel() {
  const id = useId();
  const functionId = usePlayground((s) => s.selectedId);
  const config = usePlayground((s) => s.config);
  const state = useVersions((s) => s.byFunction[functionId] ?? NO_VERSIONS);
  const message = useVersions((s) => s.message);
  const { publish, putAlias, deleteAlias } = useVersions.getState();
  const [description, setDescription] = useState('');
  const [name, setName] = useState('live');
  const [primary, setPrimary] = useState('');
  const [extra, setExtra] = useState('');
  const [weight, setWeight] = useState('10');
  const latestNumber = state.versions[state.versions.length - 1]?.version;
  const versionOptions = state.versions.map((v) => (
    <option key={v.version} value={String(v.version)}>
      {v.version}
    </option>
  ));
  const primaryValue = primary || (latestNumber !== undefined ? String(latestNumber) : LATEST);

  const saveAlias = (): void => {
    const alias: FunctionAlias = {
      name: name.trim(),
      functionVersion: primaryValue === LATEST ? LATEST : Number(primaryValue),
      additional: extra === '' ? null : { version: Number(extra), weight: Number(weight) / 100 },
      description: '',
    };
    const replacing = state.aliases.some((a) => a.name === alias.name) ? alias.name : null;
    putAlias(functionId, config.name, alias, replacing);
  };

  return (
    <section className="panel versions-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Versions and aliases</h2>
      <p className="hint">
        A version freezes the code and configuration as they are now; invoking it runs its own environments. An alias names a version and may send a
        share of requests to a second one (a canary).
      </p>
      <div className="row">
        <label>
          Version description
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={256} />
        </label>
        <button
          type="button"
          onClick={() => {
            void publish(functionId, config, description);
            setDescription('');
          }}
        >
          Publish new version
        </button>
      </div>
      {state.versions.length > 0 && (
        <table aria-label="Published versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Description</th>
              <th scope="col">Memory</th>
              <th scope="col">CodeSha256</th>
              <th scope="col">SnapStart</th>
            </tr>
          </thead>
          <tbody>
            {state.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{v.description}</td>
                <td>{v.config.memoryMb} MB</td>
                <td>
                  <code>{v.codeSha256.slice(0, 12)}…</code>
                </td>
                <td>{v.snapStart ? `SnapStart: snapshot ready (Init ${v.snapStart.initDurationMs.toFixed(2)} ms)` : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset>
        <legend>Alias</legend>
        <label>
          Alias name
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={128} />
        </label>
        <label>
          Alias version
          <select value={primaryValue} onChange={(e) => setPrimary(e.target.value)}>
            <option value={LATEST}>$LATEST</option>
            {versionOptions}
          </select>
        </label>
        <label>
          Additional version
          <select value={extra} onChange={(e) => setExtra(e.target.value)}>
            <option value="">None</option>
            {versionOptions}
          </select>
        </label>
        {extra !== '' && (
          <label>
            Additional version weight (%)
            <input type="number" value={weight} onChange={(e) => setWeight(e.target.value)} step="any" />
          </label>
        )}
        <button type="button" onClick={saveAlias}>
          Save alias
        </button>
      </fieldset>
      {state.aliases.length > 0 && (
        <ul aria-label="Aliases">
          {state.aliases.map((a) => (
            <li key={a.name}>
              <strong>{a.name}</strong> {aliasRoute(a)}{' '}
              <button type="button" onClick={() => deleteAlias(functionId, a.name)} aria-label={`Delete alias ${a.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role={message.kind === 'problem' ? 'alert' : 'status'} className={message.kind === 'problem' ? 'problem' : 'hint'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Beside Invoke: what it calls, once the function has versions (the unqualified function, a version, or an alias). */
/** What a version or an alias can be chosen from for a setting or a trigger: the aliases, then the versions, newest first. */
export function qualifierChoices(state: FunctionVersions): { value: string; label: string }[] {
  return [
    ...state.aliases.map((a) => ({ value: a.name, label: `Alias ${a.name}` })),
    ...[...state.versions].reverse().map((v) => ({ value: String(v.version), label: `Version ${v.version}` })),
  ];
}

export function QualifierSelect() {
  const functionId = usePlayground((s) => s.selectedId);
  const state = useVersions((s) => s.byFunction[functionId] ?? NO_VERSIONS);
  const qualifier = useVersions((s) => s.qualifier[functionId] ?? '');
  if (state.versions.length === 0 && state.aliases.length === 0) return null;
  return (
    <label className="qualifier">
      Version or alias
      <select value={qualifier} onChange={(e) => useVersions.getState().setQualifier(functionId, e.target.value)}>
        <option value="">Unqualified ($LATEST)</option>
        {state.versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            Version {v.version}
          </option>
        ))}
        {state.aliases.map((a) => (
          <option key={a.name} value={a.name}>
            Alias {a.name} {aliasRoute(a)}
          </option>
        ))}
      </select>
    </label>
  );
}
