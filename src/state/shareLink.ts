import { base64urlDecode, base64urlEncode } from '../core/codec';
import { compactWorkspace } from '../core/workspace/compactWorkspace';
import { crc32Hex } from '../core/workspace/crc32';
import { SchemaProblem } from '../core/schema/schema';
import { formatFragment, linkError, MAX_LINK_JSON_BYTES, parseFragment, type LinkError } from '../core/workspace/shareLinkFormat';
import { readAnyVersion } from '../core/workspace/workspaceMigrations';
import { WORKSPACE_VERSION, type Workspace } from '../core/workspace/workspaceTypes';
import { deflateRaw, inflateRaw, InflateTooLargeError } from '../bridge/deflateRaw';

/**
 * Share links: the workspace in the URL fragment, which browsers never send
 * to a server (docs/link-format.md).
 */

const encoder = new TextEncoder();

/** The fragment (without '#') for any JSON document of a given format version: the app uses the current one; tests make fixtures of old ones. */
export async function encodeFragment(version: number, document: unknown): Promise<string> {
  const json = encoder.encode(JSON.stringify(document));
  const payload = base64urlEncode(await deflateRaw(json));
  return formatFragment(version, crc32Hex(json), payload);
}

/** The fragment (without '#') that carries this workspace, defaults left out. */
export function encodeWorkspaceFragment(workspace: Workspace): Promise<string> {
  return encodeFragment(WORKSPACE_VERSION, compactWorkspace(workspace));
}

/** The full link: the page's address without its fragment, then '#' and the workspace. */
export function shareUrl(pageUrl: string, fragment: string): string {
  return `${pageUrl.split('#')[0]}#${fragment}`;
}

export type DecodedLink = { ok: true; workspace: Workspace; version: number } | { ok: false; error: LinkError };

/** The workspace a fragment carries, from any earlier format version, or a clear reason why not. */
export async function decodeFragment(fragment: string): Promise<DecodedLink> {
  const parsed = parseFragment(fragment);
  if (!parsed.ok) return parsed;
  const { version, checksum, payload } = parsed.frame;
  const bytes = base64urlDecode(payload);
  if (!bytes.ok) return { ok: false, error: linkError('malformed', 'its data has a length no base64url text can have') };
  let json: Uint8Array;
  try {
    json = await inflateRaw(bytes.bytes, MAX_LINK_JSON_BYTES);
  } catch (err) {
    if (err instanceof InflateTooLargeError) {
      return { ok: false, error: linkError('too-large', `more than ${(MAX_LINK_JSON_BYTES / 1024 / 1024).toFixed(0)} MB once decompressed`) };
    }
    return { ok: false, error: linkError('tampered', 'its data does not decompress') };
  }
  if (crc32Hex(json) !== checksum) return { ok: false, error: linkError('tampered', `checksum ${crc32Hex(json)} where the link says ${checksum}`) };
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, error: linkError('malformed', 'its data is not UTF-8 JSON') };
  }
  try {
    return { ok: true, workspace: readAnyVersion(version, document), version };
  } catch (err) {
    if (err instanceof SchemaProblem) return { ok: false, error: linkError('malformed', `its workspace is not valid: ${err.message}`) };
    throw err;
  }
}
