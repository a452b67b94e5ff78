import { isPythonRuntime } from '../core/functionConfig';
import type { EnvironmentSpec } from '../core/platformTypes';
import type { InitSpec } from '../protocol/messages';
import { compileHandlerCached } from './compileHandler';
import { compileLayerModules } from './compileLayerModules';
import { nodeBuiltinsScript } from './nodeBuiltins';

/**
 * What an environment's runtime needs to run Init: the compiled handler,
 * the function's layers as /opt holds them (their JavaScript compiled), the
 * Node.js built-ins the handler and the layers use, and the identity Lambda
 * gives it.
 */
export function initSpec(spec: EnvironmentSpec, awsSdk?: Record<string, string>): InitSpec {
  const c = spec.config;
  // Python is not compiled by the app: the runtime imports the module itself, and reports its SyntaxError as Lambda does.
  const python = isPythonRuntime(c.runtime);
  const compiled: InitSpec['compiled'] = python ? { ok: true, js: '', esm: false } : compileHandlerCached(c.fileName, c.code);
  const layerFiles = c.layerFiles ?? [];
  // A Python environment mounts the layers' files under /opt itself; Node.js gets their JavaScript compiled here.
  const layers = !python && layerFiles.length > 0 ? compileLayerModules(layerFiles) : null;
  const builtinsOf = layers && compiled.ok ? { ...compiled, builtins: [...new Set([...(compiled.builtins ?? []), ...layers.builtins])] } : compiled;
  return {
    functionName: c.name,
    runtime: c.runtime,
    handler: c.handler,
    fileName: c.fileName,
    compiled,
    ...(python ? { pythonSource: c.code } : { nodeBuiltins: nodeBuiltinsScript(builtinsOf) }),
    ...(awsSdk && Object.keys(awsSdk).length > 0 ? { awsSdk } : {}),
    ...(layerFiles.length > 0 ? { layerFiles: layerFiles.map((f) => ({ ...f })) } : {}),
    ...(layers ? { layerModules: layers.modules } : {}),
    ephemeralStorageMb: c.ephemeralStorageMb,
    variables: spec.variables,
    memoryMb: c.memoryMb,
    architecture: c.architecture,
    functionArn: spec.functionArn,
    functionVersion: spec.functionVersion,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
    ...(spec.snapStart ? { snapStart: { ...spec.snapStart } } : {}),
  };
}
