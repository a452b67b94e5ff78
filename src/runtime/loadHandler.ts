import type { InitSpec } from '../protocol/messages';
import { RuntimeError, runtimeError } from './errors';
import type { WireError } from '../protocol/messages';
import { createRegistry, makeNodeRequire } from './node/nodeRequire';
import { LAYER_SYNTAX_ERROR, LayerModules, type LayerModuleFn } from './node/layerModules';
import { shownFileOf } from '../protocol/stackTrace';
import { setTraceSource } from './traceSource';
import { AwsSdkModules } from './awsSdkModules';

export type HandlerFn = (event: unknown, context: unknown, callback?: unknown) => unknown;

/** Thrown when init fails: carries the response body Lambda would return. */
export class InitError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.errorMessage);
  }
}

const TASK_ROOT = '/var/task';
const CALLBACK_DEPRECATED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

type ModuleFn = (exports: object, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string, importMeta: object) => Promise<void>;

interface ModuleHost {
  __playgroundModule?: ModuleFn;
}

/** Evaluate the classic script text; a parse error surfaces as the SyntaxError it is. */
function evaluateScript(source: string): void {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    (globalThis as unknown as { importScripts(url: string): void }).importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Taken before any handler code runs (which may replace the global).
const indirectEval = globalThis.eval;

/**
 * A layer file's module function, from an indirect eval named by its /opt
 * path (so its frames name it): several times cheaper per module than a
 * Blob script, which matters when a package has many files. The frame's
 * policy allows eval, as a handler's own code may use it.
 */
function evaluateLayerModule(js: string, filename: string): LayerModuleFn {
  return indirectEval(`(function (exports, require, module, __filename, __dirname, __playgroundImportMeta) {${js}\n})\n//# sourceURL=file://${filename}`) as LayerModuleFn;
}

/** The packages the function's layers hold, found through NODE_PATH (absent when it has no layers). */
function layerModulesOf(spec: InitSpec): LayerModules | undefined {
  if (!spec.layerFiles?.length) return undefined;
  const files = new Map(spec.layerFiles.map((f) => [f.path, f.content]));
  const nodePath = (spec.variables.NODE_PATH ?? '').split(':').filter((d) => d !== '');
  return new LayerModules(files, spec.layerModules ?? {}, nodePath, evaluateLayerModule);
}

/**
 * Evaluate the function's file as a module body, Node.js built-ins first:
 * returns what runs its top-level code, which resolves with its exports when
 * that code ends (a custom runtime's bootstrap may never end: its loop is
 * the top-level code). A syntax error is Runtime.UserCodeSyntaxError; a
 * missing module, Runtime.ImportModuleError.
 */
export function prepareModule(spec: InitSpec, host: ModuleHost): () => Promise<Record<string, unknown>> {
  if (!spec.compiled.ok) throw new InitError(spec.compiled.error);
  const { js, esm } = spec.compiled;
  const deployedName = spec.fileName.replace(/\.ts$/, '.js');
  const filename = `${TASK_ROOT}/${deployedName}`;
  // The prefix shares the code's first line, so line numbers in stack traces match the editor's.
  // --- Node.js built-ins (src/runtime/node): the scripts the app sent for this handler, registered before its code runs.
  if (spec.nodeBuiltins) evaluateScript(spec.nodeBuiltins);
  Object.assign(host, {
    __playgroundEphemeralStorageMb: spec.ephemeralStorageMb ?? 512,
    __playgroundHandlerFile: { path: filename, text: js },
    __playgroundLayerFiles: spec.layerFiles ?? [],
  });
  const layers = layerModulesOf(spec);
  const sdk = spec.awsSdk ? new AwsSdkModules(spec.awsSdk, host as Record<string, unknown>, evaluateScript) : undefined;
  const registry = createRegistry(host as Record<string, unknown>);
  const importMeta = { url: `file://${filename}`, filename, dirname: TASK_ROOT, resolve: (s: string) => (s.startsWith('node:') ? s : `node:${s}`) };
  // --- end Node.js built-ins
  const prefix = 'self.__playgroundModule = async function (exports, require, module, __filename, __dirname, __playgroundImportMeta) {';
  const wrapped = `${prefix}${js}\n};\n//# sourceURL=file://${filename}`;
  const shownAs = shownFileOf(spec.fileName, esm);
  setTraceSource({ scriptUrl: `file://${filename}`, shownAs, firstLineOffset: prefix.length, ...(spec.compiled.lineMap ? { lineMap: spec.compiled.lineMap } : {}) });
  try {
    evaluateScript(wrapped);
  } catch (err) {
    if (err instanceof SyntaxError) {
      // The engine's message, at the place the app's parser found (the engine gives none for an evaluated script).
      const message = err.message.replace(/^Failed to execute 'importScripts' on 'WorkerGlobalScope': /, '');
      const wire = runtimeError('Runtime.UserCodeSyntaxError', `SyntaxError: ${message}`, err);
      const at = spec.compiled.syntaxAt;
      if (at && at.line > 0) wire.trace.push(`    at ${shownAs}:${at.line}:${at.column}`);
      throw new InitError(wire);
    }
    throw err;
  }
  const run = host.__playgroundModule;
  delete host.__playgroundModule;
  if (!run) throw new RuntimeError('Runtime.ImportModuleError', 'Error: the handler module did not load');
  return async () => {
    const module = { exports: {} as Record<string, unknown> };
    try {
      await run(module.exports, makeNodeRequire(registry, filename, esm, layers, sdk), module, filename, TASK_ROOT, importMeta);
    } catch (err) {
      if (err instanceof Error && (err as { code?: string }).code === 'MODULE_NOT_FOUND') {
        throw new InitError(runtimeError('Runtime.ImportModuleError', `Error: ${err.message}`, err));
      }
      // A layer's module that does not parse fails Init as the handler's own file would.
      if (err instanceof SyntaxError && (err as { code?: string }).code === LAYER_SYNTAX_ERROR) {
        throw new InitError(runtimeError('Runtime.UserCodeSyntaxError', `SyntaxError: ${err.message}`, err));
      }
      throw err;
    }
    return module.exports as Record<string, unknown>;
  };
}

/**
 * Load the handler module and find its export, as Lambda's Node.js runtime
 * does during Init: top-level code runs here, once per environment. Failures
 * become the runtime's error types (UserCodeSyntaxError, ImportModuleError,
 * HandlerNotFound, CallbackHandlerDeprecated).
 */
export async function loadHandler(spec: InitSpec, host: ModuleHost): Promise<HandlerFn> {
  const dot = spec.handler.lastIndexOf('.');
  const moduleName = spec.handler.slice(0, dot);
  const exportName = spec.handler.slice(dot + 1);
  const fileBase = spec.fileName.replace(/\.(mjs|cjs|js|ts)$/, '');
  if (moduleName !== fileBase) {
    throw new InitError(runtimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'\nRequire stack:\n- /var/runtime/index.mjs`));
  }
  const module = { exports: await prepareModule(spec, host)() };
  const exported = (module.exports as Record<string, unknown>)[exportName];
  if (exported === undefined) {
    throw new InitError(runtimeError('Runtime.HandlerNotFound', `${spec.handler} is undefined or not exported`));
  }
  if (typeof exported !== 'function') {
    throw new InitError(runtimeError('Runtime.HandlerNotFound', `${spec.handler} is not a function`));
  }
  const handler = exported as HandlerFn;
  if (spec.runtime === 'nodejs24.x' && handler.length >= 3) {
    throw new InitError(runtimeError('Runtime.CallbackHandlerDeprecated', CALLBACK_DEPRECATED));
  }
  return handler;
}
