import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactWorkspace } from '../core/workspace/compactWorkspace';
import { EVERY_TRIGGER, LARGE, SAMPLE_WORKSPACES, UNICODE } from '../core/workspace/sampleWorkspaces.test-support';
import { linkLengthAdvice, LINK_LENGTH_THRESHOLDS } from '../core/workspace/shareLinkFormat';
import { readWorkspace } from '../core/workspace/readWorkspace';
import { deflateRaw } from '../bridge/deflateRaw';
import { base64urlEncode } from '../core/codec';
import { crc32Hex } from '../core/workspace/crc32';
import { decodeFragment, encodeFragment, encodeWorkspaceFragment, shareUrl } from './shareLink';

const BASE = 'https://playground.example/';

async function roundTrip(fragment: string) {
  const decoded = await decodeFragment(`#${fragment}`);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.workspace;
}

describe('workspace → link → workspace', () => {
  for (const [name, workspace] of Object.entries(SAMPLE_WORKSPACES)) {
    it(`is the identity for ${name}`, async () => {
      const fragment = await encodeWorkspaceFragment(workspace);
      expect(fragment).toMatch(/^ws2\.\d+\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
      expect(await roundTrip(fragment)).toEqual(workspace);
    });
  }

  it('keeps unicode code, events and names exactly', async () => {
    const back = await roundTrip(await encodeWorkspaceFragment(UNICODE));
    expect(back.functions[0]?.code).toBe(UNICODE.functions[0]?.code);
    expect(back.name).toBe('Ünïcode workspace ✨');
  });

  it('carries large code near the warning threshold, and says when a link passes it', async () => {
    let chars = 4000;
    let fragment = '';
    for (;;) {
      const next = await encodeWorkspaceFragment(LARGE(chars + 250));
      if (shareUrl(BASE, next).length > LINK_LENGTH_THRESHOLDS.warning) break;
      chars += 250;
      fragment = next;
    }
    const url = shareUrl(BASE, fragment);
    expect(url.length).toBeGreaterThan(LINK_LENGTH_THRESHOLDS.warning - 400);
    expect(url.length).toBeLessThanOrEqual(LINK_LENGTH_THRESHOLDS.warning);
    expect(linkLengthAdvice(url.length).level).toBe('notice');
    expect(await roundTrip(fragment)).toEqual(LARGE(chars));
    const over = shareUrl(BASE, await encodeWorkspaceFragment(LARGE(chars + 2000)));
    expect(linkLengthAdvice(over.length)).toMatchObject({ level: 'warning' });
    expect(linkLengthAdvice(over.length).message).toContain(over.length.toLocaleString('en-US'));
    expect(linkLengthAdvice(500).level).toBe('ok');
  });

  it('leaves defaults out of the link', () => {
    const compact = compactWorkspace(SAMPLE_WORKSPACES.MINIMAL!);
    expect(Object.keys(compact)).toEqual(['functions']);
    expect(Object.keys((compact.functions as object[])[0]!).sort()).toEqual(['code', 'event', 'name']);
    expect(readWorkspace(compact)).toEqual(SAMPLE_WORKSPACES.MINIMAL);
  });

  it('puts the workspace in the fragment only, so the server never sees it', () => {
    const url = new URL(shareUrl(`${BASE}?embed=1#old`, 'ws2.1.00000000.A'));
    expect(url.hash).toBe('#ws2.1.00000000.A');
    expect(url.search).toBe('?embed=1');
  });
});

describe('bad links', () => {
  const good = () => encodeWorkspaceFragment(EVERY_TRIGGER);
  const fails = async (fragment: string) => {
    const decoded = await decodeFragment(fragment);
    if (decoded.ok) throw new Error('expected the link to be refused');
    expect(decoded.error.message).toMatch(/your workspace is unchanged\.$/);
    return decoded.error;
  };

  it('malformed: not our prefix, a bad character, a broken header', async () => {
    expect(await fails('#hello')).toMatchObject({ kind: 'malformed' });
    expect((await fails('#hello')).message).toContain('should start with #ws');
    const g = await good();
    expect(await fails(`${g.slice(0, 40)}%${g.slice(41)}`)).toMatchObject({ kind: 'malformed', message: expect.stringContaining('is not base64url') });
    expect(await fails('ws2.abc.def')).toMatchObject({ kind: 'malformed' });
    expect(await fails('ws0.1.00000000.A')).toMatchObject({ kind: 'malformed' });
  });

  it('truncated: cut in its data or in its header', async () => {
    const g = await good();
    const cut = await fails(g.slice(0, Math.floor(g.length / 2)));
    expect(cut.kind).toBe('truncated');
    expect(cut.message).toMatch(/it has [\d,]+ of the [\d,]+ data characters/);
    expect(await fails(g.slice(0, 6))).toMatchObject({ kind: 'truncated' });
    expect(await fails(g.slice(0, -1))).toMatchObject({ kind: 'truncated' });
  });

  it('tampered: a changed character, a changed checksum, extra data', async () => {
    const g = await good();
    const i = g.length - 30;
    const changed = `${g.slice(0, i)}${g[i] === 'A' ? 'B' : 'A'}${g.slice(i + 1)}`;
    expect(await fails(changed)).toMatchObject({ kind: 'tampered' });
    const parts = g.split('.');
    expect(await fails([parts[0], parts[1], '00000000', parts[3]].join('.'))).toMatchObject({ kind: 'tampered', message: expect.stringContaining('checksum') });
    expect(await fails(`${g}AAAA`)).toMatchObject({ kind: 'tampered' });
  });

  it('newer version: says to reload', async () => {
    const e = await fails('ws3.4.00000000.AAAA');
    expect(e.kind).toBe('newer');
    expect(e.message).toContain('format 3');
    expect(e.message).toContain('Reload the page');
  });

  it('too large once decompressed: a decompression bomb is stopped', async () => {
    const bomb = new TextEncoder().encode(`{"functions":[{"code":"${'a'.repeat(9 * 1024 * 1024)}"}]}`);
    const payload = base64urlEncode(await deflateRaw(bomb));
    expect(await fails(`ws2.${payload.length}.${crc32Hex(bomb)}.${payload}`)).toMatchObject({ kind: 'too-large' });
  });

  it('a well-formed link whose workspace is invalid names the field', async () => {
    const e = await fails(await encodeFragment(2, { functions: [{ name: 'f', memoryMb: 'lots' }] }));
    expect(e.kind).toBe('malformed');
    expect(e.message).toContain('functions[0].memoryMb: expected a number');
    expect((await fails(await encodeFragment(2, { functions: [] }))).message).toContain('at least one function');
  });
});

/**
 * Links of every earlier format version keep loading. Each fixture is a
 * `.link` file (the fragment, as sent) beside the `.json` it must load as.
 * Run with WRITE_LINK_FIXTURES=1 once to add the current version's fixtures;
 * never rewrite an old one.
 */
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'links');

