import { create } from 'zustand';
import { functionArn } from '../core/environmentVariables';
import type { FunctionConfig } from '../core/functionConfig';
import {
  aliasProblem,
  isProblem,
  LATEST,
  NO_VERSIONS,
  provisionedQualifierProblem,
  publishVersion,
  resolveQualifier,
  routeAlias,
  type FunctionAlias,
  type FunctionVersions,
  type VersionsProblem,
} from '../core/functionVersions';
import { createRandom } from '../core/random';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/sources/sourceTypes';
import type { LiveDriver } from '../bridge/liveDriver';
import { platformNow, session } from './currentSession';

export interface VersionsState {
  /** Each function's published versions and aliases, by function id. */
  byFunction: Record<string, FunctionVersions>;
  /** What the Invoke button and load runs call, by function id: '' (the unqualified function, `$LATEST`), a version number or an alias. */
  qualifier: Record<string, string>;
  /** The last refusal, as `ExceptionName: message`, or what the last action did. */
  message: { kind: 'problem' | 'done'; text: string } | null;
  /** PublishVersion of the function as it is now. */
  publish(functionId: string, config: FunctionConfig, description: string): void;
  /** CreateAlias (`replacing` null) or UpdateAlias; false when Lambda would refuse it (the message says why). */
  putAlias(functionId: string, functionName: string, alias: FunctionAlias, replacing: string | null): boolean;
  deleteAlias(functionId: string, name: string): void;
  setQualifier(functionId: string, qualifier: string): void;
  /** Opening a workspace: every function's versions and aliases, by the new function ids. */
  restore(byFunction: Record<string, FunctionVersions>): void;
}

const arnOf = (name: string): string => functionArn(DEFAULT_REGION, DEFAULT_ACCOUNT, name);
const problemText = (p: VersionsProblem): string => `${p.errorType}: ${p.message}`;

export const useVersions = create<VersionsState>()((set, get) => ({
  byFunction: {},
  qualifier: {},
  message: null,

  publish(functionId, config, description) {
    const before = get().byFunction[functionId] ?? NO_VERSIONS;
    const { state, version, created } = publishVersion(before, config, platformNow(), description);
    set((s) => ({
      byFunction: { ...s.byFunction, [functionId]: state },
      message: {
        kind: 'done',
        text: created
          ? `Published version ${version.version}.`
          : `Nothing changed since version ${version.version}: Lambda publishes no new version and answers version ${version.version}.`,
      },
    }));
  },

  putAlias(functionId, functionName, alias, replacing) {
    const state = get().byFunction[functionId] ?? NO_VERSIONS;
    const problem = aliasProblem(state, alias, arnOf(functionName), replacing);
    if (problem) {
      set({ message: { kind: 'problem', text: problemText(problem) } });
      return false;
    }
    const aliases = [...state.aliases.filter((a) => a.name !== (replacing ?? alias.name)), alias].sort((a, b) => a.name.localeCompare(b.name));
    set((s) => ({ byFunction: { ...s.byFunction, [functionId]: { ...state, aliases } }, message: { kind: 'done', text: `Alias ${alias.name} saved.` } }));
    return true;
  },

  deleteAlias(functionId, name) {
    const state = get().byFunction[functionId] ?? NO_VERSIONS;
    set((s) => ({
      byFunction: { ...s.byFunction, [functionId]: { ...state, aliases: state.aliases.filter((a) => a.name !== name) } },
      qualifier: s.qualifier[functionId] === name ? { ...s.qualifier, [functionId]: '' } : s.qualifier,
      message: { kind: 'done', text: `Alias ${name} deleted.` },
    }));
  },

  setQualifier(functionId, qualifier) {
    set((s) => ({ qualifier: { ...s.qualifier, [functionId]: qualifier } }));
  },

  restore(byFunction) {
    set({ byFunction, qualifier: {}, message: null });
  },
}));

/**
 * Lambda's refusal (PutProvisionedConcurrencyConfig) of provisioned
 * concurrency `count` on `qualifier` of the function, as `ExceptionName:
 * message`; null when it takes it (or there is none to configure).
 */
export function provisionedProblem(functionId: string, functionName: string, qualifier: string, count: number): string | null {
  if (count <= 0) return null;
  const problem = provisionedQualifierProblem(useVersions.getState().byFunction[functionId] ?? NO_VERSIONS, qualifier, arnOf(functionName));
  return problem ? problemText(problem) : null;
}

/** Weighted aliases pick a version per request (seeded once per page; the model's own randomness is not touched). */
const routing = createRandom(Date.now() >>> 0);

/** Where one invoke of the function goes: the driver of the version its qualifier names (an alias picks one by weight), or Lambda's refusal. */
export function invokeTarget(functionId: string, config: FunctionConfig): { driver: LiveDriver; qualifier?: string } | { problem: VersionsProblem } {
  return targetFor(functionId, config, useVersions.getState().qualifier[functionId] ?? '');
}

/** The same, for a qualifier a caller names itself (a trigger's `name:alias`): '' is the unqualified function. */
export function targetFor(functionId: string, config: FunctionConfig, qualifier: string): { driver: LiveDriver; qualifier?: string } | { problem: VersionsProblem } {
  const state = useVersions.getState().byFunction[functionId] ?? NO_VERSIONS;
  const r = resolveQualifier(state, qualifier, arnOf(config.name));
  if (isProblem(r)) return { problem: r };
  const s = session();
  if (r.kind === 'latest') return { driver: s.driverFor(functionId, config), ...(qualifier === LATEST ? { qualifier } : {}) };
  const version = r.kind === 'version' ? r.version.version : routeAlias(r.alias, routing.next());
  if (version === LATEST) return { driver: s.driverFor(functionId, config), qualifier };
  const published = state.versions.find((v) => v.version === version);
  if (!published) return { problem: { errorType: 'ResourceNotFoundException', message: `Function not found: ${arnOf(config.name)}:${version}` } };
  return { driver: s.driverFor(functionId, published.config, version), qualifier };
}
