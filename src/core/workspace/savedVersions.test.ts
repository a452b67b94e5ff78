import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../functionConfig';
import { NO_VERSIONS, publishVersion } from '../functionVersions';
import { readWorkspace } from './readWorkspace';
import { savedVersions, versionsFromSaved } from './savedVersions';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';

describe('versions and aliases in the saved workspace', () => {
  let state = publishVersion(NO_VERSIONS, { ...DEFAULT_CONFIG, code: 'one' }, 1000, 'first').state;
  state = publishVersion(state, { ...DEFAULT_CONFIG, code: 'two', memoryMb: 512 }, 2000).state;
  state = { ...state, aliases: [{ name: 'live', functionVersion: 2, additional: { version: 1, weight: 0.1 }, description: '' }] };

  it('round-trip: every version with its frozen code and configuration, every alias with its weights', () => {
    const back = versionsFromSaved(savedVersions(state), ARN);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(state);
  });

  it("a SnapStart version's snapshot (seed, when, its Init) survives a save", () => {
    const snap = publishVersion(state, { ...DEFAULT_CONFIG, code: 'three', runtime: 'python3.12' }, 3000, '', { seed: 7, takenAtMs: 3000, initDurationMs: 812.5 }).state;
    const back = versionsFromSaved(savedVersions(snap), ARN);
    expect(back.state.versions[2]!.snapStart).toEqual({ seed: 7, takenAtMs: 3000, initDurationMs: 812.5 });
    expect(back.state.versions[1]!.snapStart).toBeUndefined();
    // A tampered save: a snapshot of a Node.js version is dropped, and said.
    const saved = savedVersions(snap);
    saved.versions[2] = { ...saved.versions[2]!, config: { ...saved.versions[2]!.config, runtime: 'nodejs22.x' } };
    const tampered = versionsFromSaved(saved, ARN);
    expect(tampered.state.versions[2]!.snapStart).toBeUndefined();
    expect(tampered.problems).toEqual(["Version 3's SnapStart snapshot was left out: nodejs22.x is not supported for SnapStart enabled functions."]);
  });

  it('a tampered save: an out-of-order version and an alias Lambda would refuse are left out, and said', () => {
    const saved = savedVersions(state);
    saved.versions.push({ ...saved.versions[0]!, version: 1 });
    saved.aliases.push({ name: 'bad', functionVersion: '$LATEST', additionalVersion: 1, additionalWeight: 0.5, description: '' });
    saved.aliases.push({ name: 'gone', functionVersion: '9', description: '' });
    const back = versionsFromSaved(saved, ARN);
    expect(back.state.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(back.state.aliases.map((a) => a.name)).toEqual(['live']);
    expect(back.problems).toEqual([
      `Version 1 of ${ARN} comes after version 2: it was left out.`,
      'Alias bad was left out: InvalidParameterValueException: $LATEST is not supported for an alias pointing to more than 1 version',
      `Alias gone was left out: ResourceNotFoundException: Function not found: ${ARN}:9`,
    ]);
  });

  it('a workspace from before versions opens with none', () => {
    const read = readWorkspace({ name: 'old', functions: [{ name: 'f', code: 'x' }], concurrency: {}, loadPlan: {} });
    expect(read.functions[0]).toMatchObject({ versions: [], aliases: [] });
  });
});
