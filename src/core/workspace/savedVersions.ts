import type { FunctionConfig } from '../functionConfig';
import { supportsSnapStart } from '../snapStart';
import { aliasProblem, codeSha256, LATEST, NO_VERSIONS, type FunctionAlias, type FunctionVersions } from '../functionVersions';
import type { WorkspaceFunction } from './workspaceTypes';

type Saved = Pick<WorkspaceFunction, 'versions' | 'aliases'>;

/** A function's versions and aliases as the workspace saves them. */
export function savedVersions(state: FunctionVersions): Saved {
  return {
    versions: state.versions.map((v) => {
      // `/opt` as deployed is not saved: the version's layer ARNs name it.
      const { layerFiles: _deployed, ...config } = v.config;
      return {
        version: v.version,
        description: v.description,
        publishedAtMs: v.publishedAtMs,
        config: { ...config, environment: { ...config.environment }, layers: [...(config.layers ?? [])] },
        ...(v.snapStart ? { snapStart: { ...v.snapStart } } : {}),
      };
    }),
    aliases: state.aliases.map((a) => ({
      name: a.name,
      functionVersion: String(a.functionVersion),
      ...(a.additional ? { additionalVersion: a.additional.version, additionalWeight: a.additional.weight } : {}),
      description: a.description,
    })),
  };
}

/**
 * A saved function's versions and aliases, checked as Lambda would have
 * checked them: versions numbered upwards (a repeated or out-of-order number
 * is dropped), aliases that Lambda would refuse are dropped. `problems` says
 * what was dropped and why, in Lambda's words.
 */
export function versionsFromSaved(saved: Saved, functionArn: string): { state: FunctionVersions; problems: string[] } {
  const problems: string[] = [];
  let state: FunctionVersions = NO_VERSIONS;
  for (const v of saved.versions) {
    const last = state.versions[state.versions.length - 1];
    if (last && v.version <= last.version) {
      problems.push(`Version ${v.version} of ${functionArn} comes after version ${last.version}: it was left out.`);
      continue;
    }
    // A version without layers reads as one made before layers existed: no `layers` field.
    const { layers, ...rest } = v.config;
    const config: FunctionConfig = layers.length > 0 ? { ...rest, layers: [...layers] } : rest;
    // A snapshot of a runtime Lambda does not snapshot (a tampered save) is dropped: the version inits as any other.
    const snapshot = v.snapStart && supportsSnapStart(config.runtime) ? { snapStart: { ...v.snapStart } } : {};
    if (v.snapStart && !supportsSnapStart(config.runtime)) problems.push(`Version ${v.version}'s SnapStart snapshot was left out: ${config.runtime} is not supported for SnapStart enabled functions.`);
    state = { ...state, versions: [...state.versions, { version: v.version, description: v.description, publishedAtMs: v.publishedAtMs, codeSha256: codeSha256(config.code), config, ...snapshot }] };
  }
  for (const a of saved.aliases) {
    const alias: FunctionAlias = {
      name: a.name,
      functionVersion: a.functionVersion === LATEST ? LATEST : Number(a.functionVersion),
      additional: a.additionalVersion !== undefined ? { version: a.additionalVersion, weight: a.additionalWeight ?? 0 } : null,
      description: a.description,
    };
    const problem = Number.isNaN(alias.functionVersion) ? { errorType: 'ResourceNotFoundException', message: `Function not found: ${functionArn}:${a.functionVersion}` } : aliasProblem(state, alias, functionArn);
    if (problem) problems.push(`Alias ${a.name} was left out: ${problem.errorType}: ${problem.message}`);
    else state = { ...state, aliases: [...state.aliases, alias] };
  }
  return { state, problems };
}
