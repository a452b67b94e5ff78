import { DEFAULT_CONFIG } from '../core/functionConfig';
import { DEFAULT_FUNCTION_SETTINGS, functionSettingsOf, type FunctionSettings } from '../core/platformSettings';
import { FUNCTION_DEFAULTS, functionSettingsIn, WORKSPACE_DEFAULTS, type Workspace } from '../core/workspace/workspaceTypes';
import { EXAMPLE_CODE, EXAMPLE_EVENT } from './exampleFunction';
import { usePlayground } from './playgroundStore';
import { ALL_FUNCTIONS, useRun } from './runStore';
import { captureTriggers, removeAllTriggers, restoreTriggers } from './triggerSpecs';
import { useVersions } from './versionsStore';
import { useLayers } from './layersStore';
import { savedResources, setSavedResources } from './savedResources';
import { NO_RESOURCES } from '../core/workspace/workspaceResources';
import { savedVersions, versionsFromSaved } from '../core/workspace/savedVersions';
import { NO_VERSIONS } from '../core/functionVersions';
import { functionArn } from '../core/environmentVariables';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/sources/sourceTypes';

/** The workspace the playground opens with, and "Reset to example" brings back. */
export function exampleWorkspace(name = 'Example'): Workspace {
  return {
    ...WORKSPACE_DEFAULTS,
    triggers: [],
    scenarios: [],
    layers: [],
    resources: NO_RESOURCES,
    name,
    functions: [{ ...FUNCTION_DEFAULTS, ...DEFAULT_CONFIG, environment: {}, savedEvents: [], code: EXAMPLE_CODE, event: EXAMPLE_EVENT }],
  };
}

/** What the stores hold now, as a workspace (the name and scenarios are the workspace store's). */
export function captureWorkspace(name: string, scenarios: unknown[]): Workspace {
  const { functions, selectedId } = usePlayground.getState();
  const { settings, own, plan } = useRun.getState();
  // The workspace's `concurrency` holds the account's settings and the selected function's own; a function whose own differ keeps them beside it.
  const shared = functionSettingsOf(settings);
  const ownOf = (id: string): FunctionSettings | null => {
    const mine = own[id] ?? DEFAULT_FUNCTION_SETTINGS;
    return JSON.stringify(mine) === JSON.stringify(shared) ? null : { ...mine };
  };
  return {
    name,
    functions: functions.map((f) => ({
      name: f.config.name,
      runtime: f.config.runtime,
      handler: f.config.handler,
      fileName: f.config.fileName,
      code: f.config.code,
      memoryMb: f.config.memoryMb,
      timeoutS: f.config.timeoutS,
      environment: { ...f.config.environment },
      architecture: f.config.architecture,
      networkAccess: f.config.networkAccess,
      layers: [...(f.config.layers ?? [])],
      ...(f.config.logFormat ? { logFormat: f.config.logFormat } : {}),
      ...(f.config.applicationLogLevel ? { applicationLogLevel: f.config.applicationLogLevel } : {}),
      ...(f.config.systemLogLevel ? { systemLogLevel: f.config.systemLogLevel } : {}),
      ...(f.config.tracing === 'Active' ? { tracing: f.config.tracing } : {}),
      event: f.eventText,
      savedEvents: (f.savedEvents ?? []).map((e) => ({ ...e })),
      ...(f.config.ephemeralStorageMb !== undefined ? { ephemeralStorageMb: f.config.ephemeralStorageMb } : {}),
      ...(ownOf(f.id) ? { concurrency: ownOf(f.id) as FunctionSettings } : {}),
      ...savedVersions(useVersions.getState().byFunction[f.id] ?? NO_VERSIONS),
    })),
    selected: Math.max(0, functions.findIndex((f) => f.id === selectedId)),
    triggers: captureTriggers(),
    concurrency: { ...settings },
    loadPlan: { ...plan, pattern: { ...plan.pattern } },
    layers: useLayers.getState().layers.map((l) => ({ name: l.name, versions: l.versions.map((v) => ({ ...v, files: v.files.map((f) => ({ ...f })), compatibleRuntimes: [...v.compatibleRuntimes] })) })),
    resources: savedResources(),
    scenarios,
  };
}

let applied = 0;

/**
 * Put a workspace into the stores: a load run stops, every function and
 * trigger is replaced (their environments and sources go), concurrency
 * settings and the load plan are set. Returns what could not be restored.
 */
export function applyWorkspace(workspace: Workspace): string[] | Promise<string[]> {
  const generation = ++applied;
  const run = useRun.getState();
  run.stopLoad();
  removeAllTriggers();
  // Layers first: the functions' layer ARNs are checked against them.
  useLayers.getState().restore(workspace.layers);
  setSavedResources(workspace.resources);
  usePlayground.getState().replaceFunctions(
    workspace.functions.map(({ event, savedEvents, concurrency: _own, versions: _versions, aliases: _aliases, ...config }) => ({ config: { ...config, environment: { ...config.environment } }, eventText: event, savedEvents: savedEvents.map((e) => ({ ...e })) })),
    workspace.selected,
  );
  const ids = usePlayground.getState().functions.map((f) => f.id);
  // Versions and aliases belong to the functions they were published from; one Lambda would refuse is left out, and said.
  const versionProblems: string[] = [];
  const byFunction = Object.fromEntries(
    workspace.functions.map((f, i) => {
      const { state, problems } = versionsFromSaved(f, functionArn(DEFAULT_REGION, DEFAULT_ACCOUNT, f.name));
      versionProblems.push(...problems);
      return [ids[i] ?? '', state];
    }),
  );
  useVersions.getState().restore(byFunction);
  run.restoreSettings({ ...workspace.concurrency }, Object.fromEntries(workspace.functions.map((f, i) => [ids[i] ?? '', { ...functionSettingsIn(workspace, f) }])));
  run.setPlan({ ...workspace.loadPlan, pattern: { ...workspace.loadPlan.pattern } });
  run.setScope(ALL_FUNCTIONS);
  run.resetRun();
  // The trigger kinds' code may still be loading: then they are rebuilt when it is, unless another workspace was opened meanwhile.
  const triggers = restoreTriggers(workspace.triggers, () => generation === applied);
  if (versionProblems.length === 0) return triggers;
  return Array.isArray(triggers) ? [...versionProblems, ...triggers] : triggers.then((t) => [...versionProblems, ...t]);
}
