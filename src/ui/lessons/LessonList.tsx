import type { MouseEvent } from 'react';
import { LESSONS } from '../../state/lessons/lessonCatalog';
import { lessonLink, useLessons } from '../../state/lessons/lessonStore';

/** A plain click starts the lesson here; a modified click (new tab, copy link) keeps the browser's own behaviour. */
function startOnClick(id: string) {
  return (e: MouseEvent<HTMLAnchorElement>): void => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void useLessons.getState().start(id);
  };
}

/** Every lesson: its title is its share link; a second link opens it in the compact embed layout. */
export function LessonList() {
  return (
    <ul className="lesson-list" aria-label="Lessons list">
      {LESSONS.map((l, i) => (
        <li key={l.id}>
          <a className="lesson-title" href={lessonLink(l.id)} onClick={startOnClick(l.id)}>
            {i + 1}. {l.title}
          </a>
          <p>{l.summary}</p>
          <p className="lesson-meta">
            {l.steps.length} steps ·{' '}
            <a href={lessonLink(l.id, true)} target="_blank" rel="noopener" aria-label={`Embed link: ${l.title}`}>
              embed link
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