describe('old link fixtures', () => {
  if (process.env.WRITE_LINK_FIXTURES === '1') {
    it('writes fixtures', async () => {
      mkdirSync(FIXTURES, { recursive: true });
      const v1 = { function: { name: 'hello-v1', code: "exports.handler = async (event) => ({ hello: event.name ?? 'world' });\n", fileName: 'index.js', memoryMb: 256, timeoutS: 5 }, event: '{"name":"v1"}' };
      const write = async (name: string, version: number, doc: unknown) => {
        const fragment = await encodeFragment(version, doc);
        const decoded = await decodeFragment(fragment);
        if (!decoded.ok) throw new Error(decoded.error.message);
        writeFileSync(join(FIXTURES, `${name}.link`), `${fragment}\n`);
        writeFileSync(join(FIXTURES, `${name}.json`), `${JSON.stringify(decoded.workspace, null, 2)}\n`);
      };
      await write('v1-single-function', 1, v1);
      await write('v2-every-trigger', 2, compactWorkspace(EVERY_TRIGGER));
    });
  }

  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.link')) : [];
  it('has a fixture of every version up to the current one', () => {
    expect(files.some((f) => f.startsWith('v1-'))).toBe(true);
    expect(files.some((f) => f.startsWith('v2-'))).toBe(true);
  });
  for (const file of files) {
    it(`loads ${file}`, async () => {
      const fragment = readFileSync(join(FIXTURES, file), 'utf8').trim();
      const expected: unknown = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.link$/, '.json')), 'utf8'));
      expect(await roundTrip(fragment)).toEqual(expected);
    });
  }
});
