import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { EventQueue } from './eventQueue';

describe('EventQueue', () => {
  it('pops by time, then in the order events were queued; removes any of them', () => {
    const q = new EventQueue(2);
    const random = createRandom(3);
    const live = new Map<number, { t: number; n: number }>();
    for (let n = 0; n < 5000; n++) {
      const t = Math.floor(random.next() * 100);
      live.set(q.push(t, 1, `a${n}`, null, n), { t, n });
      if (n % 3 === 0) {
        const victim = [...live.keys()][Math.floor(random.next() * live.size)] as number;
        q.remove(victim);
        live.delete(victim);
      }
    }
    const expected = [...live.values()].sort((x, y) => x.t - y.t || x.n - y.n).map((e) => e.n);
    const popped: number[] = [];
    while (q.length > 0) {
      const slot = q.pop();
      expect(q.a(slot)).toBe(`a${q.num(slot)}`);
      popped.push(q.num(slot));
      q.release(slot);
    }
    expect(popped).toEqual(expected);
    expect(q.peekTime()).toBe(Infinity);
  });
});
