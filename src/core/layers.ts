import { utf8Length } from './codec';
import { RUNTIMES, type Runtime } from './functionConfig';

/**
 * Lambda layers (lambda-model.md §10): a named, versioned archive whose
 * files are extracted into `/opt` of every environment of a function that
 * lists it. Versions are immutable and numbered 1, 2, … per layer name. A
 * function lists up to 5 layer version ARNs, in order; they are extracted
 * in that order, so a file in a later layer replaces the same file of an
 * earlier one. Pure: no I/O, no clock.
 */

/** One file of a layer, its path relative to the layer's root (`nodejs/node_modules/greet/index.js`, `python/greet.py`). */
export interface LayerFile {
  path: string;
  content: string;
}

/** An immutable published version of a layer. */
export interface LayerVersion {
  version: number;
  description: string;
  files: LayerFile[];
  /** CompatibleRuntimes, informational (Lambda does not refuse a function of another runtime). */
  compatibleRuntimes: Runtime[];
}

/** A layer of the workspace: its name and its published versions, oldest first. */
export interface Layer {
  name: string;
  versions: LayerVersion[];
}

/** A layer refused as Lambda's API refuses it. */
export interface LayerProblem {
  errorType: 'ValidationException' | 'InvalidParameterValueException';
  message: string;
}

/** Lambda's limits on layers: 5 per function, and 250 MB unzipped with the function's code (lambda-model.md §2). */
export const LAYER_LIMITS = { perFunction: 5, unzippedBytes: 262_144_000, nameLength: 140, descriptionLength: 256 } as const;

/** Where a layer's files are extracted. */
export const LAYER_ROOT = '/opt';

const LAYER_NAME = /^[a-zA-Z0-9_-]+$/;
const LAYER_NAME_PATTERN = '(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+';
const LAYER_VERSION_ARN = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):layer:([a-zA-Z0-9_-]+):(\d+)$/;

/** `arn:aws:lambda:<region>:<account>:layer:<name>:<version>` */
export function layerVersionArn(region: string, accountId: string, name: string, version: number): string {
  return `arn:aws:lambda:${region}:${accountId}:layer:${name}:${version}`;
}

/** The parts of a layer version ARN; null when it is not one. */
export function parseLayerVersionArn(arn: string): { region: string; accountId: string; name: string; version: number } | null {
  const m = LAYER_VERSION_ARN.exec(arn);
  if (!m) return null;
  return { region: m[1]!, accountId: m[2]!, name: m[3]!, version: Number(m[4]) };
}

/** The unzipped size Lambda counts: the files' contents, in UTF-8 bytes. */
export function filesSizeBytes(files: readonly { content: string }[]): number {
  return files.reduce((sum, f) => sum + utf8Length(f.content), 0);
}

/** A path inside the layer: relative, normalised, no `..` out of it; null when it cannot be one. */
export function layerPath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length > 0 ? parts.join('/') : null;
}

/** What PublishLayerVersion refuses: a bad name, a description too long, no files, a file path outside the layer, an archive over 250 MB unzipped. */
export function publishProblem(name: string, description: string, files: readonly LayerFile[]): LayerProblem | null {
  if (name.length < 1 || name.length > LAYER_LIMITS.nameLength || !LAYER_NAME.test(name)) {
    return {
      errorType: 'ValidationException',
      message: `1 validation error detected: Value '${name}' at 'layerName' failed to satisfy constraint: Member must have length less than or equal to ${LAYER_LIMITS.nameLength} and satisfy regular expression pattern: ${LAYER_NAME_PATTERN}`,
    };
  }
  if (description.length > LAYER_LIMITS.descriptionLength) {
    return { errorType: 'ValidationException', message: `1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to ${LAYER_LIMITS.descriptionLength}` };
  }
  if (files.length === 0) return { errorType: 'InvalidParameterValueException', message: 'Uploaded file must be a non-empty zip' };
  const bad = files.find((f) => layerPath(f.path) === null);
  if (bad) return { errorType: 'InvalidParameterValueException', message: `Could not unzip uploaded file: the entry '${bad.path}' is not a path inside the layer.` };
  if (filesSizeBytes(files) >= LAYER_LIMITS.unzippedBytes) {
    return { errorType: 'InvalidParameterValueException', message: `Unzipped size must be smaller than ${LAYER_LIMITS.unzippedBytes} bytes` };
  }
  return null;
}

