import { SandboxFrame } from './sandboxFrame';

/**
 * A frame made at idle time, before any function needs one, so that the
 * first cold start does not pay for creating it (the frame's document and
 * its renderer's start are the largest main-thread cost of a cold start).
 * The next function's pool takes it, and a new spare is made at idle again.
 */
let spare: SandboxFrame | null = null;
let spareScheduled = false;

function scheduleSpare(): void {
  if (spareScheduled || typeof requestIdleCallback !== 'function' || typeof document === 'undefined') return;
  spareScheduled = true;
  requestIdleCallback(
    () => {
      spareScheduled = false;
      if (spare && !spare.closed) return;
      const frame = new SandboxFrame(false);
      spare = frame;
      frame.open().catch(() => {
        if (spare === frame) spare = null;
      });
    },
    { timeout: 3000 },
  );
}

function takeSpare(networkAccess: boolean): SandboxFrame | null {
  const frame = spare;
  if (!frame || frame.closed || frame.networkAccess !== networkAccess) return null;
  spare = null;
  scheduleSpare();
  return frame;
}

/** Drop the spare (its renderer died with the others: sandbox frames of one site share a process). */
export function discardSpareFrame(): void {
  spare?.close();
  spare = null;
  scheduleSpare();
}

scheduleSpare();

/**
 * Sandbox frames by network policy. A frame that hosted a runaway handler is
 * retired: new environments go to a fresh frame, and the old one is removed
 * as soon as its last environment is gone. Removing a frame ends its process
 * in tens of milliseconds, where `terminate()` leaves a runaway loop burning
 * a core for 2 s and leaves an allocating one to crash the frame
 * (browser-limits.md §4).
 */
export class FramePool {
  private readonly current = new Map<boolean, SandboxFrame>();
  private readonly tenants = new Map<SandboxFrame, number>();
  private readonly retired = new Set<SandboxFrame>();

  /** The frame new environments with this network policy go to. */
  acquire(networkAccess: boolean): SandboxFrame {
    const frame = this.next(networkAccess);
    this.tenants.set(frame, (this.tenants.get(frame) ?? 0) + 1);
    return frame;
  }

  /** The frame the next environment with this network policy will go to (made now if there is none), without placing one. */
  next(networkAccess: boolean): SandboxFrame {
    let frame = this.current.get(networkAccess);
    if (!frame) {
      frame = takeSpare(networkAccess) ?? new SandboxFrame(networkAccess);
      this.current.set(networkAccess, frame);
    }
    return frame;
  }

  /** An environment in `frame` is gone. */
  release(frame: SandboxFrame): void {
    const left = (this.tenants.get(frame) ?? 1) - 1;
    this.tenants.set(frame, left);
    if (left <= 0 && this.retired.has(frame)) this.remove(frame);
  }

  /** Stop placing environments in `frame`; remove it when it empties. */
  retire(frame: SandboxFrame): void {
    if (this.current.get(frame.networkAccess) === frame) this.current.delete(frame.networkAccess);
    this.retired.add(frame);
    if ((this.tenants.get(frame) ?? 0) <= 0) this.remove(frame);
  }

  /** Remove a frame now (it died, or the driver is done). */
  remove(frame: SandboxFrame): void {
    if (this.current.get(frame.networkAccess) === frame) this.current.delete(frame.networkAccess);
    this.retired.delete(frame);
    this.tenants.delete(frame);
    frame.close();
  }

  frames(): SandboxFrame[] {
    return [...new Set([...this.current.values(), ...this.retired])];
  }

  closeAll(): void {
    for (const frame of this.frames()) this.remove(frame);
  }
}
