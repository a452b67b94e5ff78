import { describe, expect, it } from 'vitest';
import { sealChannel } from './sealChannel';

/** A stand-in for the worker's global: an EventTarget whose prototype has postMessage/onmessage, as DedicatedWorkerGlobalScope does. */
class Scope extends EventTarget {
  postMessage(): string {
    return 'posted';
  }
  onmessage: unknown = null;
}

describe('sealChannel leaves handler code no way to the runtime port', () => {
  const scope = new Scope();
  const originalPost = MessagePort.prototype.postMessage;
  sealChannel(scope);

  it('removes postMessage and onmessage from the global and its prototype', () => {
    expect((scope as unknown as Record<string, unknown>).postMessage).toBeUndefined();
    expect((scope as unknown as Record<string, unknown>).onmessage).toBeUndefined();
    expect(() => Object.defineProperty(scope, 'postMessage', { value: () => 'again' })).toThrow(TypeError);
  });

  it("ignores addEventListener('message') on the global, and only there", () => {
    let heard = 0;
    scope.addEventListener('message', () => heard++);
    scope.dispatchEvent(new Event('message'));
    expect(heard).toBe(0);
    const other = new EventTarget();
    other.addEventListener('message', () => heard++);
    other.dispatchEvent(new Event('message'));
    expect(heard).toBe(1);
  });

  it('freezes the prototypes replies and messages go through', () => {
    expect(() => {
      MessagePort.prototype.postMessage = () => undefined;
    }).toThrow(TypeError);
    expect(MessagePort.prototype.postMessage).toBe(originalPost);
    expect(() => Object.defineProperty(MessageEvent.prototype, 'data', { get: () => 'stolen' })).toThrow(TypeError);
    expect(() => {
      EventTarget.prototype.addEventListener = () => undefined;
    }).toThrow(TypeError);
  });
});
