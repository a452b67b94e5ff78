import type * as Sucrase from 'sucrase';

let loaded: typeof Sucrase | null = null;
let pending: Promise<typeof Sucrase> | null = null;

/**
 * Sucrase (the handler compiler, ~100 KB gzip) is loaded on demand: the
 * first environment's start waits for it, the page's first load does not
 * carry it. Loading twice returns the same promise.
 */
export function loadSucrase(): Promise<typeof Sucrase> {
  pending ??= import('sucrase').then((m) => (loaded = m));
  return pending;
}

/** The loaded compiler; callers run after `loadSucrase()` resolved. */
export function sucrase(): typeof Sucrase {
  if (!loaded) throw new Error('The handler compiler is not loaded yet: await loadSucrase() first.');
  return loaded;
}
