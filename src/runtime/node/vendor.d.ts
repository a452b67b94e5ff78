/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module declaration cannot import a relative module */
/** Types for the libraries behind the built-ins that ship none (each is a port of Node's own module). */
declare module 'events/events.js' {
  const EventEmitter: {
    new (): import('./eventsTypes').Emitter;
    prototype: import('./eventsTypes').Emitter;
    once(emitter: unknown, name: string): Promise<unknown[]>;
    defaultMaxListeners: number;
    EventEmitter: unknown;
    listenerCount(emitter: unknown, name: string): number;
  };
  export default EventEmitter;
}
declare module 'string_decoder/lib/string_decoder.js' {
  export class StringDecoder {
    constructor(encoding?: string);
    write(buf: Uint8Array): string;
    end(buf?: Uint8Array): string;
  }
}
declare module 'path-browserify' {
  const path: Record<string, unknown> & { posix: unknown };
  export default path;
}
declare module 'readable-stream/lib/stream.js' {
  const stream: import('./streamTypes').StreamModule;
  export default stream;
}
