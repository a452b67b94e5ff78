import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const SUFFIX = '?bundle';
/** A virtual id, so that no other plugin (TypeScript, import analysis) treats the string module as source. */
const PREFIX = '\0bundle:';

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
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id : null;
    },
    async load(id) {
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
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(resolve(input));
      const code = result.outputFiles[0]?.text ?? '';
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
