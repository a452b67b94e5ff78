// path and url manipulation: build the output key of an image resize job and
// a link to it, from the request's URL.
import path from 'node:path';
import { URL, fileURLToPath, format } from 'node:url';

export const handler = async (event) => {
  const source = new URL(event.sourceUrl);
  const key = decodeURIComponent(source.pathname.slice(1));
  const { dir, name, ext } = path.parse(key);
  const width = Number(source.searchParams.get('w') ?? 320);
  const outputKey = path.posix.join('resized', dir, `${name}-${width}w${ext.toLowerCase()}`);
  const link = new URL(format({ protocol: 'https', hostname: event.cdnHost, pathname: `/${outputKey}` }));
  link.searchParams.set('v', '2');
  return {
    key,
    outputKey,
    extension: path.extname(key),
    link: link.toString(),
    handlerFile: fileURLToPath(import.meta.url),
    relativeToTask: path.relative('/var/task', '/tmp/work'),
  };
};
