import { createHash as nodeCreateHash } from 'node:crypto';
import { gzipSync as nodeGzipSync } from 'node:zlib';
import type * as NodeAssert from 'node:assert';
import type * as NodeCrypto from 'node:crypto';
import type * as NodeEvents from 'node:events';
import type * as NodeFs from 'node:fs';
import type * as NodeFsPromises from 'node:fs/promises';
import type * as NodeOs from 'node:os';
import type * as NodePath from 'node:path';
import type * as NodeQuerystring from 'node:querystring';
import type * as NodeStreamPromises from 'node:stream/promises';
import type * as NodeStringDecoder from 'node:string_decoder';
import type * as NodeTimersPromises from 'node:timers/promises';
import type * as NodeUrl from 'node:url';
import type * as NodeUtil from 'node:util';
import type * as NodeZlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleBuiltin } from '../../../build/bundleString';
import { BUILTIN_FILES } from '../../protocol/nodeBuiltins';
import type { InitSpec } from '../../protocol/messages';
import { installProcess } from '../processShim';
import { createRegistry, makeNodeRequire } from './nodeRequire';

/**
 * The built-ins as a worker gets them: each file bundled on its own by the
 * build, registered on a worker-like global, required through the runtime.
 */
type Host = Record<string, unknown> & { __playgroundBuiltins?: Record<string, unknown> };
let host: Host;
let req: (id: string) => unknown;
const deps: Record<string, string[]> = {};

beforeAll(async () => {
  host = {};
  installProcess(host, { runtime: 'nodejs22.x', variables: {}, architecture: 'x86_64', memoryMb: 128 } as unknown as InitSpec);
  Object.assign(globalThis, { __playgroundEphemeralStorageMb: 512 });
  for (const file of new Set(Object.values(BUILTIN_FILES))) {
    const built = await bundleBuiltin(new URL(`./${file}.ts`, import.meta.url).pathname, false);
    deps[file] = built.deps;
    new Function('self', built.source)(host);
  }
  req = makeNodeRequire(createRegistry(host as Record<string, unknown>), '/var/task/index.mjs', false);
}, 60_000);

describe('built-ins bundled one by one', () => {
  it('registers every file, and each names the built-ins it uses instead of bundling them', () => {
    expect(Object.keys(host.__playgroundBuiltins ?? {}).sort()).toEqual([...new Set(Object.values(BUILTIN_FILES))].sort());
    expect(deps.crypto).toEqual(['buffer']);
    expect(deps.zlib).toEqual(expect.arrayContaining(['buffer', 'stream']));
    expect(deps.stream).toEqual(expect.arrayContaining(['buffer', 'events', 'string_decoder']));
    expect(deps.fsPromises).toEqual(['fs']);
  });

  it('shares one Buffer class between buffer, crypto, zlib and fs, and gives the global Buffer', () => {
    const { Buffer } = req('node:buffer') as { Buffer: typeof globalThis.Buffer };
    const crypto = req('crypto') as typeof NodeCrypto;
    const zlib = req('zlib') as typeof NodeZlib;
    const fs = req('fs') as typeof NodeFs;
    expect(crypto.createHash('sha256').update('x').digest()).toBeInstanceOf(Buffer);
    expect(zlib.gzipSync('x')).toBeInstanceOf(Buffer);
    fs.writeFileSync('/tmp/a', 'hello');
    expect(fs.readFileSync('/tmp/a')).toBeInstanceOf(Buffer);
    expect(host.Buffer).toBe(Buffer);
  });

  it('instantiates a built-in a sibling uses only when it is used: gzipSync needs no streams', () => {
    const registry = createRegistry(host as Record<string, unknown>);
    const loaded = (registry as unknown as { raw: Map<string, unknown> }).raw;
    const fresh = makeNodeRequire(registry, '/var/task/index.mjs', false);
    const zlib = fresh('zlib') as typeof NodeZlib;
    zlib.gunzipSync(zlib.gzipSync('x'));
    expect(loaded.has('stream')).toBe(false);
    zlib.createGzip();
    expect(loaded.has('stream')).toBe(true);
  });

  it('gives the same results as Node', () => {
    const crypto = req('node:crypto') as typeof NodeCrypto;
    const zlib = req('node:zlib') as typeof NodeZlib;
    expect(crypto.createHash('md5').update('hello').digest('hex')).toBe(nodeCreateHash('md5').update('hello').digest('hex'));
    const data = 'hello hello hello '.repeat(50);
    expect(Buffer.from(zlib.gzipSync(data)).equals(nodeGzipSync(data))).toBe(true);
    expect(zlib.gunzipSync(zlib.gzipSync(data)).toString()).toBe(data);
  });

  it('one /tmp shared by fs and fs/promises, streams through zlib', async () => {
    const fs = req('fs') as typeof NodeFs;
    const fsp = req('fs/promises') as typeof NodeFsPromises;
    const zlib = req('zlib') as typeof NodeZlib;
    const { pipeline } = req('stream/promises') as typeof NodeStreamPromises;
    expect(fsp).toBe(fs.promises);
    await fsp.writeFile('/tmp/in.txt', 'stream me '.repeat(1000));
    await pipeline(fs.createReadStream('/tmp/in.txt'), zlib.createGzip(), fs.createWriteStream('/tmp/in.txt.gz'));
    expect(zlib.gunzipSync(fs.readFileSync('/tmp/in.txt.gz')).toString()).toBe('stream me '.repeat(1000));
  });

  it('events, util, path, url, querystring, os, assert, timers and string_decoder load', async () => {
    const EventEmitter = req('events') as typeof NodeEvents.EventEmitter;
    const e = new EventEmitter();
    let got = 0;
    e.on('x', (n: number) => (got = n));
    e.emit('x', 3);
    expect(got).toBe(3);
    expect((req('util') as typeof NodeUtil).format('%s=%d', 'a', 1)).toBe('a=1');
    expect((req('path') as typeof NodePath).join('/tmp', '..', 'var', 'task')).toBe('/var/task');
    expect((req('url') as typeof NodeUrl).fileURLToPath('file:///var/task/index.mjs')).toBe('/var/task/index.mjs');
    expect((req('querystring') as typeof NodeQuerystring).stringify({ a: [1, 2] })).toBe('a=1&a=2');
    expect((req('os') as typeof NodeOs).tmpdir()).toBe('/tmp');
    expect(() => (req('assert') as typeof NodeAssert).strictEqual(1, 2)).toThrow(/strictly equal/);
    expect(await (req('timers/promises') as typeof NodeTimersPromises).setTimeout(1, 'v')).toBe('v');
    const { StringDecoder } = req('string_decoder') as typeof NodeStringDecoder;
    const d = new StringDecoder('utf8');
    expect(d.write(Buffer.from([0xe2, 0x82])) + d.write(Buffer.from([0xac]))).toBe('€');
  });

  it('module.createRequire gives a require with CommonJS errors; process is the runtime shim', () => {
    const mod = req('node:module') as { createRequire(p: string): (id: string) => unknown; builtinModules: string[]; isBuiltin(id: string): boolean };
    expect(mod.createRequire('file:///var/task/index.mjs')('path')).toBe(req('path'));
    expect(() => mod.createRequire('file:///var/task/index.mjs')('left-pad')).toThrow("Cannot find module 'left-pad'\nRequire stack:\n- /var/task/index.mjs");
    expect(mod.isBuiltin('node:fs')).toBe(true);
    expect(mod.builtinModules).toContain('child_process');
    expect(req('process')).toBe(host.process);
  });
});
