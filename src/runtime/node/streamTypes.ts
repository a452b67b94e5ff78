/** The part of Node's stream module the other built-ins use (readable-stream has no types of its own). */
import type { Emitter } from './eventsTypes';

type Cb = (err?: Error | null) => void;

export interface ReadableLike extends Emitter {
  push(chunk: unknown): boolean;
  destroy(err?: Error): this;
  pipe<T>(dest: T): T;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

export interface ReadableCtor {
  new (options?: { read?(this: ReadableLike, size: number): void; highWaterMark?: number; objectMode?: boolean; encoding?: string }): ReadableLike;
  from(iterable: unknown, options?: object): ReadableLike;
}

export interface WritableLike extends Emitter {
  write(chunk: unknown, cb?: Cb): boolean;
  end(cb?: () => void): this;
  destroy(err?: Error): this;
}

export interface WritableCtor {
  new (options?: {
    write?(this: WritableLike, chunk: Uint8Array, encoding: string, cb: Cb): void;
    final?(this: WritableLike, cb: Cb): void;
    decodeStrings?: boolean;
    highWaterMark?: number;
  }): WritableLike;
}

export interface TransformLike extends ReadableLike, WritableLike {
  destroy(err?: Error): this;
}

export interface TransformCtor {
  new (options?: {
    transform?(this: TransformLike, chunk: Uint8Array, encoding: string, cb: (err?: Error | null, data?: unknown) => void): void;
    flush?(this: TransformLike, cb: (err?: Error | null, data?: unknown) => void): void;
  }): TransformLike;
}

export interface StreamModule {
  Readable: ReadableCtor;
  Writable: WritableCtor;
  Transform: TransformCtor;
  pipeline: (...args: unknown[]) => unknown;
  finished: (...args: unknown[]) => unknown;
  promises: { pipeline: (...args: unknown[]) => Promise<void>; finished: (...args: unknown[]) => Promise<void> };
}
