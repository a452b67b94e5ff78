import { base64Encode } from './codec';
import type { FunctionConfig } from './functionConfig';
import type { SnapshotRecord } from './snapStart';
import { sha256Hex } from './sources/sha256';

/**
 * Versions and aliases of one function (lambda-model.md §2; AWS Lambda
 * Developer Guide, "Lambda function versions" and "Lambda function aliases").
 * A version is an immutable snapshot of the function's code and
 * configuration, numbered 1, 2, … and never reused; `$LATEST` is the
 * editable function. An alias names a version, and may send a share of its
 * requests to one other version (weighted routing, the canary).
 */
export const LATEST = '$LATEST';

export interface PublishedVersion {
  /** 1, 2, …: never reused. */
  version: number;
  description: string;
  /** When it was published (epoch ms, platform time). */
  publishedAtMs: number;
  /** Lambda's CodeSha256: base64 of the SHA-256 of the code. */
  codeSha256: string;
  /** The code and configuration, frozen. */
  config: FunctionConfig;
  /** Published with SnapStart on: the snapshot its cold starts restore (absent: none, they init). */
  snapStart?: SnapshotRecord;
}

export interface FunctionAlias {
  name: string;
  /** The version it points at: a published number, or `$LATEST` (allowed only without weights). */
  functionVersion: number | typeof LATEST;
  /** RoutingConfig.AdditionalVersionWeights: one other version and the share of requests it takes (0–1). */
  additional: { version: number; weight: number } | null;
  description: string;
}

export interface FunctionVersions {
  versions: readonly PublishedVersion[];
  aliases: readonly FunctionAlias[];
}

export const NO_VERSIONS: FunctionVersions = { versions: [], aliases: [] };

/** A refusal as Lambda's API words it: the exception's name and its message. */
export interface VersionsProblem {
  errorType: 'InvalidParameterValueException' | 'ResourceConflictException' | 'ResourceNotFoundException' | 'ValidationException';
  message: string;
}

/** Lambda's CodeSha256 of a function's code (here the code text stands for the deployment package). */
export function codeSha256(code: string): string {
  const hex = sha256Hex(code);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return base64Encode(bytes);
}

/** What a version freezes, compared field by field: the code and every setting of the configuration. */
function sameSnapshot(a: FunctionConfig, b: FunctionConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof FunctionConfig>;
  // No layers is no layers, listed or not; /opt as deployed follows from the layer ARNs.
  keys.delete('layerFiles');
  keys.delete('layers');
  if (JSON.stringify(a.layers ?? []) !== JSON.stringify(b.layers ?? [])) return false;
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return true;
}

/**
 * PublishVersion: a new version from `$LATEST`, numbered after the highest
 * ever published, or, when neither code nor configuration changed since the
 * last one, that last version again (Lambda publishes no duplicate).
 */
export function publishVersion(
  state: FunctionVersions,
  config: FunctionConfig,
  atMs: number,
  description = '',
  snapStart?: SnapshotRecord,
): { state: FunctionVersions; version: PublishedVersion; created: boolean } {
  const last = state.versions[state.versions.length - 1];
  // SnapStart is part of the function's configuration on Lambda: turning it on or off makes the next publish a new version.
  if (last && sameSnapshot(last.config, config) && (last.snapStart !== undefined) === (snapStart !== undefined)) return { state, version: last, created: false };
  const version: PublishedVersion = {
    version: nextVersionNumber(state),
    description,
    publishedAtMs: atMs,
    codeSha256: codeSha256(config.code),
    config: { ...config, environment: { ...config.environment } },
    ...(snapStart ? { snapStart } : {}),
  };
  return { state: { ...state, versions: [...state.versions, version] }, version, created: true };
}

/** The number the next published version gets (numbers are never reused). */
export function nextVersionNumber(state: FunctionVersions): number {
  return (state.versions[state.versions.length - 1]?.version ?? 0) + 1;
}

/** Would publishing `config` (with SnapStart on or off) make a new version, or answer the last one again? */
export function publishWouldCreate(state: FunctionVersions, config: FunctionConfig, snapStart: boolean): boolean {
  const last = state.versions[state.versions.length - 1];
  return !(last && sameSnapshot(last.config, config) && (last.snapStart !== undefined) === snapStart);
}

/** A version number or alias name, as Lambda reads a qualifier (`$LATEST`, `3`, `live`). */
export type Resolved =
  | { kind: 'latest' }
  | { kind: 'version'; version: PublishedVersion }
  | { kind: 'alias'; alias: FunctionAlias };

export function qualifiedArn(functionArn: string, qualifier: string): string {
  return qualifier === '' ? functionArn : `${functionArn}:${qualifier}`;
}

function notFound(functionArn: string, qualifier: string): VersionsProblem {
  return { errorType: 'ResourceNotFoundException', message: `Function not found: ${qualifiedArn(functionArn, qualifier)}` };
}

/** What a qualifier names, or Lambda's ResourceNotFoundException. */
export function resolveQualifier(state: FunctionVersions, qualifier: string, functionArn: string): Resolved | VersionsProblem {
  if (qualifier === '' || qualifier === LATEST) return { kind: 'latest' };
  if (/^[0-9]+$/.test(qualifier)) {
    const version = state.versions.find((v) => v.version === Number(qualifier));
    return version ? { kind: 'version', version } : notFound(functionArn, qualifier);
  }
  const alias = state.aliases.find((a) => a.name === qualifier);
  return alias ? { kind: 'alias', alias } : notFound(functionArn, qualifier);
}

