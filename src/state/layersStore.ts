import { create } from 'zustand';
import { utf8Length } from '../core/codec';
import type { FunctionConfig, Runtime } from '../core/functionConfig';
import { functionLayersProblem, LAYER_LIMITS, layerVersionArn, publishLayerVersion, type Layer, type LayerFile, type LayerProblem } from '../core/layers';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/sources/sourceTypes';
import { declaredUnzippedBytes, readZip, ZipError } from '../bridge/zipReader';
import { onSessionStart, session } from './currentSession';

export const WHERE = { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT } as const;

export interface LayersState {
  /** The workspace's layers, each with its published versions. */
  layers: Layer[];
  /** The last refusal (`ExceptionName: message`) or what the last action did. */
  message: { kind: 'problem' | 'done'; text: string } | null;
  /** PublishLayerVersion: true when Lambda would publish it (the message names the new version's ARN). */
  publish(name: string, description: string, files: readonly LayerFile[], compatibleRuntimes?: readonly Runtime[]): boolean;
  /** A refusal worded by Lambda, or any other message about layers. */
  say(kind: 'problem' | 'done', text: string): void;
  /** Opening a workspace: its layers. */
  restore(layers: readonly Layer[]): void;
}

const problemText = (p: LayerProblem): string => `${p.errorType}: ${p.message}`;

export const useLayers = create<LayersState>()((set, get) => ({
  layers: [],
  message: null,

  publish(name, description, files, compatibleRuntimes) {
    const out = publishLayerVersion(get().layers, name.trim(), { description, files, ...(compatibleRuntimes ? { compatibleRuntimes } : {}) });
    if ('errorType' in out) {
      set({ message: { kind: 'problem', text: problemText(out) } });
      return false;
    }
    set({ layers: out.layers, message: { kind: 'done', text: `Published ${layerVersionArn(WHERE.region, WHERE.accountId, name.trim(), out.version.version)}.` } });
    return true;
  },

  say(kind, text) {
    set({ message: { kind, text } });
  },

  restore(layers) {
    set({ layers: layers.map((l) => ({ ...l, versions: [...l.versions] })), message: null });
  },
}));

/** What Lambda refuses in the function's layers (more than 5, a missing version, two of one layer, over 250 MB with the code), as `ExceptionName: message`. */
export function functionLayersProblemText(config: Pick<FunctionConfig, 'layers' | 'code'>, layers: readonly Layer[] = useLayers.getState().layers): string | null {
  const problem = functionLayersProblem(config.layers ?? [], layers, utf8Length(config.code), WHERE);
  return problem ? problemText(problem) : null;
}

/**
 * A layer's files from an uploaded .zip, or Lambda's refusal: an archive
 * that unzips to 250 MB or more is refused from its declared sizes, before
 * anything is inflated.
 */
export async function layerFilesFromZip(bytes: Uint8Array): Promise<{ files: LayerFile[] } | { problem: string }> {
  if (declaredUnzippedBytes(bytes) >= LAYER_LIMITS.unzippedBytes) {
    return { problem: `InvalidParameterValueException: Unzipped size must be smaller than ${LAYER_LIMITS.unzippedBytes} bytes` };
  }
  try {
    const decoder = new TextDecoder();
    return { files: (await readZip(bytes)).map((e) => ({ path: e.path, content: decoder.decode(e.data) })) };
  } catch (err) {
    if (err instanceof ZipError) return { problem: `InvalidParameterValueException: Could not unzip uploaded file. ${err.message}` };
    throw err;
  }
}

// The session mounts the listed layers' files when it deploys a function.
onSessionStart((s) => s.setLayers(useLayers.getState().layers));
useLayers.subscribe((state, prev) => {
  if (state.layers !== prev.layers) session().setLayers(state.layers);
});
