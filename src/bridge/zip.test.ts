import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, ZipError } from './zipReader';
import { writeZip, type ZipEntry } from './zipWriter';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const has = (tool: string): boolean => spawnSync(tool, ['-v'], { stdio: 'ignore' }).status === 0;

function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const ENTRIES: ZipEntry[] = [
  { path: 'template.yaml', data: text('AWSTemplateFormatVersion: "2010-09-09"\n'.repeat(50)) },
  { path: 'src/grüße/index.mjs', data: text('export const handler = async () => "ünïcödé 🚀";\n') },
  { path: 'events/empty.json', data: new Uint8Array(0) },
  { path: 'bin/noise.dat', data: noise(5000) },
];

describe('zip writer and reader', () => {
  it('round-trips names, text, empty and incompressible files', async () => {
    const zip = await writeZip(ENTRIES, new Date(2026, 0, 2, 3, 4, 6));
    const back = await readZip(zip);
    expect(back.map((e) => e.path)).toEqual(ENTRIES.map((e) => e.path));
    back.forEach((e, i) => expect(e.data).toEqual(ENTRIES[i]!.data));
    expect(zip.length).toBeLessThan(ENTRIES.reduce((n, e) => n + e.data.length, 0));
  });

  it('refuses repeated paths and paths that climb out', async () => {
    await expect(writeZip([ENTRIES[0]!, ENTRIES[0]!], new Date())).rejects.toThrow(/repeated/);
    await expect(writeZip([{ path: '../x', data: new Uint8Array() }], new Date())).rejects.toThrow();
  });

  it('says what is wrong with a damaged zip', async () => {
    await expect(readZip(text('not a zip at all, just text'))).rejects.toBeInstanceOf(ZipError);
    const zip = await writeZip(ENTRIES.slice(0, 2), new Date());
    const damaged = zip.slice();
    damaged[50] = (damaged[50] ?? 0) ^ 0xff; // inside the first entry's data
    await expect(readZip(damaged)).rejects.toThrow(/damaged|decompress/);
  });

  it.skipIf(!has('unzip'))('writes archives that Info-ZIP unzip tests clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    const file = join(dir, 'out.zip');
    writeFileSync(file, await writeZip(ENTRIES, new Date(2026, 5, 15, 12, 30, 0)));
    const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(listing).toContain('No errors detected');
    expect(execFileSync('unzip', ['-p', file, 'src/grüße/index.mjs'], { encoding: 'utf8' })).toContain('ünïcödé 🚀');
  });

  it.skipIf(!has('zip'))('reads archives written by Info-ZIP zip, streamed with data descriptors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    writeFileSync(join(dir, 'index.mjs'), 'export const handler = async () => 42;\n'.repeat(20));
    execFileSync('zip', ['-q', 'plain.zip', 'index.mjs'], { cwd: dir });
    const streamed = execFileSync('zip', ['-q', '-', 'index.mjs'], { cwd: dir });
    for (const bytes of [readFileSync(join(dir, 'plain.zip')), streamed]) {
      const [entry] = await readZip(new Uint8Array(bytes));
      expect(entry?.path).toBe('index.mjs');
      expect(new TextDecoder().decode(entry?.data)).toContain('async () => 42');
    }
  });
});
