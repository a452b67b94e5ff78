import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { bundleString } from './build/bundleString.ts';

export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react(), bundleString({ minify: command === 'build' })],
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
