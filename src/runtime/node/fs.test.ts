import * as realFs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncApi } from './fsSync';
import { Vfs } from './vfs';

/**
 * The same calls on Node's real file system (in a fresh directory) and on
 * the environment's /tmp (at /tmp/t): the same results, and errors with the
 * same code, errno, syscall and message, paths aside.
 */
let real: string;
const vfs = new Vfs(1024 * 1024, { '/var/task/index.mjs': 'export const handler = 1;' });
const fs = syncApi(vfs);

beforeAll(() => {
  real = mkdtempSync(join(tmpdir(), 'vfs-'));
  fs.mkdirSync('/tmp/t');
});
afterAll(() => realFs.rmSync(real, { recursive: true, force: true }));

type Outcome = { value: unknown } | { error: { code?: string; errno?: number; syscall?: string; message: string } };

function outcome(f: () => unknown, root: string): Outcome {
  try {
    const value = f();
    return { value: value instanceof Uint8Array ? Buffer.from(value).toString() : value === undefined ? undefined : typeof value === 'string' ? value.replace(root, '<root>') : value };
  } catch (e) {
    const err = e as Error & { code?: string; errno?: number; syscall?: string };
    return { error: { code: err.code, errno: err.errno, syscall: err.syscall, message: err.message.split(root).join('<root>') } };
  }
}

type Call = [string, (api: typeof realFs, root: string) => unknown];
const calls: Call[] = [
  ['write then read', (f, r) => (f.writeFileSync(`${r}/a.txt`, 'hello'), f.readFileSync(`${r}/a.txt`, 'utf8'))],
  ['append', (f, r) => (f.appendFileSync(`${r}/a.txt`, ' world'), f.readFileSync(`${r}/a.txt`, { encoding: 'utf8' }))],
  ['read missing', (f, r) => f.readFileSync(`${r}/missing.txt`)],
  ['read a directory', (f, r) => f.readFileSync(r)],
  ['write under a missing directory', (f, r) => f.writeFileSync(`${r}/no/such.txt`, 'x')],
  ['write through a file', (f, r) => f.writeFileSync(`${r}/a.txt/x`, 'x')],
  ['exclusive write of an existing file', (f, r) => f.writeFileSync(`${r}/a.txt`, 'x', { flag: 'wx' })],
  ['write data of a bad type', (f, r) => f.writeFileSync(`${r}/b.txt`, 42 as never)],
  ['path of a bad type', () => realFs.readFileSync === undefined || (fsOf() as typeof realFs).readFileSync(undefined as never)],
  ['mkdir', (f, r) => f.mkdirSync(`${r}/d`)],
  ['mkdir again', (f, r) => f.mkdirSync(`${r}/d`)],
  ['mkdir recursive', (f, r) => f.mkdirSync(`${r}/d/e/f`, { recursive: true })],
  ['mkdir recursive existing', (f, r) => f.mkdirSync(`${r}/d/e`, { recursive: true })],
  ['mkdir under missing', (f, r) => f.mkdirSync(`${r}/x/y`)],
  ['readdir', (f, r) => f.readdirSync(r)],
  ['readdir with types', (f, r) => f.readdirSync(`${r}/d`, { withFileTypes: true }).map((d) => [d.name, d.isDirectory()])],
  ['readdir missing', (f, r) => f.readdirSync(`${r}/nope`)],
  ['readdir of a file', (f, r) => f.readdirSync(`${r}/a.txt`)],
  ['stat', (f, r) => { const s = f.statSync(`${r}/a.txt`); return [s.size, s.isFile(), s.isDirectory()]; }],
  ['stat missing', (f, r) => f.statSync(`${r}/nope`)],
  ['stat missing, no throw', (f, r) => f.statSync(`${r}/nope`, { throwIfNoEntry: false })],
  ['exists', (f, r) => [f.existsSync(`${r}/a.txt`), f.existsSync(`${r}/nope`), f.existsSync(undefined as never)]],
  ['rename', (f, r) => (f.renameSync(`${r}/a.txt`, `${r}/b.txt`), f.readdirSync(r))],
  ['rename missing', (f, r) => f.renameSync(`${r}/nope`, `${r}/c.txt`)],
  ['copyFile', (f, r) => (f.copyFileSync(`${r}/b.txt`, `${r}/c.txt`), f.readFileSync(`${r}/c.txt`, 'utf8'))],
  ['unlink', (f, r) => (f.unlinkSync(`${r}/c.txt`), f.existsSync(`${r}/c.txt`))],
  ['unlink missing', (f, r) => f.unlinkSync(`${r}/c.txt`)],
  ['unlink a directory', (f, r) => f.unlinkSync(`${r}/d`)],
  ['rmdir not empty', (f, r) => f.rmdirSync(`${r}/d`)],
  ['rm a directory without recursive', (f, r) => f.rmSync(`${r}/d`)],
  ['rm missing', (f, r) => f.rmSync(`${r}/nope`)],
  ['rm missing, forced', (f, r) => f.rmSync(`${r}/nope`, { force: true })],
  ['rm recursive', (f, r) => (f.rmSync(`${r}/d`, { recursive: true }), f.readdirSync(r))],
];
let current = '';
const fsOf = (): unknown => (current === 'real' ? realFs : fs);

