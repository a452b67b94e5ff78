/**
 * The host's timers: the only place in src/state and src/bridge that touches
 * setTimeout (a lint rule keeps it so). Everything else takes a `TimerHost`,
 * so that tests drive time by hand and no store or driver owns a raw timer.
 */
export interface TimerHost {
  setTimeout(fire: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerHost = {
  setTimeout: (fire, delayMs) => globalThis.setTimeout(fire, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Call `fire` every `periodMs` until the returned function is called (re-armed timeouts, so a fake host drives it too). */
export function repeat(host: TimerHost, periodMs: number, fire: () => void): () => void {
  let handle: unknown = null;
  let stopped = false;
  const arm = (): void => {
    handle = host.setTimeout(() => {
      if (stopped) return;
      arm();
      fire();
    }, periodMs);
  };
  arm();
  return () => {
    stopped = true;
    host.clearTimeout(handle);
  };
}
