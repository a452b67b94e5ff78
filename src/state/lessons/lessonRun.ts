import type { PlatformCommand } from '../../core/platformTypes';
import { LessonFactsRecorder, type LessonEvent, type LessonFacts } from './lessonFacts';
import type { Lesson } from './lessonTypes';

/**
 * One taking of a lesson: what happened, checked against the current step
 * after everything that could complete it. A step that passes records what
 * the user saw, and the next one starts with fresh "since this step" facts.
 */
export class LessonRun {
  private readonly facts = new LessonFactsRecorder();
  private index = 0;
  private readonly seen: string[] = [];

  constructor(
    readonly lesson: Lesson,
    sqsNow: LessonFacts['sqs'],
  ) {
    this.facts.startLesson(sqsNow);
  }

  get stepIndex(): number {
    return this.index;
  }

  get saw(): readonly string[] {
    return this.seen;
  }

  get complete(): boolean {
    return this.index >= this.lesson.steps.length;
  }

  /** Returns whether a step was completed. */
  observe(functionId: string, commands: readonly PlatformCommand[], sqsNow: LessonFacts['sqs']): boolean {
    this.facts.observe(functionId, commands);
    return this.evaluate(sqsNow);
  }

  event(kind: LessonEvent, sqsNow: LessonFacts['sqs']): boolean {
    this.facts.event(kind);
    return this.evaluate(sqsNow);
  }

  evaluate(sqsNow: LessonFacts['sqs']): boolean {
    const step = this.lesson.steps[this.index];
    if (!step) return false;
    this.facts.sqsNow(sqsNow);
    if (!step.check({ step: this.facts.step, lesson: this.facts.lesson })) return false;
    this.seen.push(step.saw);
    this.index += 1;
    this.facts.startStep(sqsNow);
    return true;
  }
}
