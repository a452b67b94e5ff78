import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { bundleString } from './build/bundleString.ts';
import { pyodideAssets } from './build/pyodideAssets.ts';
import { awsSdkAssets } from './build/awsSdkAssets.ts';

/** `.py` files imported by the runtime are text (the bundled runtime gets them from esbuild's text loader; this is for unit tests). */
const pythonText: Plugin = {
  name: 'python-text',
  load(id) {
    return id.endsWith('.py') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
  },
};

export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react(), bundleString({ minify: command === 'build' }), pyodideAssets(), awsSdkAssets(), pythonText],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  server: { port: 5173, strictPort: false },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'build/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/vitestSetup.ts'],
    // The suite must pass on a busy machine: no test asserts on wall time, so a slow run is only slow.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
}));
