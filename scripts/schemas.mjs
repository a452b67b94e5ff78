#!/usr/bin/env node
/**
 * npm run schemas [-- --check]
 *
 * Writes docs/*.schema.json from the schemas the app reads with
 * (src/core/savedFormats.ts, bundled by esbuild into a temporary folder).
 * With --check, writes nothing and exits 1 when a file is not current.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'schemas-'));
try {
  const out = join(dir, 'savedFormats.mjs');
  await build({ entryPoints: [join(root, 'src/core/savedFormats.ts')], bundle: true, platform: 'neutral', format: 'esm', target: 'es2022', outfile: out, logLevel: 'warning' });
  const { SAVED_FORMATS, schemaFileText } = await import(pathToFileURL(out).href);
  let stale = 0;
  for (const format of SAVED_FORMATS) {
    const path = join(root, format.file);
    const text = schemaFileText(format);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // a new format: written below
    }
    if (current === text) continue;
    stale += 1;
    if (check) console.error(`${format.file} is not current: run npm run schemas`);
    else {
      writeFileSync(path, text);
      console.log(`wrote ${format.file}`);
    }
  }
  if (check && stale > 0) process.exitCode = 1;
  else if (stale === 0) console.log('docs/*.schema.json are current');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
