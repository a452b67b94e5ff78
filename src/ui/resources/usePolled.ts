import { useCallback, useEffect, useState } from 'react';

/** How often a contents view reads its resource again while it is shown. */
export const POLL_MS = 2000;

/**
 * A contents view's reading: `load` once when shown, on `refresh`, and every
 * 2 s while mounted (one call at a time; none after unmount). `load` must
 * be stable for a resource (useCallback on its name). Not while the tab is
 * in the background.
 */
export function usePolled<T>(load: () => Promise<T>): { value: T | undefined; refresh(): void } {
  const [value, setValue] = useState<T>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    let busy = false;
    const read = (): void => {
      // A background tab reads nothing; the next tick after it is shown again does.
      if (busy || document.hidden) return;
      busy = true;
      void load().then(
        (v) => {
          busy = false;
          if (live) setValue(v);
        },
        () => {
          busy = false;
        },
      );
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, tick]);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { value, refresh };
}
