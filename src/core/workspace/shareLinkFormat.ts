import { WORKSPACE_VERSION } from './workspaceTypes';

/**
 * The framing of a share link's fragment (docs/link-format.md):
 *
 *   fragment = "ws" version "." length "." checksum "." payload
 *
 * `payload` is base64url (no padding) of the deflate-raw compressed UTF-8
 * JSON of the compact workspace; `length` is the payload's length in
 * characters (decimal), so a link cut short is told from one that was
 * changed; `checksum` is the CRC-32 of the uncompressed JSON bytes, as eight
 * lower-case hex digits. Compression itself is not pure (CompressionStream),
 * so it lives outside the core; this file parses and words the errors.
 */
export const LINK_PREFIX = 'ws';

export interface LinkFrame {
  version: number;
  length: number;
  checksum: string;
  payload: string;
}

export type LinkErrorKind = 'malformed' | 'truncated' | 'tampered' | 'newer' | 'too-large';

export interface LinkError {
  kind: LinkErrorKind;
  message: string;
}

/** What a link's JSON may decompress to at most (a guard against decompression bombs). */
export const MAX_LINK_JSON_BYTES = 8 * 1024 * 1024;

const UNCHANGED = 'Nothing was loaded: your workspace is unchanged.';

export function linkError(kind: LinkErrorKind, detail: string): LinkError {
  const lead: Record<LinkErrorKind, string> = {
    malformed: 'This link is not a valid playground link',
    truncated: 'This link is incomplete: it was cut off, probably by the app it was sent through',
    tampered: 'This link’s data does not match its checksum: it was changed after the link was made',
    newer: 'This link was made by a newer version of the playground',
    'too-large': 'This link holds more data than the playground opens from a link',
  };
  return { kind, message: `${lead[kind]} (${detail}). ${UNCHANGED}` };
}

export function formatFragment(version: number, checksum: string, payload: string): string {
  return `${LINK_PREFIX}${version}.${payload.length}.${checksum}.${payload}`;
}

const HEAD = /^ws(\d{1,6})\.([\s\S]*)$/;
const REST = /^(\d{1,9})\.([0-9a-f]{8})\.([\s\S]*)$/;
/** A header that stops before its payload begins: what a cut inside the first few characters leaves. */
const CUT_HEADER = /^\d*(\.[0-9a-f]{0,8})?$/;

/**
 * The frame of a fragment (with or without its '#'; ASCII whitespace that
 * mail tools insert when they wrap a long line is ignored), or why it is not one.
 */
export function parseFragment(fragment: string): { ok: true; frame: LinkFrame } | { ok: false; error: LinkError } {
  const text = fragment.replace(/^#/, '').replace(/[\t\n\r ]+/g, '');
  const head = HEAD.exec(text);
  if (!head) {
    return { ok: false, error: linkError('malformed', 'it should start with #ws followed by a version number, like #ws2.') };
  }
  const version = Number(head[1]);
  if (version > WORKSPACE_VERSION) {
    return {
      ok: false,
      error: linkError('newer', `workspace format ${version}; this page reads formats up to ${WORKSPACE_VERSION}. Reload the page to get the latest playground, then open the link again`),
    };
  }
  if (version < 1) return { ok: false, error: linkError('malformed', `there is no workspace format ${version}`) };
  const rest = head[2] ?? '';
  const parts = REST.exec(rest);
  if (!parts) {
    if (CUT_HEADER.test(rest)) return { ok: false, error: linkError('truncated', 'it ends inside its header, before any of its data') };
    return { ok: false, error: linkError('malformed', 'after the version it should have the data length, a checksum of 8 hex digits and the data, separated by dots') };
  }
  const length = Number(parts[1]);
  const checksum = parts[2] ?? '';
  const payload = parts[3] ?? '';
  const bad = payload.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) {
    const ch = payload.codePointAt(bad) ?? 0;
    return { ok: false, error: linkError('malformed', `character ${bad + 1} of its data, ${JSON.stringify(String.fromCodePoint(ch))}, is not base64url`) };
  }
  if (payload.length < length) {
    const kept = Math.round((payload.length / Math.max(1, length)) * 100);
    return {
      ok: false,
      error: linkError('truncated', `it has ${payload.length.toLocaleString('en-US')} of the ${length.toLocaleString('en-US')} data characters it should have (${kept}%). Ask for the whole link, or for an exported zip`),
    };
  }
  if (payload.length > length) {
    return { ok: false, error: linkError('tampered', `it has ${payload.length.toLocaleString('en-US')} data characters where it declares ${length.toLocaleString('en-US')}`) };
  }
  return { ok: true, frame: { version, length, checksum, payload } };
}

/**
 * When a link is too long for where it may be pasted. 2,000 characters:
 * Discord's message limit (without Nitro), and the old "keep URLs under
 * 2,000 characters" rule of Internet Explorer's 2,083 and the sitemap
 * protocol's 2,048. 8,000: the smallest URI length RFC 9110 §4.1 recommends
 * every HTTP sender and recipient support; past it, tools are within their
 * rights to cut a link (chat link previews, mail clients, URL shorteners).
 */
export const LINK_LENGTH_THRESHOLDS = { notice: 2_000, warning: 8_000 } as const;

export type LinkLengthLevel = 'ok' | 'notice' | 'warning';

export function linkLengthAdvice(length: number): { level: LinkLengthLevel; message: string } {
  const chars = `${length.toLocaleString('en-US')} characters`;
  if (length > LINK_LENGTH_THRESHOLDS.warning) {
    return {
      level: 'warning',
      message: `This link is ${chars} long: over ${LINK_LENGTH_THRESHOLDS.warning.toLocaleString('en-US')}, many chat and mail tools will cut it. Send an exported zip instead, or make the code shorter.`,
    };
  }
  if (length > LINK_LENGTH_THRESHOLDS.notice) {
    return {
      level: 'notice',
      message: `This link is ${chars} long: over ${LINK_LENGTH_THRESHOLDS.notice.toLocaleString('en-US')}, some tools cut or refuse it (a Discord message holds 2,000 characters). Check that it arrives whole.`,
    };
  }
  return { level: 'ok', message: `This link is ${chars} long.` };
}

/**
 * What a link's advice adds when the workspace's layers are what push it
 * over a threshold (`withoutLayers`: the same link's length without them):
 * a link carries the layers too, and an export carries them whole. Null
 * when the link is short enough, or would be as long without them.
 */
export function layersLinkNote(length: number, withoutLayers: number, layerFiles: number): string | null {
  const level = linkLengthAdvice(length).level;
  if (level === 'ok' || linkLengthAdvice(withoutLayers).level === level) return null;
  return `Its layers (${layerFiles} file${layerFiles === 1 ? '' : 's'}) make up ${(length - withoutLayers).toLocaleString('en-US')} characters of it: Export carries them in a zip.`;
}
