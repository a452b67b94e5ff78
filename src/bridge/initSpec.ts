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
export function initSpec(spec: EnvironmentSpec): InitSpec {
  const c = spec.config;
  const compiled = compileHandlerCached(c.fileName, c.code);
  const layerFiles = c.layerFiles ?? [];
  const layers = layerFiles.length > 0 ? compileLayerModules(layerFiles) : null;
  const builtinsOf = layers && compiled.ok ? { ...compiled, builtins: [...new Set([...(compiled.builtins ?? []), ...layers.builtins])] } : compiled;
  return {
    functionName: c.name,
    runtime: c.runtime,
    handler: c.handler,
    fileName: c.fileName,
    compiled,
    nodeBuiltins: nodeBuiltinsScript(builtinsOf),
    ...(layers ? { layerFiles: layerFiles.map((f) => ({ ...f })), layerModules: layers.modules } : {}),
    ephemeralStorageMb: c.ephemeralStorageMb,
    variables: spec.variables,
    memoryMb: c.memoryMb,
    architecture: c.architecture,
    functionArn: spec.functionArn,
    functionVersion: spec.functionVersion,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
  };
}
