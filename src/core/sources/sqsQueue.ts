import { md5Hex } from './md5';
import { SqsFifo } from './sqsFifo';
import { SqsHiddenMessages } from './sqsHiddenMessages';
import {
  checkSqsMessage,
  cloneAttributes,
  fifoAttributes,
  newReceiptHandle,
  newSenderId,
  SQS_MAX_BATCH_ENTRIES,
  SQS_MAX_MESSAGE_BYTES,
  sqsMessageBytes,
  type SqsBatchEntry,
  type SqsError,
  type SqsMessage,
  type SqsMessageAttributes,
  type SqsReceivedMessage,
  type SqsSendBatchResult,
  type SqsSendResult,
} from './sqsMessage';
import type { SourceCommand, SourceContext } from './sourceTypes';

/**
 * An SQS standard queue (lambda-model.md §4, §7): messages, visibility
 * timeout, delay, redrive to a dead-letter queue. Pure: time from the
 * context's clock (platform time: see PlatformClock), ids from its seeded
 * random. It keeps no timers; whoever polls it (the event source mapping)
 * asks `nextChangeAtMs()` and sets its own.
 */

const ACTIVITY_KEPT = 200;
/** The most messages one "send N" may put on the queue. */
export const SQS_SEND_MANY_MAX = 10_000;
const DLQ_SHOWN = 100;

export interface SqsActivity {
  atMs: number;
  text: string;
}

export interface SqsQueueView {
  name: string;
  /** A FIFO queue (its name ends in `.fifo`): ordered per message group, deduplicated for 5 minutes. */
  fifo: boolean;
  contentBasedDeduplication: boolean;
  arn: string;
  deadLetterArn: string;
  visible: number;
  inFlight: number;
  delayed: number;
  sent: number;
  deleted: number;
  deadLetterCount: number;
  /** The latest dead-letter messages, newest first. */
  deadLetter: { messageId: string; body: string; receiveCount: number }[];
  /** Newest first. */
  activity: SqsActivity[];
}

export interface SqsQueueOptions {
  name: string;
  visibilityTimeoutS?: number;
  delaySeconds?: number;
  /** Redrive policy; null = no dead-letter queue. */
  maxReceiveCount?: number | null;
  /** FIFO queues: a message without a deduplication id is deduplicated by its body. */
  contentBasedDeduplication?: boolean;
}


/** What `send` takes besides the body and attributes. */
export interface SqsSendOptions {
  delaySeconds?: number;
  messageGroupId?: string;
  messageDeduplicationId?: string;
}

export class SqsQueue {
  readonly name: string;
  readonly arn: string;
  readonly deadLetterArn: string;
  visibilityTimeoutS: number;
  delaySeconds: number;
  maxReceiveCount: number | null;
  /** A FIFO queue: named `….fifo`, as SQS requires of one. */
  readonly fifo: boolean;
  contentBasedDeduplication: boolean;
  /** A FIFO queue's rules (null on a standard queue). */
  private readonly fifoRules: SqsFifo | null;
  /** Every message in the queue; `visible` holds the receivable ones in order, `hidden` the rest by when they come back. */
  private readonly messages = new Map<string, SqsMessage>();
  private readonly visible = new Map<string, SqsMessage>();
  private readonly hidden = new SqsHiddenMessages((m, atMs) => this.messages.get(m.messageId) === m && m.visibleAtMs === atMs);
  private delayed = 0;
  private returned = 0;
  private readonly byHandle = new Map<string, SqsMessage>();
  private readonly deadLetter: SqsMessage[] = [];
  private deadLetterCount = 0;
  private readonly activity: SqsActivity[] = [];
  private readonly listeners = new Set<(out: SourceCommand[]) => void>();
  private readonly senderId: string;
  private sent = 0;
  private deleted = 0;
  private numbered = 0;

  constructor(
    private readonly ctx: SourceContext,
    options: SqsQueueOptions,
  ) {
    this.name = options.name;
    this.arn = `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${options.name}`;
    this.deadLetterArn = `${this.arn}-dlq`;
    this.visibilityTimeoutS = options.visibilityTimeoutS ?? 30;
    this.delaySeconds = options.delaySeconds ?? 0;
    this.maxReceiveCount = options.maxReceiveCount ?? null;
    this.fifo = options.name.endsWith('.fifo');
    this.fifoRules = this.fifo ? new SqsFifo() : null;
    this.contentBasedDeduplication = options.contentBasedDeduplication ?? false;
    this.senderId = newSenderId(ctx.random);
  }

