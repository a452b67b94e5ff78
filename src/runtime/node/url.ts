/**
 * `url`: the WHATWG URL classes (the global ones, as in Node), and the
 * file-URL helpers on POSIX paths, with Node's errors for bad input.
 */
function invalidArg(name: string, value: unknown): TypeError {
  const received = value === null ? 'null' : value === undefined ? 'undefined' : `type ${typeof value} (${typeof value === 'number' ? value : JSON.stringify(value)})`;
  return Object.assign(new TypeError(`The "${name}" argument must be of type string or an instance of URL. Received ${received}`), { code: 'ERR_INVALID_ARG_TYPE' });
}

function fileURLToPath(input: string | URL): string {
  if (typeof input !== 'string' && !(input instanceof URL)) throw invalidArg('path', input);
  const url = typeof input === 'string' ? new URL(input) : input;
  if (url.protocol !== 'file:') throw Object.assign(new TypeError('The URL must be of scheme file'), { code: 'ERR_INVALID_URL_SCHEME' });
  if (url.hostname !== '') {
    throw Object.assign(new TypeError(`File URL host must be "localhost" or empty on linux`), { code: 'ERR_INVALID_FILE_URL_HOST' });
  }
  if (/%2f/i.test(url.pathname)) {
    throw Object.assign(new TypeError('File URL path must not include encoded / characters'), { code: 'ERR_INVALID_FILE_URL_PATH' });
  }
  return decodeURIComponent(url.pathname);
}

function pathToFileURL(path: string): URL {
  if (typeof path !== 'string') {
    throw Object.assign(new TypeError(`The "path" argument must be of type string. Received ${path === null ? 'null' : typeof path}`), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  const cwd = '/var/task';
  const segments: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  let resolved = `/${segments.join('/')}`;
  if (path.endsWith('/') && resolved !== '/') resolved += '/';
  const encoded = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09').replace(/#/g, '%23').replace(/\?/g, '%3F');
  return new URL(`file://${encoded}`);
}

function format(input: URL | string | Record<string, unknown>, options?: { fragment?: boolean; search?: boolean; auth?: boolean }): string {
  if (input instanceof URL) {
    const u = new URL(input.href);
    if (options?.fragment === false) u.hash = '';
    if (options?.search === false) u.search = '';
    if (options?.auth === false) {
      u.username = '';
      u.password = '';
    }
    return u.href;
  }
  if (typeof input === 'string') return input;
  const o = input as Record<string, string | undefined>;
  const protocol = o.protocol ? (o.protocol.endsWith(':') ? o.protocol : `${o.protocol}:`) : '';
  const host = o.host ?? (o.hostname ? `${o.hostname}${o.port ? `:${o.port}` : ''}` : '');
  const slashes = host || /^(https?|ftp|file|wss?):$/.test(protocol) ? '//' : '';
  return `${protocol}${slashes}${o.auth ? `${o.auth}@` : ''}${host}${o.pathname ?? ''}${o.search ?? ''}${o.hash ?? ''}`;
}

const url = { URL, URLSearchParams, fileURLToPath, pathToFileURL, format, domainToASCII: (d: string) => new URL(`http://${d}`).hostname };
export { fileURLToPath, pathToFileURL };
export default url;
