import { describe, expect, it } from 'vitest';
import { SchemaProblem } from '../schema/schema';
import { MIGRATIONS, migrateToCurrent, OLDEST_VERSION, readAnyVersion } from './workspaceMigrations';
import { WORKSPACE_VERSION } from './workspaceTypes';

describe('migrations', () => {
  it('form one unbroken chain from the oldest version to the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: WORKSPACE_VERSION - OLDEST_VERSION }, (_, i) => OLDEST_VERSION + i));
  });

  it('v1 (one function and its event) becomes a one-function workspace', () => {
    const w = readAnyVersion(1, { function: { name: 'old', code: 'x', memoryMb: 256 }, event: '{"a":1}' });
    expect(w.functions).toHaveLength(1);
    expect(w.functions[0]).toMatchObject({ name: 'old', code: 'x', memoryMb: 256, event: '{"a":1}', runtime: 'nodejs22.x' });
    expect(w.triggers).toEqual([]);
  });

  it('a malformed old document names what is wrong; an unknown version is refused', () => {
    expect(() => migrateToCurrent(1, { functions: [] })).toThrow(SchemaProblem);
    expect(() => migrateToCurrent(1, { functions: [] })).toThrow('function: expected an object');
    expect(() => migrateToCurrent(0, {})).toThrow('no reader for version 0');
    expect(() => migrateToCurrent(WORKSPACE_VERSION + 1, {})).toThrow(SchemaProblem);
  });

  it('the current version passes through unchanged', () => {
    const doc = { functions: [{ name: 'f' }] };
    expect(migrateToCurrent(WORKSPACE_VERSION, doc)).toBe(doc);
  });
});
