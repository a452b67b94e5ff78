/**
 * The platform's runtime worker started directly on this page: no sandbox
 * frame, no platform model, no bridge. Worker start + runtime script + Init +
 * first invoke, which splits a platform cold start into "the runtime" and
 * "everything around it".
 */
import runtimeSource from '../../src/runtime/main.ts?bundle';
import { compileHandler } from '../../src/bridge/compileHandler';
import { environmentVariables, functionArn, logGroupName, logStreamName } from '../../src/core/environmentVariables';
import type { FunctionConfig } from '../../src/core/functionConfig';
import type { InitSpec, ToEnvironment } from '../../src/protocol/messages';

export const runtimeSourceChars = runtimeSource.length;

export function runtimeUrl(): string {
  return URL.createObjectURL(new Blob([runtimeSource], { type: 'text/javascript' }));
}

export function initSpecFor(config: FunctionConfig): InitSpec {
  const stream = logStreamName(Date.now(), '0'.repeat(32));
  return {
    functionName: config.name,
    runtime: config.runtime,
    handler: config.handler,
    fileName: config.fileName,
    compiled: compileHandler(config.fileName, config.code),
    variables: environmentVariables(config, { region: 'us-east-1', logStreamName: stream, initializationType: 'on-demand' }),
    memoryMb: config.memoryMb,
    architecture: config.architecture,
    functionArn: functionArn('us-east-1', '123456789012', config.name),
    logGroupName: logGroupName(config.name),
    logStreamName: stream,
  };
}

export interface DirectCold {
  /** new Worker → initDone → invokeDone, ms. */
  totalMs: number;
  /** What the runtime reported as its init duration. */
  initDurationMs: number;
}

export function runtimeDirectCold(url: string, spec: InitSpec, timeoutMs = 10_000): Promise<DirectCold> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const worker = new Worker(url, { name: 'bench-direct' });
    const { port1, port2 } = new MessageChannel();
    let initDurationMs = Number.NaN;
    const timer = setTimeout(() => finish(new Error('runtime-direct cold start timed out')), timeoutMs);
    const finish = (err?: Error): void => {
      clearTimeout(timer);
      port1.close();
      worker.terminate();
      if (err) reject(err);
      else resolve({ totalMs: performance.now() - t0, initDurationMs });
    };
    worker.onerror = (e) => finish(new Error(`runtime worker error: ${e.message}`));
    port1.onmessage = (e: MessageEvent<{ t?: string; initDurationMs?: number }>) => {
      if (e.data.t === 'initDone') {
        initDurationMs = e.data.initDurationMs ?? Number.NaN;
        const invoke: ToEnvironment = { t: 'invoke', requestId: 'bench-direct', payload: '{}', remainingMs: 3000 };
        port1.postMessage(invoke);
      } else if (e.data.t === 'invokeDone') {
        finish();
      } else {
        finish(new Error(`runtime-direct: unexpected message ${JSON.stringify(e.data).slice(0, 300)}`));
      }
    };
    worker.postMessage({ port: port2 }, [port2]);
    const init: ToEnvironment = { t: 'init', spec };
    port1.postMessage(init);
  });
}

/** A runtime worker on this page, initialised, answering invokes over its port: the runtime's own share of a warm invoke. */
export interface DirectWarm {
  invoke(payload: string): Promise<void>;
  close(): void;
}

export function startRuntimeDirect(url: string, spec: InitSpec, timeoutMs = 10_000): Promise<DirectWarm> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { name: 'bench-direct-warm' });
    const { port1, port2 } = new MessageChannel();
    let pending: { resolve: () => void; reject: (e: Error) => void } | null = null;
    let next = 0;
    const close = (): void => {
      port1.close();
      worker.terminate();
    };
    const timer = setTimeout(() => {
      close();
      reject(new Error('runtime-direct warm worker: no initDone'));
    }, timeoutMs);
    port1.onmessage = (e: MessageEvent<{ t?: string; outcome?: { kind?: string } }>) => {
      if (e.data.t === 'initDone') {
        clearTimeout(timer);
        resolve({
          invoke(payload) {
            return new Promise<void>((res, rej) => {
              pending = { resolve: res, reject: rej };
              const m: ToEnvironment = { t: 'invoke', requestId: `direct-${next++}`, payload, remainingMs: 3000 };
              port1.postMessage(m);
            });
          },
          close,
        });
        return;
      }
      const p = pending;
      pending = null;
      if (e.data.t === 'invokeDone' && e.data.outcome?.kind === 'success') p?.resolve();
      else p?.reject(new Error(`runtime-direct: unexpected message ${JSON.stringify(e.data).slice(0, 300)}`));
    };
    worker.postMessage({ port: port2 }, [port2]);
    const init: ToEnvironment = { t: 'init', spec };
    port1.postMessage(init);
  });
}