describe('fs against Node on a real directory', () => {
  it.each(calls)('%s', (_name, call) => {
    current = 'real';
    const expected = outcome(() => call(realFs, real), real);
    current = 'vfs';
    const got = outcome(() => call(fs as unknown as typeof realFs, '/tmp/t'), '/tmp/t');
    expect(got).toEqual(expected);
  });
});

describe('the environment around /tmp', () => {
  it('keeps the handler file read-only in /var/task, and the rest of the disk', () => {
    expect(fs.readFileSync('/var/task/index.mjs', 'utf8')).toBe('export const handler = 1;');
    expect(fs.readFileSync('index.mjs', 'utf8')).toBe('export const handler = 1;');
    expect(() => fs.writeFileSync('/var/task/index.mjs', 'x')).toThrow(expect.objectContaining({ code: 'EROFS', errno: -30, syscall: 'open', path: '/var/task/index.mjs', message: "EROFS: read-only file system, open '/var/task/index.mjs'" }));
    expect(() => fs.writeFileSync('/etc/passwd2', 'x')).toThrow("EROFS: read-only file system, open '/etc/passwd2'");
    expect(() => fs.mkdirSync('/var/task/sub')).toThrow("EROFS: read-only file system, mkdir '/var/task/sub'");
    expect(() => fs.unlinkSync('/var/task/index.mjs')).toThrow("EROFS: read-only file system, unlink '/var/task/index.mjs'");
    expect(() => fs.readFileSync('/var/task/missing.js')).toThrow(expect.objectContaining({ code: 'ENOENT', errno: -2, syscall: 'open', path: '/var/task/missing.js', message: "ENOENT: no such file or directory, open '/var/task/missing.js'" }));
  });

  it('is full at its ephemeral storage size: ENOSPC, and space comes back when files go', () => {
    const small = syncApi(new Vfs(1000, {}));
    small.writeFileSync('/tmp/a', Buffer.alloc(600));
    expect(() => small.writeFileSync('/tmp/b', Buffer.alloc(500))).toThrow(expect.objectContaining({ code: 'ENOSPC', errno: -28, message: 'ENOSPC: no space left on device, write' }));
    expect(() => small.appendFileSync('/tmp/a', Buffer.alloc(401))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    small.writeFileSync('/tmp/a', Buffer.alloc(100));
    small.writeFileSync('/tmp/b', Buffer.alloc(500));
    small.unlinkSync('/tmp/a');
    small.writeFileSync('/tmp/c', Buffer.alloc(500));
  });
});
