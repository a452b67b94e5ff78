import { SchemaProblem } from '../schema/schema';
import { FieldReader } from './fieldReader';
import { readWorkspace } from './readWorkspace';
import { WORKSPACE_VERSION, type Workspace } from './workspaceTypes';

/**
 * Ordered migrations, as data: each turns the JSON of version `from` into
 * the JSON of version `from + 1`. A document of any earlier version is run
 * through every step after it, then read as the current version. Add a step
 * (and a fixture of the old format under test/fixtures/links/) whenever the
 * schema changes in a way old readers would misread.
 */
export interface Migration {
  from: number;
  what: string;
  migrate(doc: unknown): unknown;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    what: 'v1 held one function and its test event ({"function": {...}, "event": "..."}); v2 holds a workspace of functions, triggers, concurrency settings, a load plan and scenarios.',
    migrate(doc) {
      const r = FieldReader.of(doc, '');
      const fn = r.object('function');
      const event = r.has('event') ? r.string('event') : undefined;
      return { functions: [{ ...fn.value, ...(event !== undefined ? { event } : {}) }] };
    },
  },
];

/** The oldest version still read. */
export const OLDEST_VERSION = 1;

/** JSON of `version` turned into the current version's JSON. Throws a SchemaProblem if a step finds it malformed. */
export function migrateToCurrent(version: number, doc: unknown): unknown {
  if (!Number.isInteger(version) || version < OLDEST_VERSION || version > WORKSPACE_VERSION) {
    throw new SchemaProblem('version', `no reader for version ${version}`);
  }
  let current = doc;
  for (let v = version; v < WORKSPACE_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new SchemaProblem('version', `no migration from version ${v}`);
    current = step.migrate(current);
  }
  return current;
}

/** A document of any supported version, migrated and read. */
export function readAnyVersion(version: number, doc: unknown): Workspace {
  return readWorkspace(migrateToCurrent(version, doc));
}
