import type { PythonBoot } from '../../protocol/messages';

/** The part of Pyodide's API the runtime uses. */
export interface Pyodide {
  runPython(code: string): unknown;
  registerJsModule(name: string, module: object): void;
  setStdout(options: { batched: (line: string) => void }): void;
  setStderr(options: { batched: (line: string) => void }): void;
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  pyimport(name: string): PythonModule;
  version: string;
}

/** A Python module seen from JavaScript: its functions take and return plain values. */
export type PythonModule = Record<string, (...args: unknown[]) => unknown>;

type LoadPyodide = (options: Record<string, unknown>) => Promise<Pyodide>;

/** Pyodide asks for its files under this (never fetched) address: they are answered from memory. */
const INDEX_URL = 'https://pyodide.invalid/';
/** A boot that has not finished by then never will (Pyodide waits forever on a WebAssembly failure). */
export const BOOT_LIMIT_MS = 120_000;

/**
 * Boot Pyodide in this worker from what the sandbox frame handed over: the
 * loader and the Emscripten glue run from Blob URLs (the only scripts the
 * sandbox's policy allows), the WebAssembly module the frame compiled once is
 * instantiated here, and the standard library comes from memory. Nothing is
 * fetched: the function's network setting does not matter, and it works
 * offline. `importScripts`, `fetch` and `instantiateStreaming` are the
 * worker's own, taken before any function code runs.
 */
export async function bootPyodide(boot: PythonBoot, scope: Record<string, unknown>, stdout: (line: string) => void): Promise<Pyodide> {
  const load = (text: string): void => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    try {
      (scope.importScripts as (url: string) => void)(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  };
  load(boot.pyodideJs);
  load(boot.asmJs); // defines _createPyodideModule, so Pyodide loads no glue of its own
  const realFetch = scope.fetch;
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  const realInstantiateStreaming = wasm.instantiateStreaming;
  scope.fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === `${INDEX_URL}python_stdlib.zip`) return Promise.resolve(new Response(boot.stdlib, { headers: { 'Content-Type': 'application/zip' } }));
    if (url === `${INDEX_URL}pyodide.asm.wasm`) return Promise.resolve(new Response(new Uint8Array(0), { headers: { 'Content-Type': 'application/wasm' } }));
    return Promise.reject(new TypeError(`Pyodide asked for ${url}, which this playground does not serve`));
  };
  wasm.instantiateStreaming = async (_source: unknown, imports: WebAssembly.Imports) => ({ module: boot.module, instance: await WebAssembly.instantiate(boot.module, imports) });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const loadPyodide = scope.loadPyodide as LoadPyodide;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Pyodide did not start within ${BOOT_LIMIT_MS / 1000} s`)), BOOT_LIMIT_MS);
    });
    return await Promise.race([loadPyodide({ indexURL: INDEX_URL, lockFileContents: boot.lock, packageBaseUrl: INDEX_URL, stdout, stderr: stdout, fullStdLib: false }), limit]);
  } finally {
    clearTimeout(timer);
    scope.fetch = realFetch;
    wasm.instantiateStreaming = realInstantiateStreaming;
  }
}
