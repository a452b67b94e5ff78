// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../bundle.d.ts" />
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/functionConfig';
import type { EventBridge } from '../core/sources/eventBridge';
import { FUNCTION_DEFAULTS, functionSettingsIn, WORKSPACE_DEFAULTS, type Workspace } from '../core/workspace/workspaceTypes';
import { holdAutonomy, withRequests } from './holdAutonomy';
import { allowNetwork, allowProvisioned, enableSchedules, keepHeld } from './linkConsent';
import { usePlayground } from './playgroundStore';
import { useRun } from './runStore';
import { sourceById } from './sourcesStore';
import { EVENTBRIDGE_ID } from './triggers/eventbridge/eventBridgeTriggerLive';
import { loadTriggerKinds, removeAllTriggers } from './triggerSpecs';
import { openAsNew, useWorkspace } from './workspaceStore';

// The trigger kinds load on demand in the app; here before any workspace is opened.
await loadTriggerKinds();

const fn = (name: string, networkAccess: boolean) => ({ ...FUNCTION_DEFAULTS, ...DEFAULT_CONFIG, name, networkAccess, code: 'export const handler = async () => 1;' });

/** What the link carried: a schedule every minute and network access on. */
const ASKING: Workspace = {
  ...WORKSPACE_DEFAULTS,
  name: 'From a link',
  functions: [fn('poller', true), fn('quiet', false)],
  triggers: [
    {
      type: 'eventbridge',
      bus: 'playground-bus',
      schedules: [
        { name: 'poller-every-minute', expression: 'rate(1 minute)', function: 'poller', enabled: true },
        { name: 'poller-off', expression: 'rate(5 minutes)', function: 'poller', enabled: false },
      ],
      rules: [],
    },
  ],
  concurrency: { ...WORKSPACE_DEFAULTS.concurrency, provisionedConcurrency: 3 },
};

const bus = (): EventBridge => sourceById<EventBridge>(EVENTBRIDGE_ID) as EventBridge;
const network = (name: string): boolean | undefined => usePlayground.getState().functions.find((f) => f.config.name === name)?.config.networkAccess;

afterEach(() => {
  removeAllTriggers();
  keepHeld();
});

describe('a workspace from a link or a file runs nothing on its own', () => {
  it('holds network access, enabled schedules and provisioned concurrency, and says what was asked', () => {
    const { workspace, request } = holdAutonomy(ASKING);
    expect(workspace.functions.map((f) => f.networkAccess)).toEqual([false, false]);
    expect(workspace.triggers[0]?.type === 'eventbridge' && workspace.triggers[0].schedules.map((s) => s.enabled)).toEqual([false, false]);
    expect(workspace.concurrency.provisionedConcurrency).toBe(0);
    // The workspace-wide 3 of a link from before functions had their own settings is each function's: 3 + 3.
    expect(workspace.functions.map((f) => functionSettingsIn(workspace, f).provisionedConcurrency)).toEqual([0, 0]);
    expect(request).toEqual({
      network: ['poller'],
      schedules: [{ name: 'poller-every-minute', expression: 'rate(1 minute)', functionName: 'poller' }],
      provisionedConcurrency: 6,
      provisioned: [
        { functionName: 'poller', count: 3 },
        { functionName: 'quiet', count: 3 },
      ],
    });
    expect(holdAutonomy(workspace).request).toBeNull();
    // A link made while they are held asks for them again: the same functions, schedules and provisioned concurrency.
    const again = withRequests(workspace, request);
    expect(again.functions.map((f) => [f.name, f.networkAccess, functionSettingsIn(again, f).provisionedConcurrency])).toEqual([
      ['poller', true, 3],
      ['quiet', false, 3],
    ]);
    expect(again.triggers).toEqual(ASKING.triggers);
    expect(holdAutonomy(again).request).toEqual(request);
  });

  it('opened from a link: network off, schedules disabled, no provisioned environments, until the user allows each', async () => {
    await openAsNew(ASKING, 'link');
    expect(network('poller')).toBe(false);
    expect(bus().view().schedules.map((s) => [s.name, s.enabled])).toEqual([
      ['poller-every-minute', false],
      ['poller-off', false],
    ]);
    expect(useRun.getState().settings.provisionedConcurrency).toBe(0);
    expect(useWorkspace.getState().consent?.network).toEqual(['poller']);

    allowNetwork('poller');
    expect(network('poller')).toBe(true);
    enableSchedules();
    expect(bus().view().schedules.map((s) => s.enabled)).toEqual([true, false]);
    expect(useWorkspace.getState().consent).toMatchObject({ network: [], schedules: [], provisionedConcurrency: 6 });
    keepHeld();
    expect(useWorkspace.getState().consent).toBeNull();
    expect(useRun.getState().settings.provisionedConcurrency).toBe(0);
  });

  it("allowing provisioned concurrency gives each function what it asked for, as its own setting", async () => {
    // Another workspace than the one the test before left open (the same one would not be opened again).
    await openAsNew({ ...ASKING, name: 'Asking for provisioned concurrency' }, 'link', true);
    expect(useWorkspace.getState().consent?.provisionedConcurrency).toBe(6);
    allowProvisioned();
    const { functions } = usePlayground.getState();
    const own = useRun.getState().own;
    expect(functions.map((f) => own[f.id]?.provisionedConcurrency)).toEqual([3, 3]);
    expect(useWorkspace.getState().consent?.provisionedConcurrency ?? 0).toBe(0);
    useRun.getState().restoreSettings(WORKSPACE_DEFAULTS.concurrency, {});
  });

  it('imported from a file: held the same way', async () => {
    // Storage is off under Node, so the page would ask before replacing the edits above: say yes.
    await openAsNew(ASKING, 'import', true);
    expect(network('poller')).toBe(false);
    expect(useWorkspace.getState().consent?.schedules).toHaveLength(1);
  });
});
