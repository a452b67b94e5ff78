import type { InitSpec } from '../protocol/messages';
import assertBuiltin from '../runtime/node/assert.ts?builtin';
import bufferBuiltin from '../runtime/node/buffer.ts?builtin';
import cryptoBuiltin from '../runtime/node/crypto.ts?builtin';
import eventsBuiltin from '../runtime/node/events.ts?builtin';
import fsBuiltin from '../runtime/node/fs.ts?builtin';
import fsPromisesBuiltin from '../runtime/node/fsPromises.ts?builtin';
import httpBuiltin from '../runtime/node/http.ts?builtin';
import osBuiltin from '../runtime/node/os.ts?builtin';
import pathBuiltin from '../runtime/node/path.ts?builtin';
import querystringBuiltin from '../runtime/node/querystring.ts?builtin';
import streamBuiltin from '../runtime/node/stream.ts?builtin';
import streamPromisesBuiltin from '../runtime/node/streamPromises.ts?builtin';
import string_decoderBuiltin from '../runtime/node/string_decoder.ts?builtin';
import timersBuiltin from '../runtime/node/timers.ts?builtin';
import timersPromisesBuiltin from '../runtime/node/timersPromises.ts?builtin';
import urlBuiltin from '../runtime/node/url.ts?builtin';
import utilBuiltin from '../runtime/node/util.ts?builtin';
import zlibBuiltin from '../runtime/node/zlib.ts?builtin';

/**
 * The scripts of the Node.js built-ins (src/runtime/node, each bundled on
 * its own by build/bundleString.ts), so a worker receives only those its
 * handler imports, with the built-ins they use in turn. A handler that
 * imports none is sent nothing and pays nothing at cold start.
 */
const BUILTINS: Readonly<Record<string, { source: string; deps: string[] }>> = {
  assert: assertBuiltin,
  buffer: bufferBuiltin,
  crypto: cryptoBuiltin,
  events: eventsBuiltin,
  fs: fsBuiltin,
  fsPromises: fsPromisesBuiltin,
  http: httpBuiltin,
  os: osBuiltin,
  path: pathBuiltin,
  querystring: querystringBuiltin,
  stream: streamBuiltin,
  streamPromises: streamPromisesBuiltin,
  string_decoder: string_decoderBuiltin,
  timers: timersBuiltin,
  timersPromises: timersPromisesBuiltin,
  url: urlBuiltin,
  util: utilBuiltin,
  zlib: zlibBuiltin,
};

const scripts = new Map<string, string>();

/** The built-ins' files with every file they require, in a stable order. */
export function withDependencies(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !BUILTINS[file]) return;
    seen.add(file);
    for (const dep of BUILTINS[file].deps) visit(dep);
  };
  for (const f of files) visit(f);
  return [...seen].sort();
}

/** One script registering the built-ins a compiled handler needs; undefined when it needs none. */
export function nodeBuiltinsScript(compiled: InitSpec['compiled']): string | undefined {
  if (!compiled.ok || !compiled.builtins?.length) return undefined;
  const files = withDependencies(compiled.builtins);
  const key = files.join(',');
  let script = scripts.get(key);
  if (script === undefined) {
    script = files.map((f) => BUILTINS[f]!.source).join('\n');
    if (scripts.size >= 16) scripts.delete(scripts.keys().next().value as string);
    scripts.set(key, script);
  }
  return script;
}
