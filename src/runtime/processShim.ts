import type { InitSpec } from '../protocol/messages';

/** Thrown by `process.exit()` to unwind the handler; the runtime then reports the exit. */
export class ProcessExit extends Error {
  constructor(readonly status: number) {
    super(`process.exit(${status})`);
  }
}

/**
 * The parts of Node's `process` a handler commonly touches. `process.env`
 * holds Lambda's variables and the function's own.
 */
export function installProcess(target: Record<string, unknown>, spec: InitSpec): void {
  const version = { 'nodejs20.x': 'v20.19.0', 'nodejs22.x': 'v22.14.0', 'nodejs24.x': 'v24.4.0' }[spec.runtime] ?? 'v22.14.0';
  const start = performance.now();
  target.process = {
    env: { ...spec.variables },
    version,
    versions: { node: version.slice(1) },
    platform: 'linux',
    arch: spec.architecture === 'arm64' ? 'arm64' : 'x64',
    argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
    pid: 8,
    cwd: () => '/var/task',
    uptime: () => (performance.now() - start) / 1000,
    hrtime: Object.assign(
      (prev?: [number, number]): [number, number] => {
        const ns = Math.round(performance.now() * 1e6);
        const t: [number, number] = [Math.floor(ns / 1e9), ns % 1e9];
        if (!prev) return t;
        const diff = (t[0] - prev[0]) * 1e9 + (t[1] - prev[1]);
        return [Math.floor(diff / 1e9), diff % 1e9];
      },
      { bigint: (): bigint => BigInt(Math.round(performance.now() * 1e6)) },
    ),
    nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
    exit: (code = 0): never => {
      throw new ProcessExit(code);
    },
    on: () => undefined,
    once: () => undefined,
  };
  target.global = target;
}
