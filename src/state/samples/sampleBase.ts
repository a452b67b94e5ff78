import { DEFAULT_CONFIG } from '../../core/functionConfig';
import { DEFAULT_SQS_MAPPING_SETTINGS, type SqsMappingSettings } from '../../core/sources/sqsMappingSettings';
import { DEFAULT_STREAM_MAPPING_SETTINGS, type StreamMappingSettings } from '../../core/sources/streamMappingSettings';
import { FUNCTION_DEFAULTS, WORKSPACE_DEFAULTS, type Workspace, type WorkspaceFunction } from '../../core/workspace/workspaceTypes';

/**
 * The defaults a sample application is built on, handed to the samples'
 * module (sampleCatalog.ts) rather than imported by it: that module is its
 * own chunk, and one that imports nothing of the app's leaves the first
 * load's chunks exactly as they were (a shared module would be split out).
 */
export interface SampleBase {
  workspace: Omit<Workspace, 'functions'>;
  /** A function with every field at its default (FunctionConfig's and the workspace's). */
  fn: WorkspaceFunction;
  sqs: SqsMappingSettings;
  stream: StreamMappingSettings;
}

export const SAMPLE_BASE: SampleBase = {
  workspace: WORKSPACE_DEFAULTS,
  fn: { ...FUNCTION_DEFAULTS, ...DEFAULT_CONFIG },
  sqs: DEFAULT_SQS_MAPPING_SETTINGS,
  stream: DEFAULT_STREAM_MAPPING_SETTINGS,
};
