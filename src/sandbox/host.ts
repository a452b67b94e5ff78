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
/**
 * A worker already booting Pyodide, with no environment yet: the next Python
 * environment takes it, and another starts. It has run no function code and
 * has no port until it is given one. (Its boot is never counted in Init.)
 */
let sparePython: Worker | null = null;
/** The spare has said its boot is done (before it was given an environment). */
let spareReady = false;
/** A spare was taken while still booting: the next one starts when that boot ends, so two boots do not share the CPU. */
let waitingFor: Worker | null = null;

function newWorker(name: string): Worker {
  const worker = new Worker(runtimeUrl, { name });
  // Workers get no channel to this window beyond the port they are given.
  worker.onmessage = null;
  return worker;
}

function bootSparePython(): void {
  if (sparePython || !python) return;
  const worker = newWorker('python-spare');
  sparePython = worker;
  spareReady = false;
  // The one message a worker sends this window: its boot is done. It is sent before any function code runs, and
  // never after the worker is sealed (an environment's Init seals it first), so a booted spare taken late stays quiet.
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if ((event.data as { pyodideReady?: unknown } | null)?.pyodideReady !== true) return;
    worker.onmessage = null;
    if (sparePython === worker) spareReady = true;
    else if (waitingFor === worker) {
      waitingFor = null;
      bootSparePython();
    }
  };
  worker.postMessage({ python });
}

const api: SandboxApi = {
  spawn(envId, port, wantsPython) {
    const spare = wantsPython ? sparePython : null;
    const worker = spare ?? newWorker(envId);
    worker.onerror = (event) => {
      event.preventDefault();
      failed.push(envId);
    };
    if (spare) {
      sparePython = null;
      worker.postMessage({ port }, [port]);
      if (spareReady) bootSparePython();
      else waitingFor = spare;
    } else {
      worker.postMessage({ port, ...(wantsPython && python ? { python } : {}) }, [port]);
      if (wantsPython && !waitingFor) bootSparePython();
    }
    workers.set(envId, worker);
  },
  preparePython(bundle) {
    compiling ??= WebAssembly.compile(bundle.wasm).then(
      (module) => {
        python = { pyodideJs: bundle.pyodideJs, asmJs: bundle.asmJs, module, stdlib: bundle.stdlib, lock: bundle.lock };
        bootSparePython();
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
