/**
 * `npm run bench -- --profile`: a CPU profile of the app page's main thread
 * (Chrome DevTools Protocol Profiler) over one load run, folded into self time
 * by function and by source file, over the whole run and over the main-thread
 * long tasks only, to tell where the main thread's time goes. The build then
 * has hidden source maps, so minified frames are mapped back to their source
 * file (src/…, or the package under node_modules) and name.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SAMPLING_US = 500;

const shortUrl = (url) => (url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '');

/** A source file's short name: the package for node_modules, else the path from src/. */
function sourceName(source) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)/.exec(source);
  if (pkg) return `${pkg[1]} (package)`;
  const own = /(?:^|\/)((?:src|build|bench)\/.*)$/.exec(source);
  return own ? own[1] : source;
}

/**
 * Maps a call frame of the built app back to its source with the build's
 * source maps (`outDir`/assets/*.js.map); frames without a map keep their
 * script name. Needs source-map-js (a dependency of Vite's); without it,
 * nothing is mapped.
 */
export async function sourceMapResolver(outDir) {
  let SourceMapConsumer;
  try {
    ({ SourceMapConsumer } = await import('source-map-js'));
  } catch {
    return null;
  }
  const consumers = new Map();
  const consumerFor = (url) => {
    if (!consumers.has(url)) {
      let c = null;
      try {
        const file = resolve(outDir, `${new URL(url).pathname.replace(/^\//, '')}.map`);
        c = { map: new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))), dir: dirname(file) };
      } catch {
        // No map for this script.
      }
      consumers.set(url, c);
    }
    return consumers.get(url);
  };
  return (frame) => {
    const c = frame.url ? consumerFor(frame.url) : null;
    if (!c) return null;
    const pos = c.map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    if (!pos.source) return null;
    const script = sourceName(resolve(c.dir, pos.source));
    return { script, fn: `${pos.name ?? (frame.functionName || '(anonymous)')} ${script.replace(/ \(package\)$/, '')}:${pos.line}` };
  };
}

/** Names every profile node by function and by script; native calls are charged to their nearest script caller. */
function namer(profile, resolveFrame) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const describe = (f) => {
    const mapped = resolveFrame?.(f);
    const where = f.url ? `${shortUrl(f.url)}:${f.lineNumber + 1}` : '';
    return { fn: mapped?.fn ?? `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`, script: mapped?.script ?? shortUrl(f.url) };
  };
  const caller = (id) => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const f = byId.get(p).callFrame;
      if (f.url) return describe(f);
    }
    return null;
  };
  const names = new Map();
  return (id) => {
    if (names.has(id)) return names.get(id);
    const f = byId.get(id).callFrame;
    let name;
    if (f.url) name = describe(f);
    else if (/^\(.*\)$/.test(f.functionName)) name = { fn: f.functionName, script: f.functionName };
    else {
      const from = caller(id);
      name = { fn: `${f.functionName || '(native)'} (native) ← ${from?.fn ?? '?'}`, script: from?.script ?? '(native)' };
    }
    names.set(id, name);
    return name;
  };
}

function rank(m, total, top) {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: ms / total }));
}

/**
 * Fold a Profiler.Profile into the top functions and scripts by self time,
 * over all samples and over the samples inside `windows` ([start, end] in the
 * page's performance.now() ms; `pageT0` is the page's clock when profiling
 * started).
 */
export function foldProfile(profile, { resolveFrame = null, pageT0 = 0, windows = [], top = 15 } = {}) {
  const name = namer(profile, resolveFrame);
  const all = { fns: new Map(), scripts: new Map(), total: 0 };
  const inTasks = { fns: new Map(), scripts: new Map(), total: 0 };
  const { samples = [], timeDeltas = [] } = profile;
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  let t = 0;
  let w = 0;
  for (let i = 0; i < samples.length; i++) {
    t += (timeDeltas[i] ?? 0) / 1000;
    // timeDeltas[i] is the time before sample i; the time after it belongs to it.
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const pageT = pageT0 + t;
    while (w < sorted.length && sorted[w][1] < pageT) w++;
    const inside = w < sorted.length && sorted[w][0] <= pageT;
    const { fn, script } = name(samples[i]);
    for (const acc of inside ? [all, inTasks] : [all]) {
      acc.total += ms;
      acc.fns.set(fn, (acc.fns.get(fn) ?? 0) + ms);
      acc.scripts.set(script, (acc.scripts.get(script) ?? 0) + ms);
    }
  }
  const out = (acc) => ({ totalMs: acc.total, functions: rank(acc.fns, acc.total, top), scripts: rank(acc.scripts, acc.total, top) });
  return { ...out(all), inLongTasks: out(inTasks) };
}

/** A profiler on `page`'s main thread: start() before the run, stop() after; stop resolves to the raw profile and the page's clock at start. */
export async function profileRun(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  let pageT0 = 0;
  return {
    async start() {
      pageT0 = await page.evaluate(() => performance.now());
      await cdp.send('Profiler.start');
    },
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach().catch(() => undefined);
      return { profile, pageT0 };
    },
  };
}
