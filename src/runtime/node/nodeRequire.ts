import { BUILTIN_FILES, IMPOSSIBLE_BUILTINS, INLINE_BUILTINS, isNodeBuiltin } from '../../protocol/nodeBuiltins';
import type { LayerModules } from './layerModules';
import { NOT_SDK, type AwsSdkModules } from '../awsSdkModules';
import { BuiltinRegistry, NOT_LOADED, type BuiltinHost } from './registry';

type Require = (id: string) => unknown;
type CodedError = Error & { code: string };

function coded(message: string, code: string): CodedError {
  return Object.assign(new Error(message), { code });
}

/**
 * `require` inside the environment: Node's built-ins the app sent for this
 * handler, a clear refusal for those a browser tab cannot have, the
 * packages of the function's layers (/opt, through NODE_PATH), the AWS SDK
 * packages the app sent, and Node's
 * own "not found" errors for everything else.
 */
export function makeNodeRequire(registry: BuiltinRegistry, filename: string, esm: boolean, layers?: LayerModules, sdk?: AwsSdkModules): Require {
  return (id: string) => {
    if (typeof id !== 'string') {
      throw Object.assign(new TypeError(`The "id" argument must be of type string. Received ${id === null ? 'null' : typeof id}`), { code: 'ERR_INVALID_ARG_TYPE' });
    }
    const found = registry.resolve(id);
    if (found !== NOT_LOADED) return found;
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (Object.hasOwn(IMPOSSIBLE_BUILTINS, name)) {
      throw coded(`Cannot load Node.js built-in module '${id}' in the browser playground: ${IMPOSSIBLE_BUILTINS[name]}`, 'ERR_PLAYGROUND_UNAVAILABLE');
    }
    if (isNodeBuiltin(name)) {
      throw coded(`Node.js built-in module '${id}' was not loaded into this environment (the playground sends only the built-ins a handler names in a require or import with a plain string)`, 'ERR_PLAYGROUND_UNAVAILABLE');
    }
    if (id.startsWith('node:')) throw coded(`No such built-in module: ${id}`, 'ERR_UNKNOWN_BUILTIN_MODULE');
    const inLayer = layers?.resolve(id, filename);
    if (layers && inLayer) return layers.load(inLayer, (from, fromEsm) => makeNodeRequire(registry, from, fromEsm, layers, sdk));
    // The AWS SDK, which Lambda's runtime has in /var/runtime/node_modules (after the layers on NODE_PATH).
    const fromSdk = sdk ? sdk.load(id) : NOT_SDK;
    if (fromSdk !== NOT_SDK) return fromSdk;
    if (esm) throw coded(`Cannot find package '${id}' imported from ${filename}`, 'ERR_MODULE_NOT_FOUND');
    throw coded(`Cannot find module '${id}'\nRequire stack:\n- ${filename}\n- /var/runtime/index.mjs`, 'MODULE_NOT_FOUND');
  };
}

/** Every name `require` accepts as built-in, as `module.builtinModules` lists them. */
const BUILTIN_MODULES = [...Object.keys(BUILTIN_FILES), ...INLINE_BUILTINS, ...Object.keys(IMPOSSIBLE_BUILTINS)].sort();

/**
 * The registry of one environment, with `process` and `module` inline.
 * A handler that names `Buffer` gets the global too, created on first use.
 */
export function createRegistry(host: BuiltinHost & Record<string, unknown>): BuiltinRegistry {
  const moduleApi = {
    builtinModules: BUILTIN_MODULES,
    isBuiltin: (id: string) => isNodeBuiltin(id),
    createRequire: (from: string | URL) => {
      const path = String(from).replace(/^file:\/\//, '');
      return makeNodeRequire(registry, path, false);
    },
  };
  const registry: BuiltinRegistry = new BuiltinRegistry(host, { process: host.process, module: moduleApi });
  if (registry.has('buffer')) {
    Object.defineProperty(host, 'Buffer', {
      configurable: true,
      enumerable: false,
      get: () => {
        const value = (registry.resolve('buffer') as { Buffer: unknown }).Buffer;
        Object.defineProperty(host, 'Buffer', { value, configurable: true, writable: true, enumerable: false });
        return value;
      },
      set: (value: unknown) => Object.defineProperty(host, 'Buffer', { value, configurable: true, writable: true, enumerable: false }),
    });
  }
  // The sandbox is not a secure context, so the browser gives no `crypto.subtle`: a handler that names it gets crypto's subset.
  const webCrypto = host.crypto as { subtle?: unknown } | undefined;
  if (registry.has('crypto') && webCrypto && webCrypto.subtle === undefined) {
    Object.defineProperty(webCrypto, 'subtle', {
      configurable: true,
      enumerable: true,
      get: () => {
        // crypto itself asks for the browser's `subtle` while it loads (its exports are not there yet): there is none.
        const value = (registry.resolve('crypto') as { subtle?: unknown } | undefined)?.subtle;
        if (value !== undefined) Object.defineProperty(webCrypto, 'subtle', { value, configurable: true, enumerable: true, writable: true });
        return value;
      },
    });
  }
  return registry;
}
