import type { Workspace } from '../../core/workspace/workspaceTypes';
import type { LessonFacts } from './lessonFacts';

/** What a step's check sees: what happened since the step began, and since the lesson began. */
export interface StepContext {
  step: LessonFacts;
  lesson: LessonFacts;
}

export interface LessonStep {
  /** What to do, in one or two sentences. */
  instruction: string;
  /** Where to do it, when it is not the Run view (a view's tab name). */
  where?: string;
  /** Did the platform really do what the step is about? */
  check(ctx: StepContext): boolean;
  /** What the user just saw, said once the check passes. */
  saw: string;
  /** A button that does the step's change for the user (the same action as the page's own control). */
  action?: { label: string; run(): void };
}

export interface Lesson {
  id: string;
  title: string;
  /** One sentence: what the lesson shows. */
  summary: string;
  /** The workspace the lesson starts from (it opens as a new workspace; the user's own stay saved). */
  workspace(): Workspace;
  steps: LessonStep[];
}
