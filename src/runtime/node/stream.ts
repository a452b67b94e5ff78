/**
 * `stream`: `readable-stream` v4, the Node.js project's own copy of Node's
 * streams (Readable, Writable, Duplex, Transform, PassThrough, pipeline,
 * finished, compose) for other platforms.
 */
import stream from 'readable-stream/lib/stream.js';

export { stream };
export default stream;
