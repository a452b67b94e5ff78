/**
 * The file system of one execution environment, in memory: `/tmp` is
 * writable up to the function's ephemeral storage, everything else is
 * read-only (`/var/task` holds the handler file). Errors have Node's shape:
 * `ENOENT: no such file or directory, open '/tmp/x'` with errno, code,
 * syscall and path. Sizes count file contents only.
 */
import { Buffer } from './buffer';

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [-2, 'no such file or directory'],
  EBADF: [-9, 'bad file descriptor'],
  EBUSY: [-16, 'resource busy or locked'],
  EACCES: [-13, 'permission denied'],
  EEXIST: [-17, 'file already exists'],
  ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'],
  EINVAL: [-22, 'invalid argument'],
  ENOSPC: [-28, 'no space left on device'],
  EROFS: [-30, 'read-only file system'],
  ENOTEMPTY: [-39, 'directory not empty'],
};

export type FsError = Error & { errno: number; code: string; syscall: string; path?: string; dest?: string };

export function fsError(code: string, syscall: string, path?: string, dest?: string): FsError {
  const [errno, text] = ERRNO[code] ?? [-22, code];
  const where = path === undefined ? '' : dest === undefined ? ` '${path}'` : ` '${path}' -> '${dest}'`;
  const err = new Error(`${code}: ${text}, ${syscall}${where}`) as FsError;
  Object.assign(err, { errno, code, syscall }, path === undefined ? {} : { path }, dest === undefined ? {} : { dest });
  return err;
}

export interface Entry {
  kind: 'file' | 'dir';
  data: Uint8Array;
  mode: number;
  ino: number;
  birthtimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  atimeMs: number;
}

export class Stats {
  readonly dev = 2049;
  readonly nlink = 1;
  readonly uid = 993;
  readonly gid = 990;
  readonly rdev = 0;
  readonly blksize = 4096;
  readonly ino: number;
  readonly mode: number;
  readonly size: number;
  readonly blocks: number;
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly birthtimeMs: number;
  readonly atime: Date;
  readonly mtime: Date;
  readonly ctime: Date;
  readonly birthtime: Date;

  constructor(e: Entry) {
    this.ino = e.ino;
    this.mode = e.mode;
    this.size = e.kind === 'dir' ? 4096 : e.data.byteLength;
    this.blocks = Math.ceil(this.size / 4096) * 8;
    this.atimeMs = e.atimeMs;
    this.mtimeMs = e.mtimeMs;
    this.ctimeMs = e.ctimeMs;
    this.birthtimeMs = e.birthtimeMs;
    this.atime = new Date(e.atimeMs);
    this.mtime = new Date(e.mtimeMs);
    this.ctime = new Date(e.ctimeMs);
    this.birthtime = new Date(e.birthtimeMs);
  }
  isFile(): boolean {
    return (this.mode & 0o170000) === 0o100000;
  }
  isDirectory(): boolean {
    return (this.mode & 0o170000) === 0o040000;
  }
  isSymbolicLink = (): boolean => false;
  isBlockDevice = (): boolean => false;
  isCharacterDevice = (): boolean => false;
  isFIFO = (): boolean => false;
  isSocket = (): boolean => false;
}

export const TMP = '/tmp';

