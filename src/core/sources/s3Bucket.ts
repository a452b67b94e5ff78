import { BASE64_ALPHABET, utf8Bytes, utf8Length } from '../codec';
import { md5Hex } from './md5';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';

/**
 * An S3 bucket that notifies Lambda functions (lambda-model.md §4, §7): S3
 * invokes its targets asynchronously (`Event`); retries are the function's
 * platform's business. One matching PUT or DELETE gives one invoke with one
 * record, as S3 sends it.
 */

export type S3EventType = 's3:ObjectCreated:*' | 's3:ObjectCreated:Put' | 's3:ObjectRemoved:*' | 's3:ObjectRemoved:Delete';
export const S3_EVENT_TYPES: readonly S3EventType[] = ['s3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete'];

/** A notification configuration (S3's `LambdaFunctionConfiguration`); prefix and suffix are its key filter rules. */
export interface S3NotificationConfig { id: string; functionName: string; events: S3EventType[]; prefix?: string; suffix?: string }

interface S3Record<Name extends string, Obj> {
  eventVersion: string; eventSource: 'aws:s3'; awsRegion: string; eventTime: string; eventName: Name;
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: { 'x-amz-request-id': string; 'x-amz-id-2': string };
  s3: {
    s3SchemaVersion: string; configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: Obj;
  };
}
export type S3CreatedRecord = S3Record<'ObjectCreated:Put', { key: string; size: number; eTag: string; sequencer: string }>;
/** S3 leaves `size` and `eTag` out of delete events. */
export type S3RemovedRecord = S3Record<'ObjectRemoved:Delete', { key: string; sequencer: string }>;
export interface S3NotificationEvent { Records: [S3CreatedRecord] | [S3RemovedRecord] }

export interface S3ObjectView {
  key: string; size: number; lastModifiedMs: number; contentType: string;
  /** MD5 of the bytes in hex, as S3 gives for a single-part upload (without the quotes of the ETag header). */
  eTag: string;
  /** The start of a text object (content type text/*, JSON, XML …); null for binary objects. */
  textPreview: string | null;
}

export interface S3SentNotification {
  invocationId: string; atMs: number; functionName: string; configurationId: string; key: string;
  event: S3NotificationEvent;
  /** `sent` until the function's platform answers: `accepted` (202) or `rejected` (with the reason in `detail`). */
  status: 'sent' | 'accepted' | 'rejected';
  detail?: string;
}

export interface S3BucketView {
  bucketName: string; arn: string;
  /** Sorted by key as S3 lists them: UTF-8 byte order. */
  objects: S3ObjectView[];
  notifications: S3NotificationConfig[];
  /** Newest first, the last 50. */
  recent: S3SentNotification[];
  /** The last refused action, `Code: message`; cleared by the next action that succeeds. */
  lastError: string | null;
}

export type S3Result = { ok: true } | { ok: false; code: string; message: string };

/**
 * `objectBytes`: the playground refuses larger objects (S3 itself takes up to 5 GB in one PUT). Bytes are kept only
 * for objects up to `keptObjectBytes`, while the bucket holds under `keptBytesTotal`; larger objects keep metadata.
 */
export const S3_LIMITS = { keyBytes: 1024, objectBytes: 10 * 1024 * 1024, keptObjectBytes: 1024 * 1024, keptBytesTotal: 64 * 1024 * 1024, previewBytes: 4096, recent: 50 } as const;

/**
 * The key as S3 writes it into a notification: form-URL-encoded over its
 * UTF-8 bytes. A-Z a-z 0-9 `. - _ *` and `/` stay as they are, a space
 * becomes `+`, every other byte becomes `%XX` (upper-case hex). AWS documents
 * only "red flower.jpg" → "red+flower.jpg"; the rest follows observed events
 * (`=` → `%3D`, `:` → `%3A`, `(` → `%28`; `/` kept).
 */