/**
 * A function named as Lambda's FunctionName parameter takes it: `name`, or
 * the partial ARN `name:qualifier` (a version or an alias), which is how a
 * trigger calls a version or an alias.
 */
export function splitQualifiedName(functionName: string): { name: string; qualifier: string } {
  const at = functionName.indexOf(':');
  return at < 0 ? { name: functionName, qualifier: '' } : { name: functionName.slice(0, at), qualifier: functionName.slice(at + 1) };
}

export function isProblem(r: Resolved | VersionsProblem): r is VersionsProblem {
  return 'errorType' in r;
}

/**
 * The version an alias sends one request to: `u`, uniform in [0, 1), below
 * the additional version's weight picks it (a 90/10 canary sends about one
 * request in ten to the new version).
 */
export function routeAlias(alias: FunctionAlias, u: number): number | typeof LATEST {
  return alias.additional && u < alias.additional.weight ? alias.additional.version : alias.functionVersion;
}

/** Lambda's alias name rule (CreateAlias: 1–128 characters, not only digits). */
const ALIAS_NAME = /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/;

/**
 * CreateAlias / UpdateAlias (`replacing`: the alias's current name when it is
 * updated): every refusal in Lambda's words, or null when Lambda accepts it.
 */
export function aliasProblem(state: FunctionVersions, alias: FunctionAlias, functionArn: string, replacing: string | null = null): VersionsProblem | null {
  if (alias.name.length < 1 || alias.name.length > 128 || !ALIAS_NAME.test(alias.name)) {
    return {
      errorType: 'ValidationException',
      message: `1 validation error detected: Value '${alias.name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)`,
    };
  }
  if (alias.name !== replacing && state.aliases.some((a) => a.name === alias.name)) {
    return { errorType: 'ResourceConflictException', message: `Alias already exists: ${qualifiedArn(functionArn, alias.name)}` };
  }
  const exists = (v: number): boolean => state.versions.some((p) => p.version === v);
  if (alias.functionVersion !== LATEST && !exists(alias.functionVersion)) return notFound(functionArn, String(alias.functionVersion));
  const extra = alias.additional;
  if (!extra) return null;
  if (!(extra.weight >= 0 && extra.weight <= 1)) {
    return {
      errorType: 'ValidationException',
      message: `1 validation error detected: Value '{${extra.version}=${extra.weight}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]`,
    };
  }
  if (alias.functionVersion === LATEST) {
    return { errorType: 'InvalidParameterValueException', message: '$LATEST is not supported for an alias pointing to more than 1 version' };
  }
  if (!exists(extra.version)) return notFound(functionArn, String(extra.version));
  if (extra.version === alias.functionVersion) {
    return { errorType: 'InvalidParameterValueException', message: `Invalid routing configuration: version ${extra.version} is already the alias's primary version.` };
  }
  return null;
}

/** PutProvisionedConcurrencyConfig's qualifier rules: a published version, or an alias that points at published versions. */
export function provisionedQualifierProblem(state: FunctionVersions, qualifier: string, functionArn: string): VersionsProblem | null {
  const r = resolveQualifier(state, qualifier, functionArn);
  if (isProblem(r)) return r;
  if (r.kind === 'latest' || (r.kind === 'alias' && r.alias.functionVersion === LATEST)) {
    return { errorType: 'InvalidParameterValueException', message: 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.' };
  }
  const versions = r.kind === 'version' ? [r.version.version] : [r.alias.functionVersion, ...(r.alias.additional ? [r.alias.additional.version] : [])];
  if (versions.some((n) => state.versions.find((v) => v.version === n)?.snapStart !== undefined)) {
    // A version is either snapshotted or provisioned, never both (lambda-model.md §9).
    return { errorType: 'InvalidParameterValueException', message: 'SnapStart is not supported for functions with provisioned concurrency.' };
  }
  return null;
}

/**
 * How provisioned environments set on a qualifier are held, by version: all
 * on a version; on a weighted alias, split by the weights (the primary's
 * share rounded, the rest on the additional version), as Lambda allocates
 * them for a canary.
 */
export function provisionedByVersion(state: FunctionVersions, qualifier: string, count: number): Map<number, number> {
  const out = new Map<number, number>();
  if (count <= 0) return out;
  // Lambda refuses provisioned concurrency where it refuses it in words (provisionedQualifierProblem): none is held.
  if (provisionedQualifierProblem(state, qualifier, '') !== null) return out;
  const r = resolveQualifier(state, qualifier, '');
  if (isProblem(r) || r.kind === 'latest') return out;
  if (r.kind === 'version') return out.set(r.version.version, count);
  const { functionVersion, additional } = r.alias;
  if (functionVersion === LATEST) return out;
  if (!additional || additional.weight === 0) return out.set(functionVersion, count);
  const extra = Math.round(count * additional.weight);
  if (count - extra > 0) out.set(functionVersion, count - extra);
  if (extra > 0) out.set(additional.version, extra);
  return out;
}
