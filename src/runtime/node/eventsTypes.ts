/** The part of Node's EventEmitter the other built-ins call. */
export interface Emitter {
  on(name: string | symbol, listener: (...args: never[]) => void): this;
  once(name: string | symbol, listener: (...args: never[]) => void): this;
  off(name: string | symbol, listener: (...args: never[]) => void): this;
  emit(name: string | symbol, ...args: unknown[]): boolean;
  removeAllListeners(name?: string | symbol): this;
  listenerCount(name: string | symbol): number;
}