  /** Called after every send, with the sender's command list: pollers waiting on the queue wake up. */
  subscribe(listener: (out: SourceCommand[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** SendMessage. */
  send(body: string, messageAttributes: SqsMessageAttributes | undefined, out: SourceCommand[], options: SqsSendOptions = {}): SqsSendResult {
    const result = this.enqueue({ body, messageAttributes, ...options }, out, true);
    this.notify(out);
    return result;
  }

  /**
   * Messages the SQS API already accepted (its model checked, deduplicated
   * and numbered them: src/core/services/sqs), handed to this queue, which
   * its event source mapping polls: one message store per queue.
   */
  accept(messages: readonly SqsMessage[], out: SourceCommand[]): void {
    const now = this.ctx.clock.now();
    for (const m of messages) {
      const message: SqsMessage = { ...m, messageAttributes: cloneAttributes(m.messageAttributes) };
      this.messages.set(message.messageId, message);
      if (message.visibleAtMs <= now) this.visible.set(message.messageId, message);
      else {
        this.delayed += 1;
        this.hidden.add(message);
      }
      this.sent += 1;
    }
    if (messages.length > 0) this.log(`Sent ${messages.length === 1 ? `message ${messages[0]!.messageId}` : `${messages.length} messages`} (AWS SDK)`, out);
    this.notify(out);
  }

  /** SendMessageBatch: up to 10 entries, 1 MiB in all; each entry succeeds or fails on its own. */
  sendBatch(entries: readonly (string | SqsBatchEntry)[], out: SourceCommand[], options: { quiet?: boolean; notify?: boolean } = {}): SqsSendBatchResult {
    const list = entries.map((e): SqsBatchEntry => (typeof e === 'string' ? { body: e } : e));
    const refuse = (error: SqsError): SqsSendBatchResult => {
      this.log(`SendMessageBatch refused: ${error.message}`, out);
      return { ok: false, error };
    };
    if (list.length === 0) return refuse({ code: 'AWS.SimpleQueueService.EmptyBatchRequest', message: 'There should be at least one SendMessageBatchRequestEntry in the request.' });
    if (list.length > SQS_MAX_BATCH_ENTRIES) {
      return refuse({ code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', message: `Maximum number of entries per request are ${SQS_MAX_BATCH_ENTRIES}. You have sent ${list.length}.` });
    }
    const total = list.reduce((n, e) => n + sqsMessageBytes(e.body, e.messageAttributes ?? {}), 0);
    if (total > SQS_MAX_MESSAGE_BYTES) {
      return refuse({ code: 'AWS.SimpleQueueService.BatchRequestTooLong', message: `Batch requests cannot be longer than ${SQS_MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.` });
    }
    const successful: { index: number; messageId: string }[] = [];
    const failed: { index: number; error: SqsError }[] = [];
    list.forEach((entry, index) => {
      const r = this.enqueue(entry, out, false);
      if (r.ok) successful.push({ index, messageId: r.messageId });
      else failed.push({ index, error: r.error });
    });
    if (!options.quiet) this.log(`Sent ${successful.length} message${successful.length === 1 ? '' : 's'} (SendMessageBatch)${failed.length ? `, ${failed.length} refused` : ''}`, out);
    if (options.notify !== false) this.notify(out);
    return { ok: true, successful, failed };
  }

  /**
   * "Send N": SendMessageBatch calls of up to 10, bodies `{"n": i}` numbered
   * on across calls; one log line. On a FIFO queue message i goes to group
   * `group-((i − 1) mod groups + 1)`, deduplicated by its number.
   */
  sendNumbered(count: number, out: SourceCommand[], groups = 1): number {
    if (!Number.isInteger(count) || count < 1 || count > SQS_SEND_MANY_MAX) {
      this.log(`Send refused: the number of messages must be a whole number from 1 to ${SQS_SEND_MANY_MAX.toLocaleString('en-US')} (got ${count})`, out);
      out.push({ type: 'changed' });
      return 0;
    }
    let sent = 0;
    let calls = 0;
    for (let start = 0; start < count; start += SQS_MAX_BATCH_ENTRIES) {
      const entries = Array.from({ length: Math.min(SQS_MAX_BATCH_ENTRIES, count - start) }, (): SqsBatchEntry => {
        const n = ++this.numbered;
        const body = JSON.stringify({ n });
        return this.fifo ? { body, messageGroupId: `group-${((n - 1) % Math.max(1, groups)) + 1}`, messageDeduplicationId: `n-${n}` } : { body };
      });
      const r = this.sendBatch(entries, out, { quiet: true, notify: false });
      calls += 1;
      if (r.ok) sent += r.successful.length;
    }
    this.log(`Sent ${sent} message${sent === 1 ? '' : 's'} in ${calls} SendMessageBatch call${calls === 1 ? '' : 's'}`, out);
    this.notify(out);
    return sent;
  }

  /**
   * ReceiveMessage: up to `max` visible messages become in flight for the
   * visibility timeout, each with a new receipt handle. A visible message
   * already received `maxReceiveCount` times moves to the dead-letter queue
   * instead (SQS redrives on the next receive attempt). `fits` may stop the
   * receive before a message (it stays visible).
   */
  receive(max: number, out: SourceCommand[], options: { visibilityTimeoutS?: number; fits?(message: SqsMessage): boolean } = {}): SqsReceivedMessage[] {
    const now = this.promote();
    const hiddenMs = (options.visibilityTimeoutS ?? this.visibilityTimeoutS) * 1000;
    const got: SqsReceivedMessage[] = [];
    for (const m of this.receivable()) {
      if (got.length >= max) break;
      if (this.maxReceiveCount !== null && m.receiveCount >= this.maxReceiveCount) {
        this.moveToDeadLetter(m, out);
        continue;
      }
      if (options.fits && !options.fits(m)) break;
      this.visible.delete(m.messageId);
      if (m.receiptHandle) this.byHandle.delete(m.receiptHandle);
      m.receiveCount += 1;
      m.firstReceivedAtMs ??= now;
      m.visibleAtMs = now + hiddenMs;
      m.receiptHandle = newReceiptHandle(this.ctx.random);
      this.byHandle.set(m.receiptHandle, m);
      this.hidden.add(m);
      got.push(this.snapshot(m));
    }
    return got;
  }

  /** DeleteMessage: only the latest receipt handle deletes (an older one is accepted by SQS but may not delete). */
  deleteMessage(receiptHandle: string): boolean {
    const m = this.byHandle.get(receiptHandle);
    if (!m) return false;
    this.byHandle.delete(receiptHandle);
    this.messages.delete(m.messageId);
    this.visible.delete(m.messageId);
    this.deleted += 1;
    return true;
  }

  /**
   * Lambda's recursive loop detection stopped the invocation this received
   * message was for: it goes to the dead-letter queue when the queue has a
   * redrive policy, and is dropped (deleted) when it has none.
   */
  stopRecursive(receiptHandle: string, out: SourceCommand[]): 'deadLettered' | 'dropped' | null {
    const m = this.byHandle.get(receiptHandle);
    if (!m) return null;
    if (this.maxReceiveCount !== null) {
      this.moveToDeadLetter(m, out);
      return 'deadLettered';
    }
    this.deleteMessage(receiptHandle);
    return 'dropped';
  }

  /** Is any message receivable now? */
  hasVisible(): boolean {
    this.promote();
    return this.visible.size > 0;
  }

  /** The next time a message in flight or delayed becomes visible, or null. */
  nextChangeAtMs(): number | null {
    this.promote();
    return this.hidden.nextAtMs();
  }

  /** How many received messages became visible again (their visibility timeout ran out) since the last call. */
  takeReturned(): number {
    this.promote();
    const n = this.returned;
    this.returned = 0;
    return n;
  }

  /** Record a line in the queue's recent activity and the source's log. */
  log(text: string, out: SourceCommand[]): void {
    const atMs = this.ctx.clock.now();
    this.activity.push({ atMs, text });
    if (this.activity.length > ACTIVITY_KEPT) this.activity.splice(0, this.activity.length - ACTIVITY_KEPT);
    out.push({ type: 'log', atMs, text });
  }

  /** When the oldest message still in the queue (visible, in flight or delayed) was sent, or null when empty: SQS's ApproximateAgeOfOldestMessage. */
  oldestSentAtMs(): number | null {
    for (const m of this.messages.values()) return m.sentAtMs;
    return null;
  }

  view(): SqsQueueView {
    this.promote();
    const visible = this.visible.size;
    const delayed = this.delayed;
    const inFlight = this.messages.size - visible - delayed;
    return {
      name: this.name,
      fifo: this.fifo,
      contentBasedDeduplication: this.contentBasedDeduplication,
      arn: this.arn,
      deadLetterArn: this.deadLetterArn,
      visible,
      inFlight,
      delayed,
      sent: this.sent,
      deleted: this.deleted,
      deadLetterCount: this.deadLetterCount,
      deadLetter: this.deadLetter.slice(-DLQ_SHOWN).reverse().map((m) => ({ messageId: m.messageId, body: m.body, receiveCount: m.receiveCount })),
      activity: this.activity.slice(-50).reverse(),
    };
  }

  /** The messages a receive may take, in order (a FIFO queue's: see SqsFifo.receivable). */
  private receivable(): Iterable<SqsMessage> {
    return this.fifoRules ? this.fifoRules.receivable(this.messages.values(), this.visible) : this.visible.values();
  }

  private enqueue(entry: SqsBatchEntry, out: SourceCommand[], logIt: boolean): SqsSendResult {
    const attributes = entry.messageAttributes ?? {};
    const delaySeconds = entry.delaySeconds ?? this.delaySeconds;
    const error = checkSqsMessage(entry.body, attributes, delaySeconds);
    if (error) {
      this.log(`SendMessage refused: ${error.message}`, out);
      return { ok: false, error };
    }
    const now = this.ctx.clock.now();
    const fifo = this.fifoRules ? this.fifoRules.fields(entry, this.contentBasedDeduplication, now) : null;
    if (fifo && 'code' in fifo) {
      this.log(`SendMessage refused: ${fifo.message}`, out);
      return { ok: false, error: fifo };
    }
    if (fifo && 'duplicateOf' in fifo) {
      // Accepted, as SQS accepts it, and not delivered again: the same message id comes back.
      if (logIt) this.log(`Duplicate of message ${fifo.duplicateOf} within 5 minutes: accepted, not delivered again`, out);
      return { ok: true, messageId: fifo.duplicateOf, md5OfMessageBody: fifo.md5 };
    }
    const message: SqsMessage = {
      messageId: this.ctx.random.uuid(),
      body: entry.body,
      md5OfBody: md5Hex(entry.body),
      messageAttributes: cloneAttributes(attributes),
      senderId: this.senderId,
      sentAtMs: now,
      receiveCount: 0,
      firstReceivedAtMs: null,
      visibleAtMs: now + delaySeconds * 1000,
      receiptHandle: null,
      fifo,
    };
    if (fifo) this.fifoRules?.remember(fifo.deduplicationId, message.messageId, message.md5OfBody, now);
    this.messages.set(message.messageId, message);
    if (message.visibleAtMs <= now) this.visible.set(message.messageId, message);
    else {
      this.delayed += 1;
      this.hidden.add(message);
    }
    this.sent += 1;
    if (logIt) this.log(`Sent message ${message.messageId}${delaySeconds > 0 ? ` (delayed ${delaySeconds} s)` : ''}`, out);
    return { ok: true, messageId: message.messageId, md5OfMessageBody: message.md5OfBody };
  }

  /** Hidden messages whose time has come become visible; the time now. */
  private promote(): number {
    const now = this.ctx.clock.now();
    for (const m of this.hidden.popDue(now)) {
      if (this.visible.has(m.messageId)) continue;
      this.visible.set(m.messageId, m);
      if (m.receiveCount > 0) this.returned += 1;
      else this.delayed -= 1;
    }
    return now;
  }

  private moveToDeadLetter(m: SqsMessage, out: SourceCommand[]): void {
    this.messages.delete(m.messageId);
    this.visible.delete(m.messageId);
    if (m.receiptHandle) this.byHandle.delete(m.receiptHandle);
    this.deadLetter.push(m);
    if (this.deadLetter.length > DLQ_SHOWN) this.deadLetter.shift();
    this.deadLetterCount += 1;
    this.log(`Message ${m.messageId} moved to the dead-letter queue after ${m.receiveCount} receive${m.receiveCount === 1 ? '' : 's'}`, out);
  }

  private snapshot(m: SqsMessage): SqsReceivedMessage {
    return {
      ...m,
      receiptHandle: m.receiptHandle!,
      attributes: {
        ...(m.traceHeader ? { AWSTraceHeader: m.traceHeader } : {}),
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(Math.floor(m.sentAtMs)),
        SenderId: m.senderId,
        ApproximateFirstReceiveTimestamp: String(Math.floor(m.firstReceivedAtMs ?? m.sentAtMs)),
        ...fifoAttributes(m.fifo),
      },
    };
  }

  private notify(out: SourceCommand[]): void {
    for (const listener of this.listeners) listener(out);
  }
}
