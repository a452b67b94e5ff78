import { compactWorkspace } from './compactWorkspace';
import { usesModuleSyntax, type FunctionLayout } from './exportLayout';
import { exportReadme } from './exportReadme';
import { samTemplate } from './samTemplate';
import { WORKSPACE_VERSION, type Workspace, type WorkspaceFunction } from './workspaceTypes';

/** The name of the workspace document inside an export; Import restores the workspace from it exactly. */
export const WORKSPACE_FILE = 'playground.json';
export const WORKSPACE_FORMAT = 'serverless-playground/workspace';

export interface ExportFile {
  path: string;
  text: string;
}

/** The document written as playground.json: the same schema as a share link, with its version. */
export function workspaceDocument(workspace: Workspace): { format: string; version: number; workspace: Record<string, unknown> } {
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, workspace: compactWorkspace(workspace) };
}

const slug = (name: string): string => name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'event';

function eventFiles(l: FunctionLayout): ExportFile[] {
  const files: ExportFile[] = [{ path: `events/${l.eventsPrefix}.json`, text: l.fn.event.endsWith('\n') ? l.fn.event : `${l.fn.event}\n` }];
  const taken = new Set([files[0]!.path]);
  for (const e of l.fn.savedEvents) {
    let path = `events/${l.eventsPrefix}--${slug(e.name)}.json`;
    for (let n = 2; taken.has(path); n++) path = `events/${l.eventsPrefix}--${slug(e.name)}-${n}.json`;
    taken.add(path);
    files.push({ path, text: e.json.endsWith('\n') ? e.json : `${e.json}\n` });
  }
  return files;
}

/**
 * Every file of the exported SAM project. `compileTypeScript` strips the
 * types of a `.ts` handler (the app passes Sucrase; the core stays pure).
 */
export function exportFiles(workspace: Workspace, compileTypeScript: (fn: WorkspaceFunction) => string): ExportFile[] {
  const template = samTemplate(workspace);
  const files: ExportFile[] = [
    { path: 'template.yaml', text: template.yaml },
    { path: 'README.md', text: exportReadme(workspace, template) },
    { path: WORKSPACE_FILE, text: `${JSON.stringify(workspaceDocument(workspace), null, 2)}\n` },
  ];
  for (const l of template.layout) {
    const code = l.fn.fileName.endsWith('.ts') ? compileTypeScript(l.fn) : l.fn.code;
    files.push({ path: `${l.folder}${l.fileName}`, text: code });
    // Node.js reads a .js file as CommonJS unless package.json says "module" (Node 22 also detects module syntax; Node 20 does not).
    const moduleJs = l.fileName.endsWith('.js') && usesModuleSyntax(code);
    const pkg = { name: l.folder.slice(4, -1).toLowerCase(), version: '1.0.0', private: true, ...(moduleJs ? { type: 'module' } : {}) };
    files.push({ path: `${l.folder}package.json`, text: `${JSON.stringify(pkg, null, 2)}\n` });
    files.push(...eventFiles(l));
  }
  // Each layer version's files, as its archive's root holds them (nodejs/node_modules/…, python/…).
  for (const l of template.layers) for (const f of l.version.files) files.push({ path: `${l.folder}${f.path}`, text: f.content });
  return files;
}