/**
 * PublishLayerVersion: a new version of the layer `name` (made if it is
 * new), numbered one past its last. Files with the same path keep the last.
 */
export function publishLayerVersion(
  layers: readonly Layer[],
  name: string,
  content: { description: string; files: readonly LayerFile[]; compatibleRuntimes?: readonly Runtime[] },
): { layers: Layer[]; version: LayerVersion } | LayerProblem {
  const problem = publishProblem(name, content.description, content.files);
  if (problem) return problem;
  const byPath = new Map<string, string>();
  for (const f of content.files) byPath.set(layerPath(f.path)!, f.content);
  const files = [...byPath].map(([path, text]) => ({ path, content: text })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const existing = layers.find((l) => l.name === name);
  const number = (existing?.versions.at(-1)?.version ?? 0) + 1;
  const runtimes = (content.compatibleRuntimes ?? []).filter((r) => (RUNTIMES as readonly string[]).includes(r));
  const version: LayerVersion = { version: number, description: content.description, files, compatibleRuntimes: [...runtimes] };
  const next = existing ? layers.map((l) => (l === existing ? { ...l, versions: [...l.versions, version] } : l)) : [...layers, { name, versions: [version] }];
  return { layers: next, version };
}

/** The published version an ARN names in this workspace (its region and account are the playground's); null when there is none. */
export function findLayerVersion(layers: readonly Layer[], arn: string, region: string, accountId: string): LayerVersion | null {
  const parts = parseLayerVersionArn(arn);
  if (!parts || parts.region !== region || parts.accountId !== accountId) return null;
  return layers.find((l) => l.name === parts.name)?.versions.find((v) => v.version === parts.version) ?? null;
}

/**
 * What CreateFunction / UpdateFunctionConfiguration refuse in a function's
 * `Layers`, in Lambda's words: more than 5, an ARN that is not a layer
 * version ARN, a version that does not exist, two versions of one layer,
 * and the function's code with the layers over 250 MB unzipped.
 */
export function functionLayersProblem(
  arns: readonly string[],
  layers: readonly Layer[],
  codeBytes: number,
  where: { region: string; accountId: string },
): LayerProblem | null {
  if (arns.length > LAYER_LIMITS.perFunction) return { errorType: 'InvalidParameterValueException', message: 'Cannot reference more than 5 layers.' };
  const seen = new Map<string, string>();
  let total = codeBytes;
  for (const arn of arns) {
    const parts = parseLayerVersionArn(arn);
    if (!parts) {
      return {
        errorType: 'ValidationException',
        message: `1 validation error detected: Value '[${arn}]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 140, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: (arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+), Member must not be null]`,
      };
    }
    const version = findLayerVersion(layers, arn, where.region, where.accountId);
    if (!version) return { errorType: 'InvalidParameterValueException', message: `Layer version ${arn} does not exist.` };
    const layerArn = arn.slice(0, arn.lastIndexOf(':'));
    const earlier = seen.get(layerArn);
    if (earlier !== undefined) {
      return {
        errorType: 'InvalidParameterValueException',
        message: `Two different versions of the same layer are not allowed to be referenced in the same function. ${earlier} and ${arn} are versions of the same layer.`,
      };
    }
    seen.set(layerArn, arn);
    total += filesSizeBytes(version.files);
  }
  if (total > LAYER_LIMITS.unzippedBytes) {
    return {
      errorType: 'InvalidParameterValueException',
      message: `Function code combined with layers exceeds the maximum allowed size of ${LAYER_LIMITS.unzippedBytes} bytes. The actual size is ${total} bytes.`,
    };
  }
  return null;
}

/**
 * `/opt` as the function's environments see it: every listed layer's files
 * under `/opt/<path>`, extracted in list order (a later layer's file
 * replaces an earlier one's at the same path). ARNs that name no version are
 * skipped (the function's configuration says why it cannot deploy).
 */
export function mergeLayerFiles(arns: readonly string[], layers: readonly Layer[], where: { region: string; accountId: string }): LayerFile[] {
  const merged = new Map<string, string>();
  for (const arn of arns) {
    const version = findLayerVersion(layers, arn, where.region, where.accountId);
    for (const f of version?.files ?? []) merged.set(`${LAYER_ROOT}/${f.path}`, f.content);
  }
  return [...merged].map(([path, content]) => ({ path, content }));
}
