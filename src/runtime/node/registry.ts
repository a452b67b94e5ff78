import { builtinFile } from '../../protocol/nodeBuiltins';

type Factory = (exports: object, require: (id: string) => unknown, module: { exports: unknown }) => void;
type RawModule = { default?: unknown; variants?: Record<string, unknown> };

export interface BuiltinHost {
  __playgroundBuiltins?: Record<string, Factory>;
}

const INTERNAL = 'playground-builtin:';
export const NOT_LOADED = Symbol('not loaded');

/**
 * The built-ins an environment has: the scripts the app sent for this
 * handler register factories on the worker's global; each is instantiated
 * once, on its first `require`, and shared by every module that uses it.
 */
export class BuiltinRegistry {
  private readonly raw = new Map<string, RawModule>();

  constructor(
    private readonly host: BuiltinHost,
    private readonly inline: Readonly<Record<string, unknown>>,
  ) {}

  /** Node's module object for `id` (`fs`, `node:fs`, `fs/promises`), or NOT_LOADED. */
  resolve(id: string): unknown {
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (Object.hasOwn(this.inline, name)) return this.inline[name];
    const file = builtinFile(name);
    if (!file || !this.has(file)) return NOT_LOADED;
    const mod = this.module(file);
    return mod.variants && Object.hasOwn(mod.variants, name) ? mod.variants[name] : mod.default;
  }

  has(file: string): boolean {
    return typeof this.host.__playgroundBuiltins?.[file] === 'function';
  }

  private module(file: string): RawModule {
    const cached = this.raw.get(file);
    if (cached) return cached;
    const factory = this.host.__playgroundBuiltins?.[file];
    if (!factory) throw new Error(`The built-in '${file}' was not sent to this environment`);
    const module = { exports: {} as RawModule };
    this.raw.set(file, module.exports);
    factory(module.exports, (id) => this.internalRequire(id), module);
    this.raw.set(file, module.exports);
    return module.exports;
  }

  /**
   * A sibling built-in, instantiated on first use rather than when the
   * importing built-in loads: the bundles keep named imports as
   * `sibling.name` property reads, so zlib's `gzipSync` never pays for the
   * streams only `createGzip` needs.
   */
  private lazy(file: string): object {
    const cached = this.raw.get(file);
    if (cached) return cached;
    const target = (): RawModule => this.module(file);
    return new Proxy({}, {
      get: (_t, key) => Reflect.get(target(), key),
      has: (_t, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(target(), key);
        return d ? { ...d, configurable: true } : undefined;
      },
    });
  }

  /** `require` as seen from inside a built-in bundle: siblings by file, libraries' Node names by name. */
  private internalRequire(id: string): unknown {
    if (id.startsWith(INTERNAL)) return this.lazy(id.slice(INTERNAL.length));
    const found = this.resolve(id);
    if (found === NOT_LOADED) throw new Error(`The built-in '${id}' was not sent to this environment`);
    return found;
  }
}
