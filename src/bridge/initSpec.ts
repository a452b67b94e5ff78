import { isPythonRuntime } from '../core/functionConfig';
import type { EnvironmentSpec } from '../core/platformTypes';
import type { InitSpec } from '../protocol/messages';
import { compileHandlerCached } from './compileHandler';
import { nodeBuiltinsScript } from './nodeBuiltins';

/** What an environment's runtime needs to run Init: the compiled handler, the Node.js built-ins it uses, and the identity Lambda gives it. */
export function initSpec(spec: EnvironmentSpec): InitSpec {
  const c = spec.config;
  // Python is not compiled by the app: the runtime imports the module itself, and reports its SyntaxError as Lambda does.
  const python = isPythonRuntime(c.runtime);
  const compiled: InitSpec['compiled'] = python ? { ok: true, js: '', esm: false } : compileHandlerCached(c.fileName, c.code);
  return {
    functionName: c.name,
    runtime: c.runtime,
    handler: c.handler,
    fileName: c.fileName,
    compiled,
    ...(python ? { pythonSource: c.code } : { nodeBuiltins: nodeBuiltinsScript(compiled) }),
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
