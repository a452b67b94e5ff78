/**
 * The app as users get it, for bench/appBench.mjs: Vite's build() into
 * node_modules/.vite-bench/app-dist (production mode, production React),
 * reused while no input changed, and served by Vite's preview() on a free
 * port (no COOP/COEP).
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';

/** The newest modification time (ms) of anything the build reads from the tree, dependencies included. */
async function newestInput(root) {
  let newest = 0;
  const visit = async (path) => {
    const s = await stat(path).catch(() => null);
    if (!s) return;
    newest = Math.max(newest, s.mtimeMs);
    if (s.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  for (const dir of ['src', 'build', 'public']) await visit(resolve(root, dir));
  for (const file of ['index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json']) await visit(resolve(root, file));
  return newest;
}

/**
 * Build the app into node_modules/.vite-bench/app-dist, unless the build
 * there is newer than every input and was made with the same options.
 */
export async function buildApp(root, { sourcemap = false } = {}) {
  const configFile = resolve(root, 'vite.config.ts');
  const outDir = resolve(root, 'node_modules/.vite-bench/app-dist');
  const stampFile = `${outDir}.stamp.json`;
  const t0 = Date.now();
  const inputsMs = await newestInput(root);
  const stamp = { inputsMs, sourcemap };
  const previous = await readFile(stampFile, 'utf8').then(JSON.parse, () => null);
  const reused = previous?.inputsMs === inputsMs && previous?.sourcemap === sourcemap && (await stat(resolve(outDir, 'index.html')).catch(() => null)) !== null;
  // The bench's dev server set NODE_ENV=development for this process; Vite would then bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    if (!reused) await rm(stampFile, { force: true });
    if (!reused) await build({
      root,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      // Hidden source maps only for --profile: the script the page runs is the same either way.
      build: { outDir, emptyOutDir: true, sourcemap: sourcemap ? 'hidden' : false, rolldownOptions: { checks: { bundlerTimings: false } } },
    });
    if (!reused) await writeFile(stampFile, JSON.stringify(stamp));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return { buildMs: Date.now() - t0, reused, outDir };
}

/** Serve a build with vite preview on a free port. */
export async function serveApp(root, outDir) {
  const configFile = resolve(root, 'vite.config.ts');
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Whether any script of the build holds React DOM's development build (one of its dev-only messages). */
export async function holdsDevReact(assets) {
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js') && (await readFile(resolve(assets, name), 'utf8')).includes('listenToNonDelegatedEvent() call')) return true;
  }
  return false;
}