/** An absolute, normalised path: relative ones are taken from the working directory, /var/task. */
export function normalize(p: string): string {
  const parts: string[] = [];
  for (const part of (p.startsWith('/') ? p : `/var/task/${p}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export class Vfs {
  private readonly entries = new Map<string, Entry>();
  private used = 0;
  private nextIno = 2;

  constructor(
    private readonly capacityBytes: number,
    readOnlyFiles: Record<string, string>,
    private readonly now: () => number = Date.now,
  ) {
    for (const dir of ['/', '/tmp', '/var', '/var/task', '/var/runtime', '/opt', '/etc']) this.entries.set(dir, this.entry('dir', new Uint8Array(0), dir === '/tmp' ? 0o41777 : 0o40755));
    for (const [path, text] of Object.entries(readOnlyFiles)) {
      // Their folders too (a layer's /opt/nodejs/node_modules/…), read-only like them.
      for (let dir = parentOf(path); dir !== '/' && !this.entries.has(dir); dir = parentOf(dir)) this.entries.set(dir, this.entry('dir', new Uint8Array(0), 0o40755));
      this.entries.set(path, this.entry('file', Buffer.from(text, 'utf8'), 0o100644));
    }
  }

  private entry(kind: Entry['kind'], data: Uint8Array, mode: number): Entry {
    const t = this.now();
    return { kind, data, mode, ino: this.nextIno++, birthtimeMs: t, mtimeMs: t, ctimeMs: t, atimeMs: t };
  }

  get usedBytes(): number {
    return this.used;
  }

  writable(path: string): boolean {
    return path.startsWith(`${TMP}/`);
  }

  /** The entry at `path`; ENOENT or ENOTDIR (a file in the way) as Node words them. */
  lookup(path: string, syscall: string, original = path): Entry {
    const e = this.entries.get(path);
    if (e) return e;
    for (let p = parentOf(path); p !== '/'; p = parentOf(p)) {
      const up = this.entries.get(p);
      if (up?.kind === 'file') throw fsError('ENOTDIR', syscall, original);
      if (up) break;
    }
    throw fsError('ENOENT', syscall, original);
  }

  find(path: string): Entry | undefined {
    return this.entries.get(path);
  }

  /** Check that a new entry may be created at `path` (its parent a directory, the file system writable). */
  private checkCreate(path: string, syscall: string, original: string): void {
    const parent = this.entries.get(parentOf(path));
    if (!parent) this.lookup(parentOf(path), syscall, original);
    if (parent && parent.kind !== 'dir') throw fsError('ENOTDIR', syscall, original);
    if (!this.writable(path)) throw fsError('EROFS', syscall, original);
  }

  writeFile(path: string, data: Uint8Array, flag: string, mode: number, original: string): void {
    const existing = this.entries.get(path);
    if (existing?.kind === 'dir') throw fsError('EISDIR', 'open', original);
    if (existing && flag.includes('x')) throw fsError('EEXIST', 'open', original);
    if (!existing) this.checkCreate(path, 'open', original);
    else if (!this.writable(path)) throw fsError('EROFS', 'open', original);
    const append = flag.startsWith('a');
    const old = existing?.data ?? new Uint8Array(0);
    const next = append ? concat(old, data) : data.slice();
    const growth = next.byteLength - old.byteLength;
    if (growth > 0 && this.used + growth > this.capacityBytes) throw fsError('ENOSPC', 'write');
    this.used += growth;
    if (existing) {
      existing.data = next;
      existing.mtimeMs = existing.ctimeMs = this.now();
    } else {
      this.entries.set(path, this.entry('file', next, 0o100000 | (mode & 0o777 & ~0o022)));
      this.touch(parentOf(path));
    }
  }

  mkdir(path: string, recursive: boolean, original: string): string | undefined {
    const existing = this.entries.get(path);
    if (existing) {
      if (recursive && existing.kind === 'dir') return undefined;
      throw fsError('EEXIST', 'mkdir', original);
    }
    if (recursive && !this.entries.has(parentOf(path)) && path !== '/') {
      const first = this.mkdir(parentOf(path), true, original);
      this.mkdirOne(path, original);
      return first ?? path;
    }
    this.mkdirOne(path, original);
    return recursive ? path : undefined;
  }

  private mkdirOne(path: string, original: string): void {
    this.checkCreate(path, 'mkdir', original);
    this.entries.set(path, this.entry('dir', new Uint8Array(0), 0o40755));
    this.touch(parentOf(path));
  }

  children(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    const names: string[] = [];
    for (const key of this.entries.keys()) {
      if (key !== path && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.push(baseOf(key));
    }
    return names.sort();
  }

  remove(path: string, syscall: string, original: string): void {
    if (!this.writable(path)) throw fsError(path === TMP ? 'EBUSY' : 'EROFS', syscall, original);
    const e = this.lookup(path, syscall, original);
    if (e.kind === 'dir') for (const name of this.children(path)) this.remove(`${path}/${name}`, syscall, original);
    this.used -= e.kind === 'file' ? e.data.byteLength : 0;
    this.entries.delete(path);
    this.touch(parentOf(path));
  }

  rename(from: string, to: string, original: [string, string]): void {
    const src = this.entries.get(from);
    if (!src) throw fsError('ENOENT', 'rename', original[0], original[1]);
    if (!this.writable(from) || !this.writable(to)) throw fsError('EROFS', 'rename', original[0], original[1]);
    const parent = this.entries.get(parentOf(to));
    if (!parent) throw fsError('ENOENT', 'rename', original[0], original[1]);
    if (to === from) return;
    if (to.startsWith(`${from}/`)) throw fsError('EINVAL', 'rename', original[0], original[1]);
    const target = this.entries.get(to);
    if (target) {
      if (src.kind === 'file' && target.kind === 'dir') throw fsError('EISDIR', 'rename', original[0], original[1]);
      if (src.kind === 'dir' && target.kind === 'file') throw fsError('ENOTDIR', 'rename', original[0], original[1]);
      if (target.kind === 'dir' && this.children(to).length > 0) throw fsError('ENOTEMPTY', 'rename', original[0], original[1]);
      this.used -= target.kind === 'file' ? target.data.byteLength : 0;
      this.entries.delete(to);
    }
    const moved = [...this.entries.keys()].filter((k) => k === from || k.startsWith(`${from}/`));
    for (const key of moved) {
      const e = this.entries.get(key)!;
      this.entries.delete(key);
      this.entries.set(to + key.slice(from.length), e);
    }
    src.ctimeMs = this.now();
    this.touch(parentOf(from));
    this.touch(parentOf(to));
  }

  private touch(dir: string): void {
    const d = this.entries.get(dir);
    if (d) d.mtimeMs = d.ctimeMs = this.now();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
