import { functionSettingsIn, type Workspace } from '../core/workspace/workspaceTypes';

/** A schedule a workspace from elsewhere wanted enabled. */
export interface HeldSchedule {
  name: string;
  expression: string;
  functionName: string;
}

/**
 * What a workspace from a link or a file asked for that would run its code,
 * or reach the network, without the person opening it doing anything.
 */
export interface ConsentRequest {
  /** Names of the functions that wanted network access. */
  network: string[];
  /** Schedules that were enabled: they would invoke on their own. */
  schedules: HeldSchedule[];
  /** Provisioned concurrency asked for, in all: it starts environments, which run each function's Init code, at once. */
  provisionedConcurrency: number;
  /** Which functions asked for it, and how much each (absent: none did). */
  provisioned?: { functionName: string; count: number }[];
}

export function isEmptyRequest(r: ConsentRequest): boolean {
  return r.network.length === 0 && r.schedules.length === 0 && r.provisionedConcurrency === 0;
}

/**
 * The workspace with everything autonomous held: network access off for every
 * function, every schedule disabled, provisioned concurrency 0. Returns what
 * was held (null when nothing was), for the prompt that lets the user allow it.
 * Triggers that only act on what the user puts in them (HTTP, S3, SQS, SNS,
 * pattern rules, streams: their contents are never part of a workspace) stay.
 */
export function holdAutonomy(workspace: Workspace): { workspace: Workspace; request: ConsentRequest | null } {
  const request: ConsentRequest = { network: [], schedules: [], provisionedConcurrency: 0 };
  const provisioned: { functionName: string; count: number }[] = [];
  const functions = workspace.functions.map((f) => {
    let held = f;
    if (f.networkAccess) {
      request.network.push(f.name);
      held = { ...held, networkAccess: false };
    }
    // Each function's own provisioned concurrency (or the workspace's, for one without its own) is held at 0.
    const own = functionSettingsIn(workspace, f);
    if (own.provisionedConcurrency > 0) {
      provisioned.push({ functionName: f.name, count: own.provisionedConcurrency });
      held = { ...held, concurrency: { ...own, provisionedConcurrency: 0 } };
    }
    return held;
  });
  const triggers = workspace.triggers.map((t) => {
    if (t.type !== 'eventbridge' || !t.schedules.some((s) => s.enabled)) return t;
    for (const s of t.schedules) if (s.enabled) request.schedules.push({ name: s.name, expression: s.expression, functionName: s.function });
    return { ...t, schedules: t.schedules.map((s) => ({ ...s, enabled: false })) };
  });
  const concurrency = { ...workspace.concurrency, provisionedConcurrency: 0 };
  if (provisioned.length > 0) {
    request.provisioned = provisioned;
    request.provisionedConcurrency = provisioned.reduce((n, p) => n + p.count, 0);
  }
  return { workspace: { ...workspace, functions, triggers, concurrency }, request: isEmptyRequest(request) ? null : request };
}

/** The workspace with what is still held asked for again: a link made from it (the embed's "Open in the full playground") carries the same asks, to be prompted for there. */
export function withRequests(workspace: Workspace, request: ConsentRequest | null): Workspace {
  if (!request) return workspace;
  const network = new Set(request.network);
  const schedules = new Set(request.schedules.map((s) => s.name));
  return {
    ...workspace,
    functions: workspace.functions.map((f) => {
      const asked = request.provisioned?.find((p) => p.functionName === f.name);
      const withNetwork = network.has(f.name) ? { ...f, networkAccess: true } : f;
      return asked ? { ...withNetwork, concurrency: { ...functionSettingsIn(workspace, f), provisionedConcurrency: asked.count } } : withNetwork;
    }),
    triggers: workspace.triggers.map((t) => (t.type === 'eventbridge' ? { ...t, schedules: t.schedules.map((s) => (schedules.has(s.name) ? { ...s, enabled: true } : s)) } : t)),
  };
}
