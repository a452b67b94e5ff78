/**
 * The synchronous `fs` calls over the environment's Vfs, with Node's
 * argument checks; fs.ts derives the callback and promise forms from them.
 */
import { Buffer } from './buffer';
import { fsError, normalize, Stats, type Vfs } from './vfs';

type PathLike = string | Uint8Array | URL;
type Encoding = 'utf8' | 'utf-8' | 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'ascii' | 'ucs2' | 'utf16le';
type ReadOptions = Encoding | { encoding?: Encoding | null; flag?: string } | null | undefined;
type WriteOptions = Encoding | { encoding?: Encoding | null; flag?: string; mode?: number } | null | undefined;

function received(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${(value as { name: string }).name}`;
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  return `type ${typeof value} (${typeof value === 'string' ? `'${value}'` : String(value)})`;
}

export function argTypeError(name: string, expected: string, value: unknown): TypeError {
  return Object.assign(new TypeError(`The "${name}" argument must be ${expected}. Received ${received(value)}`), { code: 'ERR_INVALID_ARG_TYPE' });
}

/** The path as given (for messages) and its normalised absolute form. */
export function toPath(p: unknown, name = 'path'): [string, string] {
  let s: string;
  if (typeof p === 'string') s = p;
  else if (p instanceof Uint8Array) s = Buffer.from(p).toString('utf8');
  else if (p instanceof URL) {
    if (p.protocol !== 'file:') throw Object.assign(new TypeError('The URL must be of scheme file'), { code: 'ERR_INVALID_URL_SCHEME' });
    s = decodeURIComponent(p.pathname);
  } else throw argTypeError(name, 'of type string or an instance of Buffer or URL', p);
  if (s.includes('\u0000')) {
    // eslint-disable-next-line no-control-regex
    throw Object.assign(new TypeError(`The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received '${s.replace(/\u0000/g, '\\x00')}'`), { code: 'ERR_INVALID_ARG_VALUE' });
  }
  return [s, normalize(s)];
}

function dataBytes(data: unknown, encoding: Encoding | null | undefined): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, encoding ?? 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw argTypeError('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

const encodingOf = (o: ReadOptions | WriteOptions): Encoding | null | undefined => (typeof o === 'string' ? o : o?.encoding);

export class Dirent {
  constructor(
    readonly name: string,
    readonly parentPath: string,
    private readonly dir: boolean,
  ) {}
  get path(): string {
    return this.parentPath;
  }
  isFile(): boolean {
    return !this.dir;
  }
  isDirectory(): boolean {
    return this.dir;
  }
  isSymbolicLink = (): boolean => false;
}

export function syncApi(vfs: Vfs) {
  const readFileSync = (path: PathLike, options?: ReadOptions): Buffer | string => {
    const [raw, p] = toPath(path);
    const e = vfs.lookup(p, 'open', raw);
    if (e.kind === 'dir') throw fsError('EISDIR', 'read');
    const buf = Buffer.from(e.data);
    const enc = encodingOf(options);
    return enc ? buf.toString(enc) : buf;
  };
  const write = (flag: string) => (path: PathLike, data: unknown, options?: WriteOptions): void => {
    const [raw, p] = toPath(path, 'file');
    const o = typeof options === 'object' && options ? options : {};
    vfs.writeFile(p, dataBytes(data, encodingOf(options)), o.flag ?? flag, o.mode ?? 0o666, raw);
  };
  const statSync = (path: PathLike, options?: { throwIfNoEntry?: boolean }): Stats | undefined => {
    const [raw, p] = toPath(path);
    try {
      return new Stats(vfs.lookup(p, 'stat', raw));
    } catch (err) {
      if (options?.throwIfNoEntry === false && (err as { code?: string }).code === 'ENOENT') return undefined;
      throw err;
    }
  };
  const readdirSync = (path: PathLike, options?: Encoding | { withFileTypes?: boolean; encoding?: Encoding }): string[] | Dirent[] => {
    const [raw, p] = toPath(path);
    const e = vfs.lookup(p, 'scandir', raw);
    if (e.kind !== 'dir') throw fsError('ENOTDIR', 'scandir', raw);
    const names = vfs.children(p);
    if (typeof options === 'object' && options.withFileTypes) return names.map((n) => new Dirent(n, p, vfs.find(`${p === '/' ? '' : p}/${n}`)?.kind === 'dir'));
    return names;
  };
  const mkdirSync = (path: PathLike, options?: number | { recursive?: boolean; mode?: number }): string | undefined => {
    const [raw, p] = toPath(path);
    return vfs.mkdir(p, typeof options === 'object' && options !== null ? Boolean(options.recursive) : false, raw);
  };
  const rmSync = (path: PathLike, options?: { recursive?: boolean; force?: boolean }): void => {
    const [raw, p] = toPath(path);
    const e = vfs.find(p);
    if (!e) {
      if (options?.force) return;
      vfs.lookup(p, 'lstat', raw);
    }
    if (e?.kind === 'dir' && !options?.recursive) {
      throw Object.assign(new Error(`Path is a directory: rm returned EISDIR (is a directory) ${raw}`), { code: 'ERR_FS_EISDIR', errno: 21, syscall: 'rm', path: raw });
    }
    vfs.remove(p, 'rm', raw);
  };
  const rmdirSync = (path: PathLike, options?: { recursive?: boolean }): void => {
    const [raw, p] = toPath(path);
    const e = vfs.lookup(p, 'rmdir', raw);
    if (e.kind !== 'dir') throw fsError('ENOTDIR', 'rmdir', raw);
    if (!options?.recursive && vfs.children(p).length > 0) throw fsError('ENOTEMPTY', 'rmdir', raw);
    vfs.remove(p, 'rmdir', raw);
  };
  const unlinkSync = (path: PathLike): void => {
    const [raw, p] = toPath(path);
    const e = vfs.lookup(p, 'unlink', raw);
    if (e.kind === 'dir') throw fsError('EISDIR', 'unlink', raw);
    vfs.remove(p, 'unlink', raw);
  };
  const renameSync = (from: PathLike, to: PathLike): void => {
    const [rawFrom, f] = toPath(from, 'oldPath');
    const [rawTo, t] = toPath(to, 'newPath');
    vfs.rename(f, t, [rawFrom, rawTo]);
  };
  const copyFileSync = (from: PathLike, to: PathLike, mode = 0): void => {
    const [rawFrom, f] = toPath(from, 'src');
    const [rawTo, t] = toPath(to, 'dest');
    const e = vfs.lookup(f, 'copyfile', rawFrom);
    if (e.kind === 'dir') throw fsError('EISDIR', 'copyfile', rawFrom, rawTo);
    if (mode & 1 && vfs.find(t)) throw fsError('EEXIST', 'copyfile', rawFrom, rawTo);
    vfs.writeFile(t, e.data, 'w', e.mode, rawTo);
  };
  const existsSync = (path: unknown): boolean => {
    try {
      return vfs.find(toPath(path)[1]) !== undefined;
    } catch {
      return false;
    }
  };
  const accessSync = (path: PathLike, mode = 0): void => {
    const [raw, p] = toPath(path);
    vfs.lookup(p, 'access', raw);
    if (mode & 2 && !vfs.writable(p) && p !== '/tmp') throw fsError('EROFS', 'access', raw);
  };
  let tmpCounter = 0;
  const mkdtempSync = (prefix: string): string => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (;;) {
      const suffix = Array.from({ length: 6 }, (_, i) => chars[(Math.floor(Math.random() * 62) + i + tmpCounter++) % 62]).join('');
      const path = `${prefix}${suffix}`;
      if (!existsSync(path)) {
        mkdirSync(path);
        return path;
      }
    }
  };
  const truncateSync = (path: PathLike, len = 0): void => {
    const data = readFileSync(path) as Buffer;
    const next = new Uint8Array(len);
    next.set(data.subarray(0, len));
    write('w')(path, next);
  };
  return {
    readFileSync,
    writeFileSync: write('w'),
    appendFileSync: write('a'),
    statSync,
    lstatSync: statSync,
    readdirSync,
    mkdirSync,
    rmSync,
    rmdirSync,
    unlinkSync,
    renameSync,
    copyFileSync,
    existsSync,
    accessSync,
    mkdtempSync,
    truncateSync,
    realpathSync: (path: PathLike) => {
      const [raw, p] = toPath(path);
      vfs.lookup(p, 'lstat', raw);
      return p;
    },
  };
}

export type SyncApi = ReturnType<typeof syncApi>;
