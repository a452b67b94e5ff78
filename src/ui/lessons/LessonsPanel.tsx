import { lessonById } from '../../state/lessons/lessonCatalog';
import { lessonLink, useLessons } from '../../state/lessons/lessonStore';
import { LessonList } from './LessonList';
import { LessonSteps } from './LessonSteps';
import './lessons.css';

export const LESSONS_PANEL_ID = 'lessons-panel';

/**
 * The guided lessons, beside the view: the list, or the lesson being taken
 * with its steps, its progress and a check on what the platform really did
 * at each step. `compact` is the embed's version: no list, no close.
 */
export function LessonsPanel({ compact = false }: { compact?: boolean }) {
  const { lessonId, stepIndex, saw, problem, show, reset, leave } = useLessons();
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  const done = lesson !== undefined && stepIndex >= lesson.steps.length;
  return (
    <aside id={LESSONS_PANEL_ID} className={`lessons panel${compact ? ' compact' : ''}`} aria-label="Lessons">
      <div className="panel-head">
        <h2>{lesson ? lesson.title : 'Lessons'}</h2>
        {!compact && (
          <button type="button" className="link-button" onClick={() => show(false)}>
            Close lessons
          </button>
        )}
      </div>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {!lesson && <LessonList />}
      {lesson && (
        <>
          {!compact && <p className="lesson-summary">{lesson.summary}</p>}
          <p className="lesson-progress">
            <label htmlFor="lesson-progress">
              Step {Math.min(stepIndex + 1, lesson.steps.length)} of {lesson.steps.length}
            </label>{' '}
            <progress id="lesson-progress" max={lesson.steps.length} value={stepIndex} />
          </p>
          <LessonSteps lesson={lesson} stepIndex={stepIndex} saw={saw} compact={compact} />
          <p role="status" className="lesson-complete">
            {done ? 'Lesson complete: well done.' : ''}
          </p>
          <div className="lesson-actions">
            <button type="button" onClick={() => void reset()}>
              Reset lesson
            </button>
            {!compact && (
              <button type="button" onClick={leave}>
                All lessons
              </button>
            )}
            <a href={lessonLink(lesson.id)} target="_blank" rel="noopener">
              Link to this lesson
            </a>
          </div>
        </>
      )}
    </aside>
  );
}
