import type { LayerModuleCode } from '../../protocol/messages';

type Require = (id: string) => unknown;

/** A layer file's compiled body, as a CommonJS module function (`import.meta` is its last argument). */
export type LayerModuleFn = (exports: object, require: Require, module: { exports: unknown }, filename: string, dirname: string, importMeta: object) => void;

/** Turns a compiled body into its module function: in the worker a classic script named by its /opt path, in tests a Function. */
export type EvaluateLayerModule = (js: string, filename: string) => LayerModuleFn;

const EXTENSIONS = ['', '.js', '.json', '.mjs', '.cjs'];

/** The code a layer module's SyntaxError carries: Init reports it as Lambda does, Runtime.UserCodeSyntaxError. */
export const LAYER_SYNTAX_ERROR = 'ERR_LAYER_MODULE_SYNTAX';

function layerSyntaxError(message: string): SyntaxError {
  return Object.assign(new SyntaxError(message), { code: LAYER_SYNTAX_ERROR });
}
const INDEXES = ['index.js', 'index.json', 'index.mjs', 'index.cjs'];

const dirnameOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';

function normalize(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * The packages the function's layers put under /opt, found as Node's
 * CommonJS resolver finds them: a relative or absolute path from the
 * requiring file, else `node_modules` folders up from it, then NODE_PATH in
 * order; a path as a file (`.js`, `.json`, `.mjs`, `.cjs` added), else as a
 * folder (package.json `main`, then `index.*`). Each module runs once, on
 * its first require, and is shared.
 */
export class LayerModules {
  private readonly cache = new Map<string, { exports: unknown }>();

  constructor(
    private readonly files: ReadonlyMap<string, string>,
    private readonly code: Readonly<Record<string, LayerModuleCode>>,
    private readonly nodePath: readonly string[],
    private readonly evaluate: EvaluateLayerModule,
  ) {}

  /** The /opt file `id` names from `fromFile`; null when the layers hold none. */
  resolve(id: string, fromFile: string): string | null {
    if (id.startsWith('./') || id.startsWith('../') || id === '.' || id === '..' || id.startsWith('/')) {
      const base = normalize(id.startsWith('/') ? id : `${dirnameOf(fromFile)}/${id}`);
      return this.asFile(base) ?? this.asDirectory(base);
    }
    for (const dir of [...this.nodeModulesUp(dirnameOf(fromFile)), ...this.nodePath]) {
      const base = normalize(`${dir}/${id}`);
      const found = this.asFile(base) ?? this.asDirectory(base);
      if (found) return found;
    }
    return null;
  }

  /** The module's exports, running it on its first require; `requireFrom` makes the `require` its code gets. */
  load(path: string, requireFrom: (filename: string, esm: boolean) => Require): unknown {
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    if (path.endsWith('.json')) {
      module.exports = JSON.parse(this.files.get(path) ?? '');
      this.cache.set(path, module);
      return module.exports;
    }
    const code = this.code[path];
    if (!code) throw new Error(`The layer file ${path} was not compiled for this environment`);
    if ('syntaxError' in code) throw layerSyntaxError(code.syntaxError);
    let run: LayerModuleFn;
    try {
      run = this.evaluate(code.js, path);
    } catch (err) {
      throw err instanceof SyntaxError ? layerSyntaxError(`${err.message} (${path})`) : err;
    }
    // Cached before it runs, as Node does: a require cycle sees the exports made so far.
    this.cache.set(path, module);
    const dirname = dirnameOf(path);
    const importMeta = { url: `file://${path}`, filename: path, dirname };
    try {
      run(module.exports as object, requireFrom(path, code.esm), module, path, dirname, importMeta);
    } catch (err) {
      this.cache.delete(path);
      throw err;
    }
    return module.exports;
  }

  private nodeModulesUp(dir: string): string[] {
    const out: string[] = [];
    for (let d = dir; ; d = dirnameOf(d)) {
      if (!d.endsWith('/node_modules')) out.push(`${d === '/' ? '' : d}/node_modules`);
      if (d === '/') return out;
    }
  }

  private asFile(base: string): string | null {
    for (const ext of EXTENSIONS) if (this.files.has(base + ext)) return base + ext;
    return null;
  }

  private asDirectory(base: string): string | null {
    const manifest = this.files.get(`${base}/package.json`);
    if (manifest !== undefined) {
      let main: unknown;
      try {
        main = (JSON.parse(manifest) as { main?: unknown }).main;
      } catch {
        main = undefined;
      }
      if (typeof main === 'string' && main !== '') {
        const target = normalize(`${base}/${main}`);
        const found = this.asFile(target) ?? this.index(target);
        if (found) return found;
      }
    }
    return this.index(base);
  }

  private index(base: string): string | null {
    for (const name of INDEXES) if (this.files.has(`${base}/${name}`)) return `${base}/${name}`;
    return null;
  }
}
