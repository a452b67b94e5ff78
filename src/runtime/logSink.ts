import type { WireLog } from '../protocol/messages';
import { format } from './inspect';

const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' } as const;
type Method = keyof typeof LEVELS;

/** Cap per invocation, so a handler that logs in a loop cannot flood the app. */
export const MAX_LOG_LINES = 10_000;

/**
 * Collects console output in Lambda's Node.js text format,
 * `<ISO time>\t<requestId>\t<LEVEL>\t<message>`, with newlines inside a
 * message turned into `\r` as the runtime does. Lines are handed over in
 * one batch with the invocation's result.
 */
export class LogSink {
  private lines: WireLog[] = [];
  private dropped = 0;
  requestId: string | null = null;

  constructor(private readonly noRequestId: string) {}

  write(level: string, message: string): void {
    if (this.lines.length >= MAX_LOG_LINES) this.dropped++;
    else this.lines.push(this.line(level, message));
  }

  private line(level: string, message: string): WireLog {
    const now = Date.now();
    const text = `${new Date(now).toISOString()}\t${this.requestId ?? this.noRequestId}\t${level}\t${message.replace(/\n/g, '\r')}`;
    return { atMs: now, text };
  }

  /** Replace the global console's methods so that handler output lands here. */
  patch(target: Console): void {
    for (const method of Object.keys(LEVELS) as Method[]) {
      const level = LEVELS[method];
      target[method] = (...args: unknown[]): void => this.write(level, format(...args));
    }
  }

  take(): WireLog[] {
    if (this.dropped > 0) {
      this.lines.push(this.line('WARN', `[playground] ${this.dropped} more log lines were dropped (limit ${MAX_LOG_LINES} per invocation)`));
      this.dropped = 0;
    }
    const out = this.lines;
    this.lines = [];
    return out;
  }
}
