/**
 * Monaco, bundled (no CDN: the app is a static site that works offline),
 * with its language workers and the @types/aws-lambda declarations so that
 * `event` and `context` complete in the handler editor.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

const typeFiles = import.meta.glob('../../../node_modules/@types/aws-lambda/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const options = {
  target: monaco.typescript.ScriptTarget.ES2020,
  module: monaco.typescript.ModuleKind.ESNext,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  allowJs: true,
  checkJs: true,
  allowNonTsExtensions: true,
  strict: false,
  noEmit: true,
  lib: ["es2022"],
};

for (const defaults of [monaco.typescript.typescriptDefaults, monaco.typescript.javascriptDefaults]) {
  defaults.setCompilerOptions(options);
  for (const [path, source] of Object.entries(typeFiles)) {
    const relative = path.slice(path.indexOf('node_modules/'));
    defaults.addExtraLib(source, `file:///${relative}`);
  }
  defaults.addExtraLib(
    'declare var process: { env: Record<string, string | undefined> };\ndeclare var require: (id: string) => any;\ndeclare var module: { exports: any };\ndeclare var exports: any;',
    'file:///node_modules/@types/playground-node/index.d.ts',
  );
}

loader.config({ monaco });

export { monaco };
