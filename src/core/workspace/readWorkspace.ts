import { readOrThrow, SchemaProblem } from '../schema/schema';
import { workspaceSchema } from './workspaceSchema';
import type { Workspace } from './workspaceTypes';

/**
 * A workspace of the current version from its JSON (compact or full): every
 * left-out field takes its default (workspaceSchema.ts). Throws a
 * SchemaProblem naming the first field that is wrong.
 */
export function readWorkspace(value: unknown): Workspace {
  const workspace = readOrThrow(workspaceSchema, value);
  const last = workspace.functions.length - 1;
  if (workspace.selected > last) throw new SchemaProblem('selected', `expected a function index from 0 to ${last}`);
  return workspace;
}
