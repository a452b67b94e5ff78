import type { LessonEvent } from './lessonFacts';

type Listener = (kind: LessonEvent) => void;
const listeners = new Set<Listener>();

/**
 * Tools loaded on demand (the simulation, power tuning) say here that they
 * finished something; the lesson store listens. A bus, so that the lessons
 * never pull those tools into the page's first load.
 */
export function noteLessonEvent(kind: LessonEvent): void {
  for (const l of listeners) l(kind);
}

export function onLessonEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
