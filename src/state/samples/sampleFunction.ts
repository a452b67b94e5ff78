import type { WorkspaceFunction } from '../../core/workspace/workspaceTypes';
import type { SampleBase } from './sampleBase';

/** The handlers' sources: real files in ./code, so they read (and lint) as handlers. */
const code = import.meta.glob<string>('./code/*.mjs', { query: '?raw', import: 'default', eager: true });

export interface SampleFunctionSpec {
  name: string;
  /** Its file in ./code. */
  source: string;
  /** The test event (JSON text) in the editor, ready for Invoke. */
  event: string;
  savedEvents?: WorkspaceFunction['savedEvents'];
  environment?: Record<string, string>;
}

/**
 * A function of a sample application: an `index.mjs` handler on the default
 * runtime with 1,024 MB (a clear CPU share for the AWS SDK's load in Init)
 * and 30 s, room for a cold start on a busy machine.
 */
export function sampleFunction(base: SampleBase, spec: SampleFunctionSpec): WorkspaceFunction {
  const text = code[`./code/${spec.source}`];
  if (text === undefined) throw new Error(`Sample function ${spec.name}: no code/${spec.source}`);
  return {
    ...base.fn,
    name: spec.name,
    fileName: 'index.mjs',
    code: text,
    memoryMb: 1024,
    timeoutS: 30,
    environment: spec.environment ?? {},
    event: spec.event,
    savedEvents: spec.savedEvents ?? [],
  };
}
