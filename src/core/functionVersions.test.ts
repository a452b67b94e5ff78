import { describe, expect, it } from 'vitest';
import { AccountConcurrency } from './accountConcurrency';
import { ManualClock } from './clock';
import { DEFAULT_CONFIG, type FunctionConfig } from './functionConfig';
import {
  aliasProblem,
  isProblem,
  NO_VERSIONS,
  nextVersionNumber,
  publishWouldCreate,
  provisionedByVersion,
  provisionedQualifierProblem,
  publishVersion,
  resolveQualifier,
  routeAlias,
  splitQualifiedName,
  type FunctionAlias,
  type FunctionVersions,
} from './functionVersions';
import { Platform } from './platform';
import { DEFAULT_SETTINGS } from './platformSettings';
import type { PlatformCommand } from './platformTypes';
import { createRandom } from './random';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';
const config = (code: string, memoryMb = 128): FunctionConfig => ({ ...DEFAULT_CONFIG, code, memoryMb });

/** Versions 1 and 2 published, aliases `live` (→ 1) and `canary` (2 with 10 % to 1). */
function twoVersions(): FunctionVersions {
  let s = publishVersion(NO_VERSIONS, config('v1'), 1000).state;
  s = publishVersion(s, config('v2'), 2000).state;
  const aliases: FunctionAlias[] = [
    { name: 'live', functionVersion: 1, additional: null, description: '' },
    { name: 'canary', functionVersion: 2, additional: { version: 1, weight: 0.1 }, description: '' },
  ];
  return { ...s, aliases };
}