export function encodeS3EventKey(key: string): string {
  let out = '';
  for (const b of utf8Bytes(key)) {
    if (b === 0x20) out += '+';
    else if (b < 0x80 && /[A-Za-z0-9._*/-]/.test(String.fromCharCode(b))) out += String.fromCharCode(b);
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const TEXT_TYPE = /^(text\/|application\/(json|xml|javascript|x-ndjson|yaml|x-yaml|csv)$)|\+(json|xml)$/;
const AMBIGUOUS =
  'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.';

const category = (e: S3EventType): string => e.slice(0, e.lastIndexOf(':'));
const eventsOverlap = (a: S3EventType, b: S3EventType): boolean =>
  a === b || (category(a) === category(b) && (a.endsWith('*') || b.endsWith('*')));
const matchesEvent = (e: S3EventType, eventName: string): boolean =>
  e === `s3:${eventName}` || e === `s3:${eventName.split(':')[0]}:*`;

/** Two rules overlap when one prefix starts the other and one suffix ends the other (an absent rule is ""). */
function configsOverlap(a: S3NotificationConfig, b: S3NotificationConfig): boolean {
  const [pa, pb, sa, sb] = [a.prefix ?? '', b.prefix ?? '', a.suffix ?? '', b.suffix ?? ''];
  return (
    (pa.startsWith(pb) || pb.startsWith(pa)) &&
    (sa.endsWith(sb) || sb.endsWith(sa)) &&
    a.events.some((e) => b.events.some((f) => eventsOverlap(e, f)))
  );
}

/** Code-point order, which is UTF-8 byte order (plain `<` compares UTF-16 units and misplaces U+E000–U+FFFF). */
export function compareKeys(a: string, b: string): number {
  const [x, y] = [Array.from(a), Array.from(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** UTF-8 text of the first bytes, cut at a character boundary; null when they are not UTF-8. */
function textPreview(bytes: Uint8Array): string | null {
  let end = Math.min(bytes.length, S3_LIMITS.previewBytes);
  while (end < bytes.length && end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  let encoded = '';
  for (let i = 0; i < end; i++) encoded += `%${(bytes[i] ?? 0).toString(16).padStart(2, '0')}`;
  try { return decodeURIComponent(encoded); } catch { return null; }
}

interface StoredObject extends S3ObjectView {
  bytes: Uint8Array | null;
}

export class S3Bucket implements EventSource {
  readonly id: string;
  readonly bucketName: string;
  private readonly objects = new Map<string, StoredObject>();
  private notifications: S3NotificationConfig[] = [];
  private recent: S3SentNotification[] = [];
  private lastError: string | null = null;
  private keptBytes = 0;
  private invocations = 0;
  private seqMs = -1; // the sequencer's last millisecond, and its counter within it
  private seqCount = 0;
  private readonly principalId: string;
  private readonly ownerId: string;
  private cached: S3BucketView | null = null;

  constructor(private readonly ctx: SourceContext, options: { id: string; bucketName: string }) {
    const name = options.bucketName;
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      throw new Error('InvalidBucketName: The specified bucket is not valid.');
    }
    this.id = options.id;
    this.bucketName = name;
    this.principalId = `AWS:AIDA${this.randomChars(17, 26, 10)}`;
    this.ownerId = `A${this.randomChars(13, 26, 10)}`;
  }

  putObject(key: string, bytes: Uint8Array, contentType: string, out: SourceCommand[]): S3Result {
    const bad = this.checkKey(key, out);
    if (bad) return bad;
    if (bytes.length > S3_LIMITS.objectBytes) {
      return this.refuse('EntityTooLarge', `Objects over 10 MB are refused in this playground (this one is ${bytes.length.toLocaleString('en-US')} bytes; S3 itself takes up to 5 GB in one PUT).`, out);
    }
    const type = contentType.trim() || 'binary/octet-stream';
    const old = this.objects.get(key);
    if (old?.bytes) this.keptBytes -= old.bytes.length;
    const keep = bytes.length <= S3_LIMITS.keptObjectBytes && this.keptBytes + bytes.length <= S3_LIMITS.keptBytesTotal;
    if (keep) this.keptBytes += bytes.length;
    const eTag = md5Hex(bytes);
    const now = this.ctx.clock.now();
    this.objects.set(key, {
      key, size: bytes.length, eTag, lastModifiedMs: now, contentType: type,
      textPreview: TEXT_TYPE.test(type.split(';')[0]?.trim().toLowerCase() ?? '') ? textPreview(bytes) : null,
      bytes: keep ? bytes.slice() : null,
    });
    this.log(out, `PUT ${key} (${bytes.length.toLocaleString('en-US')} ${bytes.length === 1 ? 'byte' : 'bytes'}, ETag ${eTag})`);
    this.notify('ObjectCreated:Put', key, { size: bytes.length, eTag }, out);
    return this.settle(out, null);
  }

  putText(key: string, text: string, out: SourceCommand[]): S3Result {
    return this.putObject(key, utf8Bytes(text), 'text/plain; charset=utf-8', out);
  }

  /** Deleting a key that does not exist succeeds (S3 answers 204) and still sends `ObjectRemoved:Delete`. */
  deleteObject(key: string, out: SourceCommand[]): S3Result {
    const bad = this.checkKey(key, out);
    if (bad) return bad;
    const old = this.objects.get(key);
    if (old?.bytes) this.keptBytes -= old.bytes.length;
    this.objects.delete(key);
    this.log(out, old ? `DELETE ${key}` : `DELETE ${key} (no such key; S3 still answers 204)`);
    this.notify('ObjectRemoved:Delete', key, null, out);
    return this.settle(out, null);
  }

  /** PutBucketNotificationConfiguration for one more rule, validated as S3 validates the whole set. */
  addNotification(config: S3NotificationConfig, out: SourceCommand[] = []): S3Result {
    const events = [...new Set(config.events)];
    if (config.id.trim() === '') return this.refuse('InvalidArgument', 'The configuration Id must not be empty.', out);
    if (this.notifications.some((n) => n.id === config.id)) {
      return this.refuse('InvalidArgument', 'Same ID used for multiple configurations. IDs must be unique', out);
    }
    if (config.functionName.trim() === '') return this.refuse('InvalidArgument', 'A destination function is required.', out);
    if (events.length === 0 || events.some((e) => !S3_EVENT_TYPES.includes(e))) {
      return this.refuse('InvalidArgument', 'The event is not supported for notifications', out);
    }
    const rule: S3NotificationConfig = { ...config, events };
    if (rule.prefix === '') delete rule.prefix;
    if (rule.suffix === '') delete rule.suffix;
    if (this.notifications.some((n) => configsOverlap(n, rule))) return this.refuse('InvalidArgument', AMBIGUOUS, out);
    this.notifications = [...this.notifications, rule];
    this.log(out, `Notification ${rule.id}: ${events.join(', ')} → ${rule.functionName}`);
    return this.settle(out, null);
  }

  removeNotification(id: string, out: SourceCommand[] = []): S3Result {
    if (!this.notifications.some((n) => n.id === id)) return this.refuse('InvalidArgument', `No notification configuration with Id ${id}.`, out);
    this.notifications = this.notifications.filter((n) => n.id !== id);
    this.log(out, `Notification ${id} removed`);
    return this.settle(out, null);
  }

  /** The object's bytes, when the bucket kept them (objects up to 1 MB). */
  getObjectBytes(key: string): Uint8Array | null {
    return this.objects.get(key)?.bytes ?? null;
  }

  view(): S3BucketView {
    this.cached ??= {
      bucketName: this.bucketName,
      arn: `arn:aws:s3:::${this.bucketName}`,
      objects: [...this.objects.values()].sort((a, b) => compareKeys(a.key, b.key)).map(({ bytes: _bytes, ...o }) => o),
      notifications: this.notifications,
      recent: this.recent,
      lastError: this.lastError,
    };
    return this.cached;
  }

  /** S3 keeps no timers: notifications go out at once. */
  onTimer(_timerId: string, _out: SourceCommand[]): void {}

  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    const i = this.recent.findIndex((r) => r.invocationId === invocationId);
    const sent = this.recent[i];
    const rejected = result.kind === 'rejected' || result.kind === 'functionError';
    const detail = result.kind === 'rejected' ? `${result.statusCode} ${result.error.errorType}` : result.kind === 'functionError' ? result.error.errorType : undefined;
    if (sent) {
      this.recent = this.recent.map((r, j) => (j === i ? { ...r, status: rejected ? 'rejected' : 'accepted', ...(detail ? { detail } : {}) } : r));
      this.cached = null;
      out.push({ type: 'changed' });
    }
    if (rejected) this.log(out, `Lambda refused the notification ${invocationId}${sent ? ` for ${sent.functionName}` : ''}: ${detail ?? ''}`);
  }

  private notify(eventName: 'ObjectCreated:Put' | 'ObjectRemoved:Delete', key: string, created: { size: number; eTag: string } | null, out: SourceCommand[]): void {
    const encoded = encodeS3EventKey(key);
    const matching = this.notifications.filter(
      (n) => n.events.some((e) => matchesEvent(e, eventName)) && encoded.startsWith(n.prefix ?? '') && encoded.endsWith(n.suffix ?? ''),
    );
    if (matching.length === 0) return;
    const now = this.ctx.clock.now();
    const requestId = this.ctx.random.hex(16).toUpperCase();
    const hostId = this.randomChars(76, 64, 0);
    const sequencer = this.nextSequencer();
    for (const config of matching) {
      const head = <N extends string>(eventName: N) => ({
        eventVersion: '2.1', eventSource: 'aws:s3' as const, awsRegion: this.ctx.region, eventTime: new Date(now).toISOString(), eventName,
        userIdentity: { principalId: this.principalId }, requestParameters: { sourceIPAddress: '198.51.100.7' },
        responseElements: { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
      });
      const s3 = {
        s3SchemaVersion: '1.0', configurationId: config.id,
        bucket: { name: this.bucketName, ownerIdentity: { principalId: this.ownerId }, arn: `arn:aws:s3:::${this.bucketName}` },
      };
      const event: S3NotificationEvent = created
        ? { Records: [{ ...head('ObjectCreated:Put'), s3: { ...s3, object: { key: encoded, size: created.size, eTag: created.eTag, sequencer } } }] }
        : { Records: [{ ...head('ObjectRemoved:Delete'), s3: { ...s3, object: { key: encoded, sequencer } } }] };
      const invocationId = `s3-${++this.invocations}`;
      out.push({ type: 'invoke', functionName: config.functionName, invocationId, payload: JSON.stringify(event), invocationType: 'Event' });
      this.recent = [{ invocationId, atMs: now, functionName: config.functionName, configurationId: config.id, key, event, status: 'sent' as const }, ...this.recent].slice(0, S3_LIMITS.recent);
      this.log(out, `${eventName} ${key} → ${config.functionName} (configuration ${config.id})`);
    }
  }

  /** 18 upper-case hex digits: the clock's milliseconds, then a counter; strictly increasing, so increasing per key. */
  private nextSequencer(): string {
    const ms = Math.max(Math.floor(this.ctx.clock.now()), this.seqMs);
    this.seqCount = ms === this.seqMs ? this.seqCount + 1 : 0;
    this.seqMs = ms;
    return (ms.toString(16).padStart(12, '0') + this.seqCount.toString(16).padStart(6, '0')).toUpperCase();
  }

  private checkKey(key: string, out: SourceCommand[]): S3Result | null {
    const bytes = utf8Length(key);
    if (bytes === 0) return this.refuse('InvalidArgument', 'An object key must be 1 to 1,024 bytes of UTF-8; this one is empty.', out);
    if (bytes <= S3_LIMITS.keyBytes) return null;
    return this.refuse('KeyTooLongError', `Your key is too long (${bytes.toLocaleString('en-US')} bytes of UTF-8; the limit is 1,024).`, out);
  }

  /** `count` characters from the first `alphabet` letters of BASE64_ALPHABET (26 = A–Z), plus `digits` digits. */
  private randomChars(count: number, alphabet: number, digits: number): string {
    const chars = BASE64_ALPHABET.slice(0, alphabet) + '0123456789'.slice(0, digits);
    let s = '';
    for (let i = 0; i < count; i++) s += chars[Math.floor(this.ctx.random.next() * chars.length)] ?? 'A';
    return s;
  }

  private log(out: SourceCommand[], text: string): void {
    out.push({ type: 'log', atMs: this.ctx.clock.now(), text });
  }

  private refuse(code: string, message: string, out: SourceCommand[]): S3Result {
    this.log(out, `Refused: ${code}: ${message}`);
    return this.settle(out, { code, message });
  }

  private settle(out: SourceCommand[], error: { code: string; message: string } | null): S3Result {
    this.lastError = error && `${error.code}: ${error.message}`;
    this.cached = null;
    out.push({ type: 'changed' });
    return error ? { ok: false, ...error } : { ok: true };
  }
}
