/**
 * The platform model's timers. A timer id travels in `setTimer`/`clearTimer`
 * commands and comes back in a `timer` event; drivers only store and return
 * it. Ids are made and read here and nowhere else: `TimerId` is a branded
 * string, so a stray string cannot pass for one, and every reader asks
 * `timerKind`/`timerSubject` instead of parsing.
 */
export type TimerKind = 'init' | 'timeout' | 'hold' | 'reclaim' | 'async' | 'prewarm';

export type TimerId = string & { readonly __timer: unique symbol };

/** `kind:subject` (the subject, an environment or request id, may itself hold colons). */
export function timerId(kind: TimerKind, subject: string | number): TimerId {
  return `${kind}:${subject}` as TimerId;
}

export function timerKind(id: TimerId): TimerKind {
  return id.slice(0, id.indexOf(':')) as TimerKind;
}

export function timerSubject(id: TimerId): string {
  return id.slice(id.indexOf(':') + 1);
}

/** Only `timeout` of the kinds starts with a "t": one character code tells it (the simulation asks this for every timer). */
const T = 116;
const _onlyTimeoutStartsWithT: Extract<TimerKind, `t${string}`> extends 'timeout' ? true : never = true;
void _onlyTimeoutStartsWithT;

/** The invocation-timeout timer (a hot path in the simulation: no slicing, no string compare). */
export function isTimeoutTimer(id: TimerId): boolean {
  return id.charCodeAt(0) === T;
}

/** Is `id` the timeout timer of this environment? (No string is built.) */
export function isTimeoutTimerOf(id: TimerId, envId: string): boolean {
  return id.length === 8 + envId.length && id.charCodeAt(0) === T && id.endsWith(envId);
}

export const initTimer = (envId: string): TimerId => timerId('init', envId);
/** An environment's invocation deadline (it serves one invocation at a time). */
export const timeoutTimer = (envId: string): TimerId => timerId('timeout', envId);
/** An environment's hold: its handler returned, Lambda's smaller CPU share would still be running it. */
export const holdTimer = (envId: string): TimerId => timerId('hold', envId);
export const reclaimTimer = (envId: string): TimerId => timerId('reclaim', envId);
export const prewarmTimer = (n: number): TimerId => timerId('prewarm', n);
export const asyncTimer = (requestId: string): TimerId => timerId('async', requestId);
