/**
 * The script of the sandbox frame: an `<iframe sandbox="allow-scripts">` with
 * an opaque origin and a strict Content-Security-Policy. It starts one
 * classic Blob-URL worker per execution environment and hands each the
 * MessagePort the app made for it; after that the app and the worker talk
 * directly. Handler code never runs in this window, only in its workers.
 */
import * as Comlink from 'comlink';
import type { PythonBoot, SandboxApi } from '../protocol/messages';

declare const RUNTIME_SOURCE: string;

const runtimeUrl = URL.createObjectURL(new Blob([RUNTIME_SOURCE], { type: 'text/javascript' }));
const workers = new Map<string, Worker>();
const failed: string[] = [];
/** Pyodide for this frame's Python environments, its WebAssembly compiled once (each worker instantiates the shared module). */
let python: PythonBoot | null = null;
let compiling: Promise<void> | null = null;

const api: SandboxApi = {
  spawn(envId, port, wantsPython) {
    const worker = new Worker(runtimeUrl, { name: envId });
    worker.onerror = (event) => {
      event.preventDefault();
      failed.push(envId);
    };
    // Workers get no channel to this window beyond the port they are given.
    worker.onmessage = null;
    worker.postMessage({ port, ...(wantsPython && python ? { python } : {}) }, [port]);
    workers.set(envId, worker);
  },
  preparePython(bundle) {
    compiling ??= WebAssembly.compile(bundle.wasm).then(
      (module) => {
        python = { pyodideJs: bundle.pyodideJs, asmJs: bundle.asmJs, module, stdlib: bundle.stdlib, lock: bundle.lock };
      },
      (error: unknown) => {
        compiling = null;
        throw error;
      },
    );
    return compiling;
  },
  kill(envId) {
    workers.get(envId)?.terminate();
    workers.delete(envId);
  },
  ping() {
    return failed.splice(0);
  },
  workerCount() {
    return workers.size;
  },
};

Comlink.expose(api, Comlink.windowEndpoint(self.parent));
self.parent.postMessage({ sandboxReady: true }, '*');
