/**
 * Export and import of workspaces as files: the SAM project zip, a
 * playground.json, or a handler file. A module of its own, loaded when the
 * user exports or imports, so that the SAM template, the zip code and the
 * importers are not part of the app's first load.
 */
import { loadSucrase, sucrase } from '../bridge/sucraseLoader';
import { exportFiles } from '../core/workspace/exportFiles';
import { ImportProblem, workspaceFromDocument, workspaceFromFiles, type ImportedFile } from '../core/workspace/importFiles';
import type { WorkspaceFunction } from '../core/workspace/workspaceTypes';
import { readZip, ZipError } from '../bridge/zipReader';
import { writeZip } from '../bridge/zipWriter';
import { currentWorkspace, openAsNew } from './workspaceStore';

/** Type-stripped JavaScript for an exported `.ts` handler; module syntax is kept, line numbers too. */
export function compileTypeScriptForExport(fn: WorkspaceFunction): string {
  try {
    return sucrase().transform(fn.code, { transforms: ['typescript'], filePath: fn.fileName, disableESTransforms: true, keepUnusedImports: false }).code;
  } catch (err) {
    return `// The playground could not compile this TypeScript (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).\n// The source follows as it was: fix it, or compile it yourself.\n${fn.code}`;
  }
}

const slug = (name: string): string => name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'workspace';

/** The workspace as a SAM project zip, and the name to download it as. */
export async function exportZip(modified = new Date()): Promise<{ fileName: string; bytes: Uint8Array }> {
  const workspace = currentWorkspace();
  const encoder = new TextEncoder();
  await loadSucrase();
  const files = exportFiles(workspace, compileTypeScriptForExport).map((f) => ({ path: f.path, data: encoder.encode(f.text) }));
  return { fileName: `${slug(workspace.name)}.zip`, bytes: await writeZip(files, modified) };
}

const HANDLER = /\.(mjs|cjs|js|ts)$/i;

/** A zip (an export, or any project with handler files), a playground.json, or one handler file, opened as a new workspace. Returns a problem to show, or null. */
export async function importFile(file: File): Promise<string | null> {
  if (file.size > 64 * 1024 * 1024) return `${file.name} is larger than 64 MB: not imported.`;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const base = file.name.replace(/\.[^.]+$/, '') || 'Imported';
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    let workspace;
    if (isZip) {
      const decoder = new TextDecoder();
      const files: ImportedFile[] = (await readZip(bytes)).map((e) => ({ path: e.path, text: decoder.decode(e.data) }));
      workspace = workspaceFromFiles(files, base);
    } else if (/\.json$/i.test(file.name)) {
      workspace = workspaceFromDocument(new TextDecoder().decode(bytes), file.name);
    } else if (HANDLER.test(file.name)) {
      workspace = workspaceFromFiles([{ path: file.name, text: new TextDecoder().decode(bytes) }], base);
    } else {
      return `${file.name} is not a zip, a playground.json or a handler file (.mjs, .js, .cjs, .ts).`;
    }
    await openAsNew(workspace, 'import');
    return null;
  } catch (err) {
    if (err instanceof ImportProblem || err instanceof ZipError) return `${file.name}: ${err.message}`;
    return `${file.name} could not be imported: ${err instanceof Error ? err.message : String(err)}`;
  }
}
