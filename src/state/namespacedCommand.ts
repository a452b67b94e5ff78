import type { PlatformCommand } from '../core/platformTypes';

/**
 * A command of one function's platform, renamed for a recorder that watches
 * the whole workspace: environment ids become `<function>/<env>` and tickets
 * (numbered per function) become unique across functions. Commands the
 * recorder ignores pass through untouched.
 */
export function namespacedCommand(fnIndex: number, fnName: string, c: PlatformCommand): PlatformCommand {
  const ticket = (t: number): number => t * 1024 + fnIndex;
  const env = (id: string): string => `${fnName}/${id}`;
  switch (c.type) {
    case 'complete':
      return { ...c, ticket: ticket(c.ticket), record: { ...c.record, envId: env(c.record.envId) } };
    case 'reject':
    case 'accepted':
      return { ...c, ticket: ticket(c.ticket) };
    case 'notice': {
      const n = c.notice;
      if (n.kind === 'environment' || n.kind === 'initLog') return { type: 'notice', notice: { ...n, envId: env(n.envId) } };
      if (n.kind === 'provisioned') return { type: 'notice', notice: { ...n, functionName: fnName } };
      if (n.kind === 'snapshot') return c;
      return { type: 'notice', notice: { ...n, ticket: ticket(n.ticket) } };
    }
    default:
      return c;
  }
}
