/**
 * `fs`: the environment's file system (vfs.ts). `/tmp` lives as long as the
 * worker, so it survives warm invokes and is empty on a new environment;
 * its size is the function's ephemeral storage (ENOSPC past it). Every
 * call has its sync, callback and promise form (`fs.promises`, `fs/promises`).
 * File descriptors (open/read/write by fd) and watchers are not here.
 */
import { Buffer } from './buffer';
import { argTypeError, syncApi, toPath, type SyncApi } from './fsSync';
import { stream } from './stream';
import type { ReadableLike, WritableLike } from './streamTypes';
import { Stats, Vfs } from './vfs';

interface PlaygroundGlobals {
  __playgroundEphemeralStorageMb?: number;
  __playgroundHandlerFile?: { path: string; text: string };
  /** The function's layers, extracted into /opt (read-only). */
  __playgroundLayerFiles?: { path: string; content: string }[];
}

const globals = globalThis as unknown as PlaygroundGlobals;
const handlerFile = globals.__playgroundHandlerFile;
const readOnlyFiles: Record<string, string> = Object.fromEntries((globals.__playgroundLayerFiles ?? []).map((f) => [f.path, f.content]));
if (handlerFile) readOnlyFiles[handlerFile.path] = handlerFile.text;
export const vfs = new Vfs((globals.__playgroundEphemeralStorageMb ?? 512) * 1024 * 1024, readOnlyFiles);
const sync = syncApi(vfs);

type Callback = (err: Error | null, value?: unknown) => void;
type SyncName = keyof SyncApi;

/** Node's callback form: the same work, the callback called later (as after the I/O). */
function callbackForm(fn: (...args: unknown[]) => unknown) {
  return (...args: unknown[]): void => {
    const cb = args.pop();
    if (typeof cb !== 'function') throw argTypeError('cb', 'of type function', cb);
    let value: unknown;
    let error: Error | null = null;
    try {
      value = fn(...args);
    } catch (err) {
      error = err as Error;
    }
    setTimeout(() => (error ? (cb as Callback)(error) : (cb as Callback)(null, value)), 0);
  };
}

function promiseForm(fn: (...args: unknown[]) => unknown) {
  return async (...args: unknown[]): Promise<unknown> => {
    await Promise.resolve();
    return fn(...args);
  };
}

const PAIRS: [string, SyncName][] = [
  ['readFile', 'readFileSync'], ['writeFile', 'writeFileSync'], ['appendFile', 'appendFileSync'], ['stat', 'statSync'],
  ['lstat', 'lstatSync'], ['readdir', 'readdirSync'], ['mkdir', 'mkdirSync'], ['rm', 'rmSync'], ['rmdir', 'rmdirSync'],
  ['unlink', 'unlinkSync'], ['rename', 'renameSync'], ['copyFile', 'copyFileSync'], ['access', 'accessSync'],
  ['mkdtemp', 'mkdtempSync'], ['truncate', 'truncateSync'], ['realpath', 'realpathSync'],
];

const callbacks: Record<string, unknown> = {};
const promises: Record<string, unknown> = {};
for (const [name, syncName] of PAIRS) {
  const fn = sync[syncName] as (...args: unknown[]) => unknown;
  callbacks[name] = callbackForm(fn);
  promises[name] = promiseForm(fn);
}

/** `fs.exists` is the one callback without an error argument. */
function exists(path: unknown, cb: (exists: boolean) => void): void {
  if (typeof cb !== 'function') throw argTypeError('cb', 'of type function', cb);
  const found = sync.existsSync(path);
  setTimeout(() => cb(found), 0);
}

type StreamOptions = { encoding?: string; start?: number; end?: number; highWaterMark?: number; flags?: string };

function createReadStream(path: string | Uint8Array | URL, options?: string | StreamOptions): ReadableLike & { path: string; bytesRead: number } {
  const [raw] = toPath(path);
  const o: StreamOptions = typeof options === 'string' ? { encoding: options } : (options ?? {});
  const size = o.highWaterMark ?? 64 * 1024;
  let data: Uint8Array | null = null;
  let offset = o.start ?? 0;
  const s = new stream.Readable({
    highWaterMark: size,
    ...(o.encoding ? { encoding: o.encoding } : {}),
    read() {
      try {
        if (!data) {
          data = sync.readFileSync(path) as Buffer;
          s.emit('open', 3);
          s.emit('ready');
        }
      } catch (err) {
        s.destroy(err as Error);
        return;
      }
      const end = Math.min(data.byteLength, o.end === undefined ? Infinity : o.end + 1);
      if (offset >= end) {
        this.push(null);
        return;
      }
      const chunk = data.subarray(offset, Math.min(end, offset + size));
      offset += chunk.byteLength;
      out.bytesRead += chunk.byteLength;
      this.push(Buffer.from(chunk));
    },
  });
  const out = Object.assign(s, { path: raw, bytesRead: 0 });
  return out;
}

function createWriteStream(path: string | Uint8Array | URL, options?: string | StreamOptions): WritableLike & { path: string; bytesWritten: number } {
  const [raw] = toPath(path);
  const o: StreamOptions = typeof options === 'string' ? { encoding: options } : (options ?? {});
  let opened = false;
  const open = (): void => {
    if (opened) return;
    opened = true;
    sync.writeFileSync(path, new Uint8Array(0), { flag: o.flags === 'a' ? 'a' : (o.flags ?? 'w') });
  };
  const w = new stream.Writable({
    write(chunk, _enc, cb) {
      try {
        open();
        sync.appendFileSync(path, chunk);
        out.bytesWritten += chunk.byteLength;
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    final(cb) {
      try {
        open();
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
  const out = Object.assign(w, { path: raw, bytesWritten: 0 });
  queueMicrotask(() => {
    try {
      open();
      w.emit('open', 3);
      w.emit('ready');
    } catch (err) {
      w.destroy(err as Error);
    }
  });
  return out;
}

const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024 };

const fsPromises = { ...promises, constants };
const fs = { ...sync, ...callbacks, exists, createReadStream, createWriteStream, Stats, constants, ...constants, promises: fsPromises };

export { fsPromises };
export default fs;
