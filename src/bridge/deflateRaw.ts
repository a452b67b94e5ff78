/**
 * Raw DEFLATE (RFC 1951) through the platform's CompressionStream and
 * DecompressionStream ('deflate-raw'): in browsers and in Node.js 20.
 * Share links and zip entries both use it.
 */

async function collect(readable: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InflateTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Thrown when the data inflates past the caller's limit. */
export class InflateTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`inflates to more than ${maxBytes} bytes`);
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the readable side; the writer's promises are only awaited there.
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => undefined);
  const out = await collect(stream.readable as ReadableStream<Uint8Array>, maxBytes);
  await written;
  return out;
}

export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
}

/** Rejects when the data is not valid raw DEFLATE (or ends early), or inflates past `maxBytes`. */
export function inflateRaw(bytes: Uint8Array, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('deflate-raw'), maxBytes);
}
