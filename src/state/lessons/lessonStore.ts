import { create } from 'zustand';
import type { SqsEventSourceMapping } from '../../core/sources/sqsEventSourceMapping';
import { onSessionStart } from '../currentSession';
import { sourceById, useSources } from '../sourcesStore';
import { loadTriggerKinds } from '../triggerSpecs';
import { openAsNew } from '../workspaceStore';
import { playgroundBaseUrl } from '../workspaceTransfer';
import type { LessonFacts } from './lessonFacts';
import { LessonRun } from './lessonRun';
import { lessonById } from './lessonCatalog';
import { onLessonEvent } from './lessonEvents';

export interface LessonsState {
  /** The Lessons panel is shown. */
  open: boolean;
  /** The lesson being taken, or null for the list. */
  lessonId: string | null;
  /** The step being worked on; equal to the number of steps once the lesson is complete. */
  stepIndex: number;
  /** What the user saw at each completed step, in order. */
  saw: string[];
  /** Why a lesson link could not be opened. */
  problem: string | null;
  show(open: boolean): void;
  /** Open the lesson's workspace (as a new one) and begin at its first step. */
  start(id: string): Promise<void>;
  /** Start the current lesson again from its own workspace. */
  reset(): Promise<void>;
  /** Back to the list of lessons (the workspace stays). */
  leave(): void;
}

let run: LessonRun | null = null;

function sqsTotals(): LessonFacts['sqs'] {
  const totals = { delivered: 0, failed: 0, deadLettered: 0 };
  for (const t of useSources.getState().triggers) {
    if (t.kind !== 'sqs') continue;
    const v = sourceById<SqsEventSourceMapping>(t.sourceId)?.view();
    if (!v) continue;
    totals.delivered += v.delivered;
    totals.failed += v.failed;
    totals.deadLettered += v.deadLettered;
  }
  return totals;
}

export const useLessons = create<LessonsState>()((set, get) => ({
  open: false,
  lessonId: null,
  stepIndex: 0,
  saw: [],
  problem: null,

  show(open) {
    set({ open });
  },

  async start(id) {
    const lesson = lessonById(id);
    if (!lesson) {
      set({ open: true, lessonId: null, problem: `There is no lesson “${id}”. Pick one from the list.` });
      return;
    }
    run = null;
    const workspace = lesson.workspace();
    // A lesson with a queue needs the trigger kinds' code before its first step can be taken.
    if (workspace.triggers.length > 0) await loadTriggerKinds();
    await openAsNew(workspace, 'local', true);
    run = new LessonRun(lesson, sqsTotals());
    set({ open: true, lessonId: id, stepIndex: 0, saw: [], problem: null });
  },

  async reset() {
    const id = get().lessonId;
    if (id) await get().start(id);
  },

  leave() {
    run = null;
    set({ lessonId: null, stepIndex: 0, saw: [], problem: null });
  },
}));

/** Show the run's progress when a step completed. */
function publish(changed: boolean): void {
  if (changed && run) useLessons.setState({ stepIndex: run.stepIndex, saw: [...run.saw] });
}

onSessionStart((s) =>
  s.onPlatformCommands((functionId, commands) => {
    if (run) publish(run.observe(functionId, commands, sqsTotals()));
  }),
);

useSources.subscribe((s, p) => {
  if (run && s.version !== p.version) publish(run.evaluate(sqsTotals()));
});

onLessonEvent((kind) => {
  if (run) publish(run.event(kind, sqsTotals()));
});

/** The link that opens a lesson: in the full page, or (`embed`) in the compact layout a course page can hold in an iframe. */
export function lessonLink(id: string, embed = false): string {
  const params = new URLSearchParams(embed ? { embed: '1', lesson: id } : { lesson: id });
  return `${playgroundBaseUrl()}?${params.toString()}`;
}

/** The page was opened with `?lesson=…`: start it. Outside an embed the parameter is then dropped, so a reload keeps the workspace without opening the lesson again as another copy. */
export async function openLessonFromSearch(search: string, embed: boolean): Promise<void> {
  const id = new URLSearchParams(search).get('lesson');
  if (id === null) return;
  await useLessons.getState().start(id);
  if (embed) return;
  const params = new URLSearchParams(search);
  params.delete('lesson');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
}
