import type { EventBridge } from '../core/sources/eventBridge';
import { isEmptyRequest, type ConsentRequest } from './holdAutonomy';
import { usePlayground } from './playgroundStore';
import { useRun } from './runStore';
import { sourceById, useSources } from './sourcesStore';
import { EVENTBRIDGE_ID } from './triggers/eventbridge/eventBridgeId';
import { useWorkspace } from './workspaceStore';

/**
 * The user's answers to what a workspace from a link or a file asked to run
 * on its own (`holdAutonomy`): each allows one held thing, and the prompt
 * goes when nothing is left to ask.
 */

function settle(next: ConsentRequest): void {
  useWorkspace.setState({ consent: isEmptyRequest(next) ? null : next });
}

/** Turn network access on for the named function. */
export function allowNetwork(functionName: string): void {
  const consent = useWorkspace.getState().consent;
  if (!consent) return;
  const { functions, setFunctionConfig } = usePlayground.getState();
  const f = functions.find((x) => x.config.name === functionName);
  if (f) setFunctionConfig(f.id, { networkAccess: true });
  settle({ ...consent, network: consent.network.filter((n) => n !== functionName) });
}

/** Enable the schedules the workspace had enabled. */
export function enableSchedules(): void {
  const consent = useWorkspace.getState().consent;
  if (!consent) return;
  const bus = sourceById<EventBridge>(EVENTBRIDGE_ID);
  if (bus) for (const s of consent.schedules) useSources.getState().act(EVENTBRIDGE_ID, (out) => bus.setScheduleEnabled(s.name, true, out));
  settle({ ...consent, schedules: [] });
}

/** Start the provisioned concurrency the workspace asked for. */
export function allowProvisioned(): void {
  const consent = useWorkspace.getState().consent;
  if (!consent) return;
  const run = useRun.getState();
  const { functions } = usePlayground.getState();
  for (const asked of consent.provisioned ?? []) {
    const f = functions.find((x) => x.config.name === asked.functionName);
    if (f) run.setOwnSettings(f.id, { provisionedConcurrency: asked.count });
  }
  const { provisioned: _started, ...rest } = consent;
  settle({ ...rest, provisionedConcurrency: 0 });
}

export function allowAll(): void {
  const consent = useWorkspace.getState().consent;
  if (!consent) return;
  for (const name of consent.network) allowNetwork(name);
  if (consent.schedules.length > 0) enableSchedules();
  if (consent.provisionedConcurrency > 0) allowProvisioned();
}

/** Keep everything held; the settings can still be changed by hand. */
export function keepHeld(): void {
  useWorkspace.setState({ consent: null });
}
