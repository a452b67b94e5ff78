import { workspaceSchema } from './workspaceSchema';
import type { Workspace } from './workspaceTypes';

/**
 * The workspace with every field that equals its default left out (the
 * defaults are workspaceSchema.ts's): what a share link and a saved record
 * carry. `readWorkspace(compactWorkspace(w))` gives `w` back.
 */
export function compactWorkspace(w: Workspace): Record<string, unknown> {
  const out = workspaceSchema.compact(w) as Record<string, unknown>;
  // A function's name is always written: links stay readable and triggers refer to it.
  out.functions = w.functions.map((f, i) => ({ name: f.name, ...(out.functions as Record<string, unknown>[])[i] }));
  return out;
}
