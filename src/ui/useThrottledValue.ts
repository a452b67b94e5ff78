import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changing at most once per `ms` (the latest value always arrives,
 * at the end of the interval). Heavy panels follow a run at this pace
 * instead of at every batch of the recorder.
 */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, lastAt.current + ms - performance.now());
    const timer = setTimeout(() => {
      lastAt.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
