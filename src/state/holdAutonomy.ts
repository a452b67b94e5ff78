import type { Workspace } from '../core/workspace/workspaceTypes';

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
  /** Provisioned concurrency asked for: it starts environments, which run each function's Init code, at once. */
  provisionedConcurrency: number;
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
  const functions = workspace.functions.map((f) => {
    if (!f.networkAccess) return f;
    request.network.push(f.name);
    return { ...f, networkAccess: false };
  });
  const triggers = workspace.triggers.map((t) => {
    if (t.type !== 'eventbridge' || !t.schedules.some((s) => s.enabled)) return t;
    for (const s of t.schedules) if (s.enabled) request.schedules.push({ name: s.name, expression: s.expression, functionName: s.function });
    return { ...t, schedules: t.schedules.map((s) => ({ ...s, enabled: false })) };
  });
  let concurrency = workspace.concurrency;
  if (concurrency.provisionedConcurrency > 0) {
    request.provisionedConcurrency = concurrency.provisionedConcurrency;
    concurrency = { ...concurrency, provisionedConcurrency: 0 };
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
    functions: workspace.functions.map((f) => (network.has(f.name) ? { ...f, networkAccess: true } : f)),
    triggers: workspace.triggers.map((t) => (t.type === 'eventbridge' ? { ...t, schedules: t.schedules.map((s) => (schedules.has(s.name) ? { ...s, enabled: true } : s)) } : t)),
    concurrency: request.provisionedConcurrency > 0 ? { ...workspace.concurrency, provisionedConcurrency: request.provisionedConcurrency } : workspace.concurrency,
  };
}
