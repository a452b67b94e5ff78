import type { WireLog } from '../protocol/messages';
import { format } from './inspect';

const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' } as const;
type Method = keyof typeof LEVELS;

/**
 * Caps per invocation (and per Init), so a handler that logs in a loop cannot
 * flood the app: 10,000 lines or 1 MiB of text, whichever comes first; one
 * line keeps at most 256 KiB, CloudWatch's limit for one log event. Past a
 * cap, lines are dropped and a line saying how many closes the batch. The
 * app enforces the same caps on what arrives (`src/bridge/logBound.ts`).
 */
export const MAX_LOG_LINES = 10_000;
export const MAX_LOG_CHARS = 1024 * 1024;
export const MAX_LINE_CHARS = 256 * 1024;

/**
 * Collects console output in Lambda's Node.js text format,
 * `<ISO time>\t<requestId>\t<LEVEL>\t<message>`, with newlines inside a
 * message turned into `\r` as the runtime does. Lines are handed over in
 * one batch with the invocation's result.
 */
export class LogSink {
  private lines: WireLog[] = [];
  private dropped = 0;
  private chars = 0;
  requestId: string | null = null;

  constructor(private readonly noRequestId: string) {}

  write(level: string, message: string): void {
    if (this.lines.length >= MAX_LOG_LINES || this.chars >= MAX_LOG_CHARS) {
      this.dropped++;
      return;
    }
    const line = this.line(level, message.length > MAX_LINE_CHARS ? message.slice(0, MAX_LINE_CHARS) : message);
    this.chars += line.text.length;
    this.lines.push(line);
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
      this.lines.push(this.line('WARN', `[playground] ${this.dropped} more log lines were dropped (limit ${MAX_LOG_LINES} lines or 1 MiB per invocation)`));
      this.dropped = 0;
    }
    this.chars = 0;
    const out = this.lines;
    this.lines = [];
    return out;
  }
}
