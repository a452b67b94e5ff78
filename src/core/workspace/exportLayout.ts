import type { Workspace, WorkspaceFunction } from './workspaceTypes';

/** Where each function goes in an exported project, and its name in the template. */
export interface FunctionLayout {
  fn: WorkspaceFunction;
  /** CloudFormation logical ID: alphanumeric, unique in the template. */
  logicalId: string;
  /** `src/<name>/`, the function's CodeUri. */
  folder: string;
  /** The handler file as Lambda expects it: `.ts` becomes `.mjs` (module syntax) or `.js`. */
  fileName: string;
  /** The export's own name for test events of this function: `events/<name>.json`. */
  eventsPrefix: string;
}

/** `my-function` → `MyFunction`; letters and digits only, starting with a letter. */
export function pascalCase(name: string, fallback: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const start = joined.search(/[A-Za-z]/);
  return start < 0 ? fallback : joined.slice(start);
}

/** A logical ID not yet taken: `Base`, `Base2`, `Base3` … */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base.slice(0, 200);
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 200)}${n}`;
  taken.add(id);
  return id;
}

const MODULE_SYNTAX = /^\s*(import\s*[\w{*'"]|import\s*\(|export\s)/m;

/** Whether the handler source uses ES module syntax (the rule the playground runs it by). */
export const usesModuleSyntax = (code: string): boolean => MODULE_SYNTAX.test(code);

export function exportedFileName(fn: WorkspaceFunction): string {
  if (!fn.fileName.endsWith('.ts')) return fn.fileName;
  return fn.fileName.replace(/\.ts$/, usesModuleSyntax(fn.code) ? '.mjs' : '.js');
}

const safeSegment = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'function';

export function exportLayout(workspace: Workspace, taken: Set<string> = new Set()): FunctionLayout[] {
  const folders = new Set<string>();
  return workspace.functions.map((fn) => {
    let folder = safeSegment(fn.name);
    for (let n = 2; folders.has(folder.toLowerCase()); n++) folder = `${safeSegment(fn.name)}-${n}`;
    folders.add(folder.toLowerCase());
    return {
      fn,
      logicalId: uniqueId(`${pascalCase(fn.name, 'Handler')}Function`, taken),
      folder: `src/${folder}/`,
      fileName: exportedFileName(fn),
      eventsPrefix: folder,
    };
  });
}
