import type { PythonBundle } from '../protocol/messages';

/** The files, served by the app itself under `pyodide/` (build/pyodideAssets.ts). */
const FILES = { pyodideJs: 'pyodide.js', asmJs: 'pyodide.asm.js', wasm: 'pyodide.asm.wasm', stdlib: 'python_stdlib.zip', lock: 'pyodide-lock.json' } as const;

let loading: Promise<PythonBundle> | null = null;

async function fetchFile(name: string): Promise<Response> {
  const response = await fetch(new URL(`pyodide/${name}`, document.baseURI));
  if (!response.ok) throw new Error(`Pyodide's ${name} could not be loaded (HTTP ${response.status})`);
  return response;
}

/**
 * Pyodide's files, fetched once per tab and only when a Python environment
 * first starts: a page with no Python function never downloads them (about
 * 12 MB, 8.6 MB of it CPython's WebAssembly).
 */
export function loadPythonBundle(): Promise<PythonBundle> {
  loading ??= Promise.all([
    fetchFile(FILES.pyodideJs).then((r) => r.text()),
    fetchFile(FILES.asmJs).then((r) => r.text()),
    fetchFile(FILES.wasm).then((r) => r.arrayBuffer()),
    fetchFile(FILES.stdlib).then((r) => r.arrayBuffer()),
    fetchFile(FILES.lock).then((r) => r.text()),
  ]).then(([pyodideJs, asmJs, wasm, stdlib, lock]) => ({ pyodideJs, asmJs, wasm, stdlib, lock }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
