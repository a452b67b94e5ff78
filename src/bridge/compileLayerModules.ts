import type { LayerFile } from '../core/layers';
import type { LayerModuleCode } from '../protocol/messages';
import { compileHandler } from './compileHandler';

const JS_FILE = /\.(js|mjs|cjs)$/;

type CompiledLayers = { modules: Record<string, LayerModuleCode>; builtins: string[] };

/** By the deployed /opt (one array per deployed configuration): every cold start of a function reuses its compiled layers. */
const compiledOf = new WeakMap<readonly LayerFile[], CompiledLayers>();

/**
 * The JavaScript files of a function's layers (/opt), compiled as the
 * handler is (ES modules to CommonJS bodies, lines kept), by path, with the
 * Node.js built-ins they require: a worker is sent those too.
 */
export function compileLayerModules(files: readonly LayerFile[]): CompiledLayers {
  const cached = compiledOf.get(files);
  if (cached) return cached;
  const modules: Record<string, LayerModuleCode> = {};
  const builtins = new Set<string>();
  for (const f of files) {
    if (!JS_FILE.test(f.path)) continue;
    const compiled = compileHandler(f.path.slice(f.path.lastIndexOf('/') + 1), f.content);
    if (compiled.ok) {
      modules[f.path] = { js: compiled.js, esm: compiled.esm };
      for (const b of compiled.builtins ?? []) builtins.add(b);
    } else {
      modules[f.path] = { syntaxError: `${compiled.error.errorMessage.replace(/^SyntaxError: /, '')} (${f.path})` };
    }
  }
  const out = { modules, builtins: [...builtins].sort() };
  compiledOf.set(files, out);
  return out;
}