describe('PublishVersion', () => {
  it('numbers versions 1, 2, … and freezes the code and configuration', () => {
    const first = publishVersion(NO_VERSIONS, config('a'), 1000, 'first');
    expect(first).toMatchObject({ created: true, version: { version: 1, description: 'first', publishedAtMs: 1000 } });
    expect(first.version.codeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const second = publishVersion(first.state, config('a', 256), 2000);
    expect(second.version.version).toBe(2);
    expect(second.state.versions.map((v) => v.config.memoryMb)).toEqual([128, 256]);
  });

  it('with no change since the last version, answers that version and publishes none (Lambda publishes no duplicate)', () => {
    const first = publishVersion(NO_VERSIONS, config('a'), 1000);
    const again = publishVersion(first.state, config('a'), 5000, 'ignored');
    expect(again.created).toBe(false);
    expect(again.version.version).toBe(1);
    expect(again.state.versions).toHaveLength(1);
  });
});

describe('qualifiers', () => {
  const s = twoVersions();
  it.each([
    ['', 'latest'],
    ['$LATEST', 'latest'],
    ['2', 'version'],
    ['live', 'alias'],
  ])('%j names the %s', (qualifier, kind) => {
    const r = resolveQualifier(s, qualifier, ARN);
    expect(isProblem(r) ? r.errorType : r.kind).toBe(kind);
  });

  it.each(['7', 'prod'])('%j that does not exist: ResourceNotFoundException with the qualified ARN', (qualifier) => {
    expect(resolveQualifier(s, qualifier, ARN)).toEqual({ errorType: 'ResourceNotFoundException', message: `Function not found: ${ARN}:${qualifier}` });
  });

  it('a 90/10 alias sends the share below the additional weight to the additional version', () => {
    const canary = s.aliases[1]!;
    expect([0, 0.05, 0.0999, 0.1, 0.5, 0.9999].map((u) => routeAlias(canary, u))).toEqual([1, 1, 1, 2, 2, 2]);
    const random = createRandom(7);
    const picks = Array.from({ length: 10_000 }, () => routeAlias(canary, random.next()));
    const share = picks.filter((v) => v === 1).length / picks.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
  });
});

describe('CreateAlias / UpdateAlias refusals, in Lambda’s words', () => {
  const s = twoVersions();
  const alias = (patch: Partial<FunctionAlias>): FunctionAlias => ({ name: 'next', functionVersion: 2, additional: null, description: '', ...patch });
  it.each<[string, Partial<FunctionAlias>, string, RegExp]>([
    ['a weight above 1', { additional: { version: 1, weight: 1.5 } }, 'ValidationException', /routingConfig\.additionalVersionWeights.*less than or equal to 1\.0/],
    ['a negative weight', { additional: { version: 1, weight: -0.1 } }, 'ValidationException', /greater than or equal to 0\.0/],
    ['$LATEST in a weighted pair', { functionVersion: '$LATEST', additional: { version: 1, weight: 0.1 } }, 'InvalidParameterValueException', /^\$LATEST is not supported for an alias pointing to more than 1 version$/],
    ['a version that does not exist', { functionVersion: 9 }, 'ResourceNotFoundException', /^Function not found: .*:my-function:9$/],
    ['an additional version that does not exist', { additional: { version: 9, weight: 0.1 } }, 'ResourceNotFoundException', /:my-function:9$/],
    ['the primary version as its own additional one', { additional: { version: 2, weight: 0.1 } }, 'InvalidParameterValueException', /already the alias's primary version/],
    ['a name of digits only', { name: '12' }, 'ValidationException', /at 'name' failed to satisfy constraint/],
    ['a name with a space', { name: 'my alias' }, 'ValidationException', /at 'name'/],
    ['a name already taken', { name: 'live' }, 'ResourceConflictException', /^Alias already exists: .*:my-function:live$/],
  ])('%s', (_, patch, errorType, message) => {
    const p = aliasProblem(s, alias(patch), ARN);
    expect(p?.errorType).toBe(errorType);
    expect(p?.message).toMatch(message);
  });

  it('accepts an alias of $LATEST without weights, a 90/10 pair, and an update keeping its own name', () => {
    expect(aliasProblem(s, alias({ functionVersion: '$LATEST' }), ARN)).toBeNull();
    expect(aliasProblem(s, alias({ additional: { version: 1, weight: 0.1 } }), ARN)).toBeNull();
    expect(aliasProblem(s, alias({ name: 'live' }), ARN, 'live')).toBeNull();
  });
});

describe('provisioned concurrency on a version or alias only', () => {
  const s = twoVersions();
  const unpublished = { errorType: 'InvalidParameterValueException', message: 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.' };
  it.each<[string, FunctionVersions, object | null]>([
    ['', s, unpublished],
    ['$LATEST', s, unpublished],
    ['latest-alias', { ...s, aliases: [{ name: 'latest-alias', functionVersion: '$LATEST', additional: null, description: '' }] }, unpublished],
    ['3', s, { errorType: 'ResourceNotFoundException', message: `Function not found: ${ARN}:3` }],
    ['1', s, null],
    ['live', s, null],
  ])('qualifier %j', (qualifier, state, problem) => {
    expect(provisionedQualifierProblem(state, qualifier, ARN)).toEqual(problem);
  });

  it('is held by the versions behind the qualifier, split by a weighted alias’s weights', () => {
    expect([...provisionedByVersion(s, '2', 4)]).toEqual([[2, 4]]);
    expect([...provisionedByVersion(s, 'live', 3)]).toEqual([[1, 3]]);
    expect([...provisionedByVersion(s, 'canary', 10)]).toEqual([[2, 9], [1, 1]]);
    expect([...provisionedByVersion(s, '$LATEST', 10)]).toEqual([]);
    expect([...provisionedByVersion(s, 'live', 0)]).toEqual([]);
  });
});

describe('a published version’s platform', () => {
  const clock = new ManualClock(Date.UTC(2026, 11, 5));
  const account = new AccountConcurrency(1000);
  const make = (version: string | undefined, reserved: number | null = null): Platform =>
    new Platform({ clock, random: createRandom(1), config: config('x'), settings: { ...DEFAULT_SETTINGS, reservedConcurrency: reserved }, account, functionId: 'fn', ...(version ? { version } : {}) });

  it('names its environments, log streams, variables and START line after the version, and qualifies the invoked ARN', () => {
    const v3 = make('3');
    const out = v3.handle({ type: 'invoke', ticket: 1, payload: '{}', qualifier: 'live' });
    const start = out.find((c) => c.type === 'startEnvironment');
    if (start?.type !== 'startEnvironment') throw new Error('no environment started');
    expect(start.spec.envId).toBe('env-1-v3');
    expect(start.spec.functionVersion).toBe('3');
    expect(start.spec.logStreamName).toMatch(/^2026\/12\/05\/\[3\][0-9a-f]{32}$/);
    expect(start.spec.variables.AWS_LAMBDA_FUNCTION_VERSION).toBe('3');
    const invoke: PlatformCommand[] = v3.handle({ type: 'initDone', envId: 'env-1-v3', initDurationMs: 50, logs: [] });
    const sent = invoke.find((c) => c.type === 'invoke');
    expect(sent).toMatchObject({ invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:live' });
    const done = v3.handle({ type: 'invokeDone', envId: 'env-1-v3', requestId: sent?.type === 'invoke' ? sent.requestId : '', durationMs: 5, outcome: { kind: 'success', payload: '1' }, logs: [] });
    const complete = done.find((c) => c.type === 'complete');
    if (complete?.type !== 'complete') throw new Error('no completion');
    expect(complete.record.version).toBe('3');
    expect(complete.logs.map((l) => l.text).find((t) => t.startsWith('START'))).toMatch(/^START RequestId: \S+ Version: 3$/);
  });

  it('an unqualified invoke of $LATEST keeps Lambda’s unqualified ARN and `Version: $LATEST`', () => {
    const latest = make(undefined);
    const out = latest.handle({ type: 'invoke', ticket: 1, payload: '{}' });
    const start = out.find((c) => c.type === 'startEnvironment');
    expect(start?.type === 'startEnvironment' && start.spec.functionVersion).toBe('$LATEST');
    const sent = latest.handle({ type: 'initDone', envId: 'env-1', initDurationMs: 50, logs: [] }).find((c) => c.type === 'invoke');
    expect(sent && 'invokedFunctionArn' in sent).toBe(false);
  });

  it('every version of a function counts against the one reservation', () => {
    const shared = new AccountConcurrency(1000);
    const mk = (version: string): Platform =>
      new Platform({ clock, random: createRandom(2), config: config('x'), settings: { ...DEFAULT_SETTINGS, reservedConcurrency: 3 }, account: shared, functionId: 'fn', version });
    const [a, b] = [mk('$LATEST'), mk('1')];
    const rejects = (p: Platform, n: number): number => {
      let r = 0;
      for (let i = 0; i < n; i++) r += p.handle({ type: 'invoke', ticket: i + 1, payload: '{}' }).filter((c) => c.type === 'reject').length;
      return r;
    };
    expect(rejects(a, 2)).toBe(0);
    expect(rejects(b, 2)).toBe(1);
    expect(shared.unreservedPool()).toBe(997);
    a.leaveAccount();
    expect(shared.unreservedPool()).toBe(997);
  });
});

describe('a function named with a qualifier (FunctionName as a partial ARN)', () => {
  it.each([
    ['my-function', { name: 'my-function', qualifier: '' }],
    ['my-function:live', { name: 'my-function', qualifier: 'live' }],
    ['my-function:3', { name: 'my-function', qualifier: '3' }],
    ['my-function:$LATEST', { name: 'my-function', qualifier: '$LATEST' }],
  ])('%s', (text, expected) => {
    expect(splitQualifiedName(text)).toEqual(expected);
  });
});

describe('PublishVersion with SnapStart', () => {
  const config: FunctionConfig = { ...DEFAULT_CONFIG, runtime: 'python3.13', code: 'x = 1' };
  const snapshot = { seed: 1, takenAtMs: 5, initDurationMs: 100 };

  it('turning SnapStart on or off makes a new version even when code and configuration are unchanged', () => {
    const first = publishVersion(NO_VERSIONS, config, 0);
    const withSnap = publishVersion(first.state, config, 1, '', snapshot);
    expect(withSnap.created).toBe(true);
    expect(withSnap.version).toMatchObject({ version: 2, snapStart: snapshot });
    expect(publishWouldCreate(withSnap.state, config, true)).toBe(false);
    expect(publishVersion(withSnap.state, config, 2, '', { ...snapshot, seed: 2 }).created).toBe(false);
    expect(publishWouldCreate(withSnap.state, config, false)).toBe(true);
    expect(nextVersionNumber(withSnap.state)).toBe(3);
  });
});

describe('provisioned concurrency on a SnapStart version', () => {
  const config: FunctionConfig = { ...DEFAULT_CONFIG, runtime: 'python3.12', code: 'x = 1' };
  let state = publishVersion(NO_VERSIONS, config, 0).state;
  state = publishVersion(state, { ...config, code: 'x = 2' }, 1, '', { seed: 1, takenAtMs: 1, initDurationMs: 10 }).state;
  state = { ...state, aliases: [{ name: 'live', functionVersion: 1, additional: { version: 2, weight: 0.1 }, description: '' }] };

  it.each([
    ['the SnapStart version', '2', 'SnapStart is not supported for functions with provisioned concurrency.'],
    ['an alias one of whose versions has a snapshot', 'live', 'SnapStart is not supported for functions with provisioned concurrency.'],
    ['a version without one', '1', null],
  ])('%s', (_name, qualifier, message) => {
    expect(provisionedQualifierProblem(state, qualifier, 'arn')?.message ?? null).toBe(message);
    expect(provisionedByVersion(state, qualifier, 2).size).toBe(message === null ? 1 : 0);
  });
});
