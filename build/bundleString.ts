import { basename, dirname, resolve } from 'node:path';
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import { BUILTIN_FILES, isNodeBuiltin } from '../src/protocol/nodeBuiltins.ts';
import type { Plugin } from 'vite';

const SUFFIX = '?bundle';
/** A virtual id, so that no other plugin (TypeScript, import analysis) treats the string module as source. */
const PREFIX = '\0bundle:';
const BUILTIN_SUFFIX = '?builtin';
const BUILTIN_PREFIX = '\0builtin:';
const BUILTIN_FILE_NAMES = new Set(Object.values(BUILTIN_FILES));

/**
 * `import source from './entry.ts?bundle'` yields the entry bundled with its
 * imports into one self-contained classic script, as a string.
 *
 * Why: the execution environments live in an opaque-origin sandbox, where
 * only Blob-URL classic workers can start (module workers from Blob URLs
 * fail, same-origin URLs throw). The app hands the sandbox the script text,
 * and the sandbox makes the Blob. The same plugin serves dev, build and tests.
 */
export function bundleString(options: { minify: boolean }): Plugin {
  return {
    name: 'bundle-string',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source.endsWith(BUILTIN_SUFFIX)) {
        const resolved = await this.resolve(source.slice(0, -BUILTIN_SUFFIX.length), importer, { skipSelf: true });
        return resolved ? BUILTIN_PREFIX + resolved.id : null;
      }
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id : null;
    },
    async load(id) {
      if (id.startsWith(BUILTIN_PREFIX)) {
        const built = await bundleBuiltin(id.slice(BUILTIN_PREFIX.length), options.minify);
        for (const input of built.inputs) this.addWatchFile(input);
        return `export default ${JSON.stringify({ source: built.source, deps: built.deps })};`;
      }
      if (!id.startsWith(PREFIX)) return null;
      const entry = id.slice(PREFIX.length);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        write: false,
        minify: options.minify,
        metafile: true,
        legalComments: 'none',
        // The Python runtime's own module (src/runtime/python/lambda_runtime.py) is carried as text.
        loader: { '.py': 'text' },
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(resolve(input));
      const code = result.outputFiles[0]?.text ?? '';
      return `export default ${JSON.stringify(code)};`;
    },
  };
}

/**
 * One Node.js built-in of src/runtime/node as its own script, loaded into a
 * worker only when the handler imports it (`import b from './buffer.ts?builtin'`
 * yields `{ source, deps }`). The script registers a CommonJS factory under
 * the file's name; the runtime instantiates it on the first `require`.
 * Other built-ins it uses (a sibling file, or a Node built-in name required
 * by a library such as readable-stream) stay outside it and are required
 * through the runtime, so every built-in exists once per environment
 * (one Buffer class, one /tmp) however many others use it.
 */
export async function bundleBuiltin(entry: string, minify: boolean): Promise<{ source: string; deps: string[]; inputs: string[] }> {
  const self = basename(entry).replace(/\.ts$/, '');
  const deps = new Set<string>();
  const externals: EsbuildPlugin = {
    name: 'node-builtin-externals',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return null;
        if (/^\.\.?\//.test(args.path) && !args.importer.includes('/node_modules/')) {
          const file = basename(args.path).replace(/\.ts$/, '');
          if (dirname(resolve(dirname(args.importer), args.path)) === dirname(entry) && BUILTIN_FILE_NAMES.has(file) && file !== self) {
            deps.add(file);
            return { path: `playground-builtin:${file}`, external: true };
          }
          return null;
        }
        const name = args.path.replace(/^node:/, '').replace(/\/$/, '');
        if (args.importer.includes('/node_modules/') && isNodeBuiltin(name)) {
          const file = BUILTIN_FILES[name];
          if (file && file !== self) deps.add(file);
          return { path: `node:${name}`, external: true };
        }
        return null;
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify,
    metafile: true,
    legalComments: 'none',
    plugins: [externals],
  });
  const code = result.outputFiles[0]?.text ?? '';
  const source = `(self.__playgroundBuiltins || (self.__playgroundBuiltins = {}))[${JSON.stringify(self)}] = function (exports, require, module) {\n${code}\n};\n`;
  return { source, deps: [...deps].sort(), inputs: Object.keys(result.metafile.inputs).map((i) => resolve(i)) };
}
