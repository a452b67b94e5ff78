/**
 * The TypeScript language service for TypeScript handlers: completions, hovers
 * and type checks with Lambda's types (@types/aws-lambda), and the editor
 * features that only a language service feeds. Loaded on demand, before the
 * first TypeScript model is made (Monaco wires a language's features when it
 * first meets the language).
 */
import * as typescript from 'monaco-editor/languages/features/typescript/register.js';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js';
import 'monaco-editor/editor/contrib/rename/browser/rename.js';

const typeFiles = import.meta.glob('../../../node_modules/@types/aws-lambda/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const options = {
  target: typescript.ScriptTarget.ES2020,
  module: typescript.ModuleKind.ESNext,
  moduleResolution: typescript.ModuleResolutionKind.NodeJs,
  allowJs: true,
  checkJs: true,
  allowNonTsExtensions: true,
  strict: false,
  noEmit: true,
  lib: ['es2022'],
};

for (const defaults of [typescript.typescriptDefaults, typescript.javascriptDefaults]) {
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
