import { DEFAULT_SETTINGS, type PlatformSettings } from '../../core/platformSettings';
import type { LoadPlan } from '../../core/loadPattern';
import type { Workspace } from '../../core/workspace/workspaceTypes';
import { exampleWorkspace } from '../workspaceSnapshot';

type FunctionSeed = Workspace['functions'][number];

export interface LessonWorkspaceSpec {
  title: string;
  code: string;
  event?: string;
  fn?: Partial<Omit<FunctionSeed, 'code'>>;
  settings?: Partial<PlatformSettings>;
  loadPlan?: LoadPlan;
  triggers?: Workspace['triggers'];
}

/** A lesson's starting workspace: the example's defaults with the lesson's code, settings, load plan and triggers. */
export function lessonWorkspace(spec: LessonWorkspaceSpec): Workspace {
  const base = exampleWorkspace(`Lesson: ${spec.title}`);
  const [fn] = base.functions;
  if (!fn) throw new Error('the example workspace has no function');
  return {
    ...base,
    functions: [{ ...fn, ...spec.fn, code: spec.code, event: spec.event ?? fn.event }],
    concurrency: { ...DEFAULT_SETTINGS, ...spec.settings },
    ...(spec.loadPlan ? { loadPlan: spec.loadPlan } : {}),
    triggers: spec.triggers ?? [],
  };
}
