import { layerVersionArn, type LayerVersion } from '../layers';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../sources/sourceTypes';
import { pascalCase, uniqueId } from './exportLayout';
import { ref, type YamlMap, type YamlNode } from './yamlEmitter';
import type { Workspace, WorkspaceFunction } from './workspaceTypes';

/** Where a layer version goes in an exported project, and its name in the template. */
export interface LayerLayout {
  name: string;
  version: LayerVersion;
  /** The version's ARN in the playground: what functions list. */
  arn: string;
  logicalId: string;
  /** `layers/<name>/<version>/`, the version's ContentUri: its files, as the archive's root holds them. */
  folder: string;
}

/** Every published layer version of the workspace, in order, with a logical ID not yet taken. */
export function layerLayout(workspace: Pick<Workspace, 'layers'>, taken: Set<string>): LayerLayout[] {
  return workspace.layers.flatMap((l) =>
    l.versions.map((version) => ({
      name: l.name,
      version,
      arn: layerVersionArn(DEFAULT_REGION, DEFAULT_ACCOUNT, l.name, version.version),
      logicalId: uniqueId(`${pascalCase(l.name, 'Layer')}LayerV${version.version}`, taken),
      folder: `layers/${l.name}/${version.version}/`,
    })),
  );
}

/** AWS::Serverless::LayerVersion for each (SAM publishes it as the next version of LayerName: numbers start again at 1 in a new account). */
export function layerResources(layouts: readonly LayerLayout[]): YamlMap {
  const out: YamlMap = {};
  for (const l of layouts) {
    out[l.logicalId] = {
      Type: 'AWS::Serverless::LayerVersion',
      Properties: {
        LayerName: l.name,
        Description: l.version.description !== '' ? l.version.description : undefined,
        ContentUri: l.folder,
        CompatibleRuntimes: l.version.compatibleRuntimes.length > 0 ? [...l.version.compatibleRuntimes] : undefined,
      },
    };
  }
  return out;
}

/** A function's `Layers:`: a Ref to the exported version for each of the workspace's, the ARN as it is for any other; absent without layers. */
export function functionLayers(fn: Pick<WorkspaceFunction, 'layers'>, layouts: readonly LayerLayout[]): YamlNode[] | undefined {
  if (fn.layers.length === 0) return undefined;
  return fn.layers.map((arn) => {
    const exported = layouts.find((l) => l.arn === arn);
    return exported ? ref(exported.logicalId) : arn;
  });
}

/** Files under `layers/<name>/<version>/…` of an imported project, as the layers they were exported from (import without playground.json). */
export function layersFromFiles(files: readonly { path: string; text: string }[]): Workspace['layers'] {
  const byName = new Map<string, Map<number, { path: string; content: string }[]>>();
  for (const f of files) {
    const m = /^(?:.*\/)?layers\/([a-zA-Z0-9_-]+)\/(\d+)\/(.+)$/.exec(f.path);
    if (!m || Number(m[2]) < 1) continue;
    const versions = byName.get(m[1]!) ?? new Map<number, { path: string; content: string }[]>();
    byName.set(m[1]!, versions);
    const list = versions.get(Number(m[2])) ?? [];
    versions.set(Number(m[2]), list);
    list.push({ path: m[3]!, content: f.text });
  }
  return [...byName].map(([name, versions]) => ({
    name,
    versions: [...versions]
      .sort(([a], [b]) => a - b)
      .map(([version, list]) => ({ version, description: '', files: list.sort((a, b) => (a.path < b.path ? -1 : 1)), compatibleRuntimes: [] })),
  }));
}
