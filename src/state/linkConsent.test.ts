// The stores reach the bridge, which imports the sandbox scripts as text (`?bundle`); this test config does not list their declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../bundle.d.ts" />
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/functionConfig';
import type { EventBridge } from '../core/sources/eventBridge';
import { FUNCTION_DEFAULTS, WORKSPACE_DEFAULTS, type Workspace } from '../core/workspace/workspaceTypes';
import { holdAutonomy, withRequests } from './holdAutonomy';
import { allowNetwork, enableSchedules, keepHeld } from './linkConsent';
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
    expect(request).toEqual({
      network: ['poller'],
      schedules: [{ name: 'poller-every-minute', expression: 'rate(1 minute)', functionName: 'poller' }],
      provisionedConcurrency: 3,
    });
    expect(holdAutonomy(workspace).request).toBeNull();
    // A link made while they are held asks for them again.
    expect(withRequests(workspace, request)).toEqual(ASKING);
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
    expect(useWorkspace.getState().consent).toEqual({ network: [], schedules: [], provisionedConcurrency: 3 });
    keepHeld();
    expect(useWorkspace.getState().consent).toBeNull();
    expect(useRun.getState().settings.provisionedConcurrency).toBe(0);
  });

  it('imported from a file: held the same way', async () => {
    // Storage is off under Node, so the page would ask before replacing the edits above: say yes.
    await openAsNew(ASKING, 'import', true);
    expect(network('poller')).toBe(false);
    expect(useWorkspace.getState().consent?.schedules).toHaveLength(1);
  });
});
