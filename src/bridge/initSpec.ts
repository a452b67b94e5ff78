import type { EnvironmentSpec } from '../core/platformTypes';
import type { InitSpec } from '../protocol/messages';
import { compileHandlerCached } from './compileHandler';
import { nodeBuiltinsScript } from './nodeBuiltins';

/** What an environment's runtime needs to run Init: the compiled handler, the Node.js built-ins it uses, and the identity Lambda gives it. */
export function initSpec(spec: EnvironmentSpec): InitSpec {
  const c = spec.config;
  const compiled = compileHandlerCached(c.fileName, c.code);
  return {
    functionName: c.name,
    runtime: c.runtime,
    handler: c.handler,
    fileName: c.fileName,
    compiled,
    nodeBuiltins: nodeBuiltinsScript(compiled),
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
