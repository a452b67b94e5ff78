import { afterEach, describe, expect, it, vi } from 'vitest';
import http, { variants } from './http';

type Res = { statusCode: number; headers: Record<string, string>; on(e: string, f: (x?: unknown) => void): void; setEncoding?(e: string): void };
type Req = { on(e: string, f: (x: unknown) => void): void; end(): void; write(s: string): void };
const https = variants.https as unknown as { get(u: string, cb: (r: Res) => void): Req; request(o: object, cb: (r: Res) => void): Req };

afterEach(() => vi.unstubAllGlobals());

describe('http and https clients over fetch', () => {
  it('get: status, lower-case headers and the body as data events', async () => {
    const fetchMock = vi.fn(async () => new Response('hello body', { status: 201, headers: { 'X-Thing': 'yes' } }));
    vi.stubGlobal('fetch', fetchMock);
    const { status, header, body } = await new Promise<{ status: number; header: string | undefined; body: string }>((resolve) => {
      https.get('https://example.com/path?q=1', (res) => {
        let text = '';
        res.on('data', (c) => (text += String(c)));
        res.on('end', () => resolve({ status: res.statusCode, header: res.headers['x-thing'], body: text }));
      });
    });
    expect({ status, header, body }).toEqual({ status: 201, header: 'yes', body: 'hello body' });
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toBe('https://example.com/path?q=1');
  });

  it('request with options and a body', async () => {
    const fetchMock = vi.fn(async (_url: URL, init: RequestInit) => new Response(`${init.method} ${new TextDecoder().decode(init.body as Uint8Array)}`));
    vi.stubGlobal('fetch', fetchMock);
    const body = await new Promise<string>((resolve) => {
      const req = https.request({ hostname: 'api.example.com', path: '/items', method: 'post', headers: { 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += String(c)));
        res.on('end', () => resolve(text));
      });
      req.write('{"a":1}');
      req.end();
    });
    expect(body).toBe('POST {"a":1}');
    expect(String(fetchMock.mock.calls[0]![0])).toBe('https://api.example.com/items');
  });

  it("fails as Node does when the host cannot be reached (network access off): getaddrinfo ENOTFOUND", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = await new Promise<Error & { code?: string; syscall?: string; hostname?: string }>((resolve) => https.get('https://example.com/', () => undefined).on('error', (e) => resolve(e as Error)));
    expect(err).toMatchObject({ message: 'getaddrinfo ENOTFOUND example.com', code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname: 'example.com' });
  });

  it('refuses the wrong protocol and servers', () => {
    expect(() => (http as unknown as { get(u: string): void }).get('https://example.com/')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_PROTOCOL', message: 'Protocol "https:" not supported. Expected "http:"' }));
    expect(() => (http as unknown as { createServer(): void }).createServer()).toThrow(/cannot listen on ports/);
  });
});
