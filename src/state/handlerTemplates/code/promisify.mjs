// util.promisify on Node's callback APIs: zlib and fs with callbacks,
// turned into promises and awaited.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import fs from 'node:fs';

const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);
const writeFile = promisify(fs.writeFile);
const readFile = promisify(fs.readFile);
const sleep = promisify(setTimeout);

export const handler = async (event) => {
  const text = JSON.stringify(event);
  const packed = await deflate(text);
  await writeFile('/tmp/event.deflate', packed);
  await sleep(5);
  const restored = JSON.parse((await inflate(await readFile('/tmp/event.deflate'))).toString());
  return { originalBytes: Buffer.byteLength(text), deflatedBytes: packed.length, sameEvent: JSON.stringify(restored) === text };
};
