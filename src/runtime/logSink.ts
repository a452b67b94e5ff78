import type { WireError, WireLog } from '../protocol/messages';
import { loggedErrorJson } from './errors';
import { format } from './inspect';
import { jsonLogMessage } from './jsonLogMessage';

/** Console methods and their levels, as Lambda's Node.js runtime patches them (`console.fatal` included). */
const METHODS = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', log: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'FATAL' } as const;
type Method = keyof typeof METHODS;
const PRIORITY: Record<string, number> = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };

/**
 * Caps per invocation (and per Init), so a handler that logs in a loop cannot
 * flood the app: 10,000 log events or 1 MiB of text, whichever comes first;
 * one event keeps at most 256 KiB, CloudWatch's limit for one log event.
 * Past a cap, events are dropped and one saying how many closes the batch.
 * The app enforces the same caps on what arrives.
 */
export const MAX_LOG_LINES = 10_000;
export const MAX_LOG_CHARS = 1024 * 1024;
export const MAX_LINE_CHARS = 256 * 1024;

/** The function's log settings, from the variables Lambda sets for them (`AWS_LAMBDA_LOG_FORMAT`, `AWS_LAMBDA_LOG_LEVEL`). */
export interface LogSettings {
  json: boolean;
  /** Calls below this level are dropped (TRACE: none). */
  minLevel: string;
  /**
   * A process's plain standard output, as a custom runtime's reaches CloudWatch: no time, request id or level, and
   * one log event per line (the managed runtimes' log channel, which keeps an event's newlines, is theirs alone).
   */
  plain?: boolean;
}

export function logSettingsOf(variables: Record<string, string>): LogSettings {
  const level = variables.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
  return { json: variables.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON', minLevel: level && level in PRIORITY ? level : 'TRACE' };
}

/**
 * Collects console output as Lambda's Node.js runtime writes it through the
 * telemetry log channel: one console call is one log event, its newlines
 * kept. Text: `<ISO time>\t<requestId>\t<LEVEL>\t<message>`; JSON:
 * `{"timestamp","level","requestId","message"}`. Events are handed over in
 * one batch with the invocation's result.
 */
export class LogSink {
  private lines: WireLog[] = [];
  private dropped = 0;
  private chars = 0;
  requestId: string | null = null;

  constructor(
    private readonly noRequestId: string,
    private readonly settings: LogSettings = { json: false, minLevel: 'TRACE' },
  ) {}

  /** One event at `level` from a console call's arguments. */
  log(level: string, args: unknown[]): void {
    if ((PRIORITY[level] ?? 3) < (PRIORITY[this.settings.minLevel] ?? 1)) return;
    if (this.settings.json && !this.settings.plain) this.push(jsonLogMessage(this.now(), level, this.requestId, args));
    else this.write(level, format(...args));
  }

  /** One text event at `level` (the runtime's own lines, such as `[playground]` notices). */
  write(level: string, message: string): void {
    if (this.settings.plain) {
      const atMs = this.clockMs();
      for (const text of message.split('\n')) this.push({ atMs, text });
      return;
    }
    if (this.settings.json) {
      this.push(jsonLogMessage(this.now(), level, this.requestId, [message]));
      return;
    }
    this.push(this.textLine(level, message));
  }

  /** One event exactly as a runtime formatted it (Python's logging), its newlines kept. */
  raw(text: string): void {
    this.push({ atMs: this.clockMs(), text });
  }

  /** The runtime's report of an error (`Invoke Error`, `Uncaught Exception`): the label and the error's JSON, or in JSON format the error as the message. */
  writeError(label: string, error: WireError): void {
    if (this.settings.json && !this.settings.plain) {
      const message = { errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace };
      this.push(jsonLogMessage(this.now(), 'ERROR', this.requestId, [message]));
    } else {
      this.write('ERROR', `${label} \t${loggedErrorJson(error)}`);
    }
  }

  private textLine(level: string, message: string): WireLog {
    const at = this.now();
    return { atMs: at.atMs, text: `${at.iso}\t${this.requestId ?? this.noRequestId}\t${level}\t${message}` };
  }

  private now(): { atMs: number; iso: string } {
    const atMs = this.clockMs();
    return { atMs, iso: new Date(atMs).toISOString() };
  }

  private clockMs(): number {
    return Date.now();
  }

  private push(line: WireLog): void {
    if (this.lines.length >= MAX_LOG_LINES || this.chars >= MAX_LOG_CHARS) {
      this.dropped++;
      return;
    }
    const text = line.text.length > MAX_LINE_CHARS ? line.text.slice(0, MAX_LINE_CHARS) : line.text;
    this.chars += text.length;
    this.lines.push({ atMs: line.atMs, text });
  }

  /** Replace the global console's methods so that handler output lands here. */
  patch(target: Console): void {
    for (const method of Object.keys(METHODS) as Method[]) {
      const level = METHODS[method];
      (target as unknown as Record<string, unknown>)[method] = (...args: unknown[]): void => this.log(level, args);
    }
  }

  take(): WireLog[] {
    if (this.dropped > 0) {
      const n = this.dropped;
      this.dropped = 0;
      const text = `[playground] ${n} more log events were dropped (limit ${MAX_LOG_LINES} events or 1 MiB per invocation)`;
      this.lines.push(this.settings.json ? jsonLogMessage(this.now(), 'WARN', this.requestId, [text]) : this.textLine('WARN', text));
    }
    this.chars = 0;
    const out = this.lines;
    this.lines = [];
    return out;
  }
}
