import type { InitSpec } from '../protocol/messages';

/** Thrown by `process.exit()` to unwind the handler; the runtime then reports the exit. */
export class ProcessExit extends Error {
  constructor(readonly status: number) {
    super(`process.exit(${status})`);
  }
}

const V8: Record<string, string> = { 'nodejs20.x': '11.3.244.8-node.26', 'nodejs22.x': '12.4.254.21-node.24', 'nodejs24.x': '13.6.233.10-node.18' };
const MODULES: Record<string, string> = { 'nodejs20.x': '115', 'nodejs22.x': '127', 'nodejs24.x': '137' };

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
    versions: { node: version.slice(1), v8: V8[spec.runtime] ?? '12.4.254.21-node.24', uv: '1.49.2', zlib: '1.3.0.1-motley', modules: MODULES[spec.runtime] ?? '127' },
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
    // Estimated, as the REPORT's Max Memory Used is: a browser worker has no figure of its own.
    memoryUsage: Object.assign(
      () => ({ rss: 70 * 1024 * 1024, heapTotal: 12 * 1024 * 1024, heapUsed: 8 * 1024 * 1024, external: 1024 * 1024, arrayBuffers: 64 * 1024 }),
      { rss: () => 70 * 1024 * 1024 },
    ),
    release: { name: 'node', lts: { 'nodejs20.x': 'Iron', 'nodejs22.x': 'Jod', 'nodejs24.x': 'Krypton' }[spec.runtime] },
    execPath: '/var/lang/bin/node',
    title: '/var/lang/bin/node',
    execArgv: [],
    exitCode: undefined,
    emitWarning: (warning: string | Error, type?: string) => console.error(`(node:8) ${typeof warning === 'string' ? `${type ?? 'Warning'}: ${warning}` : `${warning.name}: ${warning.message}`}`),
    stdout: { write: (s: string) => (console.log(String(s).replace(/\n$/, '')), true), isTTY: false },
    stderr: { write: (s: string) => (console.error(String(s).replace(/\n$/, '')), true), isTTY: false },
    off: () => undefined,
    emit: () => false,
    listeners: () => [],
    removeListener: () => undefined,
    removeAllListeners: () => undefined,
    exit: (code = 0): never => {
      throw new ProcessExit(code);
    },
    on: () => undefined,
    once: () => undefined,
  };
  target.global = target;
  // Node's globals that a worker lacks: setImmediate runs as a macrotask, after pending I/O callbacks and microtasks.
  if (typeof target.setImmediate !== 'function') {
    target.setImmediate = (fn: (...a: unknown[]) => void, ...args: unknown[]) => setTimeout(fn, 0, ...args);
    target.clearImmediate = (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle);
  }
}
