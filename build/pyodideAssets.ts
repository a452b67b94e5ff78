import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The Pyodide files a Python execution environment needs, vendored from the
 * `pyodide` npm package: the loader, the Emscripten glue, CPython compiled to
 * WebAssembly, the standard library and the package lock. They are served
 * from the app's own origin under `pyodide/` (never from a CDN), so Python
 * works offline, and they are fetched only when a Python function starts.
 */
export const PYODIDE_FILES = ['pyodide.js', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
const DIR = 'pyodide/';

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json'));
}

const TYPES: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', zip: 'application/zip', json: 'application/json' };

export function pyodideAssets(): Plugin {
  return {
    name: 'pyodide-assets',
    configureServer(server) {
      const dir = packageDir();
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (!path.includes(`/${DIR}`) || !(PYODIDE_FILES as readonly string[]).includes(name)) return next();
        res.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      const dir = packageDir();
      for (const name of PYODIDE_FILES) this.emitFile({ type: 'asset', fileName: DIR + name, source: readFileSync(join(dir, name)) });
    },
  };
}
