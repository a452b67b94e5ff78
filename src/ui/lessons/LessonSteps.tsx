import { lessonLink } from '../../state/lessons/lessonStore';
import type { Lesson, LessonStep } from '../../state/lessons/lessonTypes';

interface Props {
  lesson: Lesson;
  stepIndex: number;
  saw: readonly string[];
  /** In the embed: a step that needs a view the embed lacks links to the full playground. */
  compact: boolean;
}

/** What the current step offers: its button, or (in the embed, for a view the embed lacks) the way to the full page. */
function StepHelp({ step, lessonId, compact }: { step: LessonStep; lessonId: string; compact: boolean }) {
  if (step.action) {
    const { label, run } = step.action;
    return (
      <button type="button" className="lesson-action" onClick={run}>
        {label}
      </button>
    );
  }
  if (compact && step.where) {
    return (
      <p className="lesson-waiting">
        This step needs the {step.where} view:{' '}
        <a href={lessonLink(lessonId)} target="_blank" rel="noopener">
          open the lesson in the full playground
        </a>
        .
      </p>
    );
  }
  return null;
}

/** The lesson's steps in order: done ones say what the user saw, the current one what to do, later ones wait. */
export function LessonSteps({ lesson, stepIndex, saw, compact }: Props) {
  return (
    <ol className="lesson-steps" aria-label="Lesson steps">
      {lesson.steps.map((step, i) => {
        const state = i < stepIndex ? 'done' : i === stepIndex ? 'current' : 'later';
        return (
          <li key={i} className={`lesson-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="lesson-step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <div>
              <p>
                {state === 'done' && <span className="visually-hidden">Done: </span>}
                {step.instruction}
                {step.where && state !== 'done' && <span className="lesson-where"> (in {step.where})</span>}
              </p>
              {state === 'done' && <p className="lesson-saw">{saw[i]}</p>}
              {state === 'current' && (
                <>
                  <StepHelp step={step} lessonId={lesson.id} compact={compact} />
                  <p className="lesson-waiting">Waiting for the platform to do it…</p>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
