import { Session, type SessionOptions } from './session';

type Connector = (session: Session) => void;

let current: Session | null = null;
const connectors: Connector[] = [];

/**
 * Start a session (main.tsx does, once; a test does, with its own timers and
 * clock): the previous one is disposed, and every store is connected to the
 * new one.
 */
export function startSession(options: SessionOptions = {}): Session {
  current?.dispose();
  const session = new Session(options);
  current = session;
  for (const connect of connectors) connect(session);
  return session;
}

/** The session the stores act on (one with the page's timers is started on first use, if none was). */
export function session(): Session {
  return current ?? startSession();
}

/**
 * A store's wiring to the session: run for the current one now, if any, and
 * for every session started later. Stores subscribe here rather than to a
 * module of the session's parts, so a new session gets them all.
 */
export function onSessionStart(connect: Connector): void {
  connectors.push(connect);
  if (current) connect(current);
}

/** Platform time now (epoch ms) in the current session. */
export function platformNow(): number {
  return session().now();
}
