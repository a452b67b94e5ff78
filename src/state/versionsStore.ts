import { create } from 'zustand';
import { functionArn } from '../core/environmentVariables';
import type { FunctionConfig } from '../core/functionConfig';
import {
  aliasProblem,
  isProblem,
  LATEST,
  NO_VERSIONS,
  nextVersionNumber,
  provisionedQualifierProblem,
  publishVersion,
  publishWouldCreate,
  resolveQualifier,
  routeAlias,
  type FunctionAlias,
  type FunctionVersions,
  type VersionsProblem,
} from '../core/functionVersions';
import { createRandom } from '../core/random';
import { snapStartProblem, type CachedSnapshot } from '../core/snapStart';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/sources/sourceTypes';
import type { LiveDriver } from '../bridge/liveDriver';
import { platformNow, session } from './currentSession';

export interface VersionsState {
  /** Each function's published versions and aliases, by function id. */
  byFunction: Record<string, FunctionVersions>;
  /** What the Invoke button and load runs call, by function id: '' (the unqualified function, `$LATEST`), a version number or an alias. */
  qualifier: Record<string, string>;
  /** The last refusal, as `ExceptionName: message`, or what the last action did (`pending`: a SnapStart snapshot is being taken). */
  message: { kind: 'problem' | 'done' | 'pending'; text: string } | null;
  /** A SnapStart publish in progress, by function id: the version whose snapshot Init is running. */
  snapshotting: Record<string, number>;
  /**
   * PublishVersion of the function as it is now. With SnapStart on (the function's settings), the version is
   * created once its snapshot is taken: one real Init in an environment of the version; an Init that fails
   * fails the publish, as on Lambda. Resolves when the publish has ended.
   */
  publish(functionId: string, config: FunctionConfig, description: string): Promise<void>;
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
  snapshotting: {},

  async publish(functionId, config, description) {
    const before = get().byFunction[functionId] ?? NO_VERSIONS;
    const settings = session().settingsOf(functionId);
    if ((settings.snapStart ?? 'None') === 'PublishedVersions' && publishWouldCreate(before, config, true)) {
      await publishWithSnapshot(functionId, config, description, settings.provisionedConcurrency);
      return;
    }
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
    set({ byFunction, qualifier: {}, message: null, snapshotting: {} });
  },
}));

/** Each SnapStart publish gets a seed of its own (every restore of that version shares it: the uniqueness pitfall). */
const snapshotSeeds = createRandom((Date.now() >>> 0) ^ 0x5eed);

/**
 * A SnapStart publish: Lambda's refusals first, then the snapshot's Init in an environment of the new version
 * (its driver, made with the snapshot's seed), then the version, or the Init's failure as the publish's.
 */
async function publishWithSnapshot(functionId: string, config: FunctionConfig, description: string, provisionedConcurrency: number): Promise<void> {
  const set = useVersions.setState;
  const refusal = snapStartProblem('PublishedVersions', config, provisionedConcurrency);
  if (refusal) {
    set({ message: { kind: 'problem', text: refusal.message } });
    return;
  }
  if (useVersions.getState().snapshotting[functionId] !== undefined) {
    set({ message: { kind: 'problem', text: 'ResourceConflictException: A version is being published: its SnapStart snapshot is not taken yet.' } });
    return;
  }
  const number = nextVersionNumber(useVersions.getState().byFunction[functionId] ?? NO_VERSIONS);
  const seed = Math.floor(snapshotSeeds.next() * 2 ** 31);
  const publishedAtMs = platformNow();
  set((s) => ({ snapshotting: { ...s.snapshotting, [functionId]: number }, message: { kind: 'pending', text: `Publishing version ${number}: SnapStart is running its Init to take the snapshot…` } }));
  const s = session();
  const done = (message: VersionsState['message'], byFunction?: Record<string, FunctionVersions>): void =>
    set((st) => {
      const snapshotting = { ...st.snapshotting };
      delete snapshotting[functionId];
      return { snapshotting, message, ...(byFunction ? { byFunction } : {}) };
    });
  try {
    const outcome = await s.driverFor(functionId, config, number, { seed }).takeSnapshot();
    if (outcome.status !== 'ready') {
      s.disposeVersionDriver(functionId, number);
      done({ kind: 'problem', text: `Publishing version ${number} failed: its Init ${outcome.status === 'timeout' ? 'timed out' : 'failed'}, so no snapshot was taken. ${outcome.error.errorType}: ${outcome.error.errorMessage}` });
      return;
    }
    const before = useVersions.getState().byFunction[functionId] ?? NO_VERSIONS;
    const snapshot = { seed, takenAtMs: outcome.atMs, initDurationMs: outcome.initDurationMs };
    const { state, version } = publishVersion(before, config, publishedAtMs, description, snapshot);
    done(
      { kind: 'done', text: `Published version ${version.version}. SnapStart: snapshot ready (its Init took ${outcome.initDurationMs.toFixed(2)} ms, once).` },
      { ...useVersions.getState().byFunction, [functionId]: state },
    );
  } catch {
    // The session or the function went before the snapshot was taken: nothing was published.
    done(null);
  }
}

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

/**
 * The SnapStart snapshots the bill charges caching for: every published version with one, of the function
 * `scope` (or of every function), each at its version's memory.
 */
export function cachedSnapshots(byFunction: Record<string, FunctionVersions>, scope: string | null): CachedSnapshot[] {
  const out: CachedSnapshot[] = [];
  for (const [functionId, state] of Object.entries(byFunction)) {
    if (scope !== null && functionId !== scope) continue;
    for (const v of state.versions) {
      if (v.snapStart) out.push({ source: `${functionId}:${v.version}`, takenAtMs: v.snapStart.takenAtMs, memoryMb: v.config.memoryMb, architecture: v.config.architecture });
    }
  }
  return out;
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
  return { driver: s.driverFor(functionId, published.config, version, published.snapStart), qualifier };
}
