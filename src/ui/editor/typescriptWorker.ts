import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/** The TypeScript language service's worker (its own file, fetched only when a TypeScript handler is opened). */
export function typescriptWorker(): Worker {
  return new TsWorker();
}
