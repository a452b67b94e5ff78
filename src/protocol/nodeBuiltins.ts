/**
 * Node.js built-in modules in the playground: which exist, in which file of
 * src/runtime/node/, and which cannot exist in a browser tab. Read by the runtime
 * (to resolve `require`), the bridge (to send only what a handler imports)
 * and the build (to bundle each one as its own script).
 */

/** Module name (without `node:`) → the file of src/runtime/node/ that implements it. */
export const BUILTIN_FILES: Readonly<Record<string, string>> = {
  assert: 'assert',
  'assert/strict': 'assert',
  buffer: 'buffer',
  crypto: 'crypto',
  events: 'events',
  fs: 'fs',
  'fs/promises': 'fsPromises',
  http: 'http',
  https: 'http',
  os: 'os',
  path: 'path',
  'path/posix': 'path',
  querystring: 'querystring',
  stream: 'stream',
  'stream/promises': 'streamPromises',
  string_decoder: 'string_decoder',
  timers: 'timers',
  'timers/promises': 'timersPromises',
  url: 'url',
  util: 'util',
  'util/types': 'util',
  zlib: 'zlib',
};

/** Provided by the runtime itself, no bundle needed. */
export const INLINE_BUILTINS: readonly string[] = ['process', 'module'];

/** Built-ins that cannot exist in a browser tab, and why. */
export const IMPOSSIBLE_BUILTINS: Readonly<Record<string, string>> = {
  child_process: 'a browser tab cannot start processes',
  cluster: 'a browser tab cannot fork processes',
  worker_threads: 'handlers run in one worker each and cannot start threads of their own',
  net: 'a browser tab cannot open TCP sockets or listen on ports',
  dgram: 'a browser tab cannot open UDP sockets',
  tls: 'a browser tab cannot open TLS sockets',
  http2: 'a browser tab cannot open HTTP/2 sessions or listen on ports',
  dns: 'a browser tab cannot make DNS queries',
  'dns/promises': 'a browser tab cannot make DNS queries',
  inspector: 'there is no V8 inspector session inside a browser worker',
  repl: 'there is no terminal in a browser tab',
  readline: 'there is no terminal in a browser tab',
  tty: 'there is no terminal in a browser tab',
  v8: "V8's heap and serialisation APIs are not exposed to browser workers",
  vm: 'a browser worker has no V8 contexts to create',
  perf_hooks: 'use the global performance object instead',
  async_hooks: 'a browser worker has no async hooks',
  diagnostics_channel: 'not available in the playground',
  wasi: 'not available in the playground',
  trace_events: 'not available in the playground',
  domain: 'not available in the playground',
  punycode: 'not available in the playground',
  sqlite: 'a browser tab has no SQLite',
  test: 'node:test is not available in a handler',
  sea: 'not available in the playground',
};

/** A built-in's file of src/runtime/node/, for `name` with or without `node:`; undefined if it is not one we have. */
export function builtinFile(id: string): string | undefined {
  const name = id.startsWith('node:') ? id.slice(5) : id;
  return Object.hasOwn(BUILTIN_FILES, name) ? BUILTIN_FILES[name] : undefined;
}

/** Every module name Node.js treats as built-in. */
export function isNodeBuiltin(id: string): boolean {
  const name = id.startsWith('node:') ? id.slice(5) : id;
  return Object.hasOwn(BUILTIN_FILES, name) || INLINE_BUILTINS.includes(name) || Object.hasOwn(IMPOSSIBLE_BUILTINS, name);
}
