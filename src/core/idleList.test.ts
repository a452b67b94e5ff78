import { describe, expect, it } from 'vitest';
import { IdleList, type IdleNode } from './idleList';
import { createRandom } from './random';

describe('IdleList', () => {
  it('finds what a scan in creation order keeping the last most recently used would find', () => {
    const random = createRandom(17);
    const list = new IdleList<IdleNode>();
    const idle = new Set<IdleNode>();
    const all: IdleNode[] = Array.from({ length: 40 }, (_, seq) => ({ seq, lastUsedAtMs: 0, configVersion: 0 }));
    for (let step = 0; step < 20_000; step++) {
      const node = all[Math.floor(random.next() * all.length)] as IdleNode;
      if (idle.has(node)) {
        list.remove(node);
        idle.delete(node);
      } else {
        // Mostly "used just now", sometimes an older time (an environment that became idle without a request).
        node.lastUsedAtMs = random.next() < 0.8 ? step : Math.floor(random.next() * step);
        node.configVersion = random.next() < 0.1 ? 1 : 0;
        list.add(node);
        idle.add(node);
      }
      for (const version of [0, 1]) {
        let best: IdleNode | undefined;
        for (const n of all) if (idle.has(n) && n.configVersion === version && (!best || n.lastUsedAtMs >= best.lastUsedAtMs)) best = n;
        expect(list.mostRecent(version)).toBe(best);
      }
      expect(list.size).toBe(idle.size);
    }
  }, 60_000); // thousands of random steps: slow on a shared machine
});
