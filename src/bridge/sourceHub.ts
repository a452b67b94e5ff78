import type { LambdaError } from '../core/lambdaError';
import type { EventSource, SourceCommand, SourceInvokeResult } from '../core/sources/sourceTypes';
import type { AsyncInvokeResult, InvokeResult } from './liveDriver';
import type { PlatformScheduler } from './platformScheduler';

/** What the hub needs of a function: the Invoke API, synchronous and asynchronous. */
export interface InvokeTarget {
  /** `traceHeader`: the X-Ray trace header the invocation continues (its request chain), if any. */
  invoke(payload: string, traceHeader?: string): Promise<InvokeResult>;
  invokeAsync(payload: string, traceHeader?: string): Promise<AsyncInvokeResult>;
}

export interface SourceHubOptions {
  /** The workspace's timer owner (platform time), shared with the functions' drivers. */
  scheduler: PlatformScheduler;
  /** The function a source names, or null when there is none by that name (any more). */
  resolve(functionName: string, sourceId: string): InvokeTarget | null;
  onChanged(sourceId: string): void;
  onLog(sourceId: string, atMs: number, text: string): void;
  functionArn(functionName: string): string;
}

/**
 * Carries out the commands of the workspace's event sources, as the live
 * driver does for a function's platform: invokes go to the target
 * function's platform, timers are deadlines in platform time on the
 * workspace's scheduler, results are fed back. Sources stay pure; this is
 * their only contact with the world.
 */
export class SourceHub {
  private readonly sources = new Map<string, EventSource>();
  private disposed = false;

  constructor(private readonly options: SourceHubOptions) {}

  add(source: EventSource): void {
    this.sources.set(source.id, source);
    this.options.onChanged(source.id);
  }

  get<T extends EventSource>(id: string): T | undefined {
    return this.sources.get(id) as T | undefined;
  }

  /** Every source of the workspace. */
  all(): EventSource[] {
    return [...this.sources.values()];
  }

  remove(id: string): void {
    this.sources.delete(id);
    this.options.scheduler.clearPrefix(timerKey(id, ''));
    this.options.onChanged(id);
  }

  /** A user action on a source (send a message, upload a file …): it pushes its commands into `out`. */
  act(sourceId: string, action: (out: SourceCommand[]) => void): void {
    const out: SourceCommand[] = [];
    action(out);
    this.carry(sourceId, out);
  }

  dispose(): void {
    this.disposed = true;
    this.options.scheduler.clearPrefix('source:');
  }

  private carry(sourceId: string, commands: readonly SourceCommand[]): void {
    if (this.disposed) return;
    for (const c of commands) {
      switch (c.type) {
        case 'invoke':
          void this.invoke(sourceId, c);
          break;
        case 'setTimer': {
          const timerId = c.timerId;
          this.options.scheduler.set(timerKey(sourceId, timerId), c.atMs, () => this.feed(sourceId, (source, out) => source.onTimer(timerId, out)));
          break;
        }
        case 'clearTimer':
          this.options.scheduler.clear(timerKey(sourceId, c.timerId));
          break;
        case 'changed':
          this.options.onChanged(sourceId);
          break;
        case 'log':
          this.options.onLog(sourceId, c.atMs, c.text);
          break;
      }
    }
  }

  private feed(sourceId: string, step: (source: EventSource, out: SourceCommand[]) => void): void {
    const source = this.sources.get(sourceId);
    if (!source || this.disposed) return;
    const out: SourceCommand[] = [];
    step(source, out);
    this.carry(sourceId, out);
  }

  private async invoke(sourceId: string, c: Extract<SourceCommand, { type: 'invoke' }>): Promise<void> {
    const target = this.options.resolve(c.functionName, sourceId);
    const missing: SourceInvokeResult = { kind: 'rejected', statusCode: 404, error: notFound(this.options.functionArn(c.functionName)) };
    let result: SourceInvokeResult;
    try {
      if (!target) {
        result = missing;
      } else if (c.invocationType === 'Event') {
        const r = await target.invokeAsync(c.payload, c.traceHeader);
        result = r.kind === 'accepted' ? { kind: 'accepted' } : { kind: 'rejected', statusCode: r.statusCode, error: r.error };
      } else {
        const r = await target.invoke(c.payload, c.traceHeader);
        if (r.kind === 'rejected') result = { kind: 'rejected', statusCode: r.statusCode, error: r.error };
        else result = r.response.ok ? { kind: 'success', payload: r.response.payload } : { kind: 'functionError', error: r.response.error };
      }
    } catch {
      // The target's driver was disposed (the function removed) while the invocation was pending.
      result = missing;
    }
    this.feed(sourceId, (source, out) => source.onResult(c.invocationId, result, out));
  }
}

function timerKey(sourceId: string, timerId: string): string {
  return `source:${sourceId}:${timerId}`;
}

/** The Invoke API's answer for a function that does not exist (renamed or removed). */
function notFound(arn: string): LambdaError {
  return { errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${arn}`, trace: [] };
}
