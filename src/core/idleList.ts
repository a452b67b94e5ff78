/** What the idle list needs of an environment: when it was last used, its creation order, and its links. */
export interface IdleNode {
  lastUsedAtMs: number;
  /** Creation order: the platform's environment number. */
  seq: number;
  configVersion: number;
  idlePrev?: IdleNode | null;
  idleNext?: IdleNode | null;
}

/**
 * The idle environments of one kind (provisioned or on-demand), kept in
 * order of last use, then of creation, so that the one Lambda reuses (the
 * most recently used, lambda-model.md §3) is found without scanning every
 * environment. It gives exactly what a scan in creation order keeping the
 * last environment with the greatest `lastUsedAtMs` would: ties go to the
 * newer environment. Adding is O(1) when the environment was used last,
 * which is the common case (it has just finished a request).
 */
export class IdleList<T extends IdleNode> {
  private head: T | null = null;
  private tail: T | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(node: T): void {
    let after = this.tail;
    while (after && (after.lastUsedAtMs > node.lastUsedAtMs || (after.lastUsedAtMs === node.lastUsedAtMs && after.seq > node.seq))) {
      after = (after.idlePrev ?? null) as T | null;
    }
    const before = (after ? (after.idleNext ?? null) : this.head) as T | null;
    node.idlePrev = after;
    node.idleNext = before;
    if (after) after.idleNext = node;
    else this.head = node;
    if (before) before.idlePrev = node;
    else this.tail = node;
    this.count += 1;
  }

  remove(node: T): void {
    const prev = (node.idlePrev ?? null) as T | null;
    const next = (node.idleNext ?? null) as T | null;
    if (prev) prev.idleNext = next;
    else this.head = next;
    if (next) next.idlePrev = prev;
    else this.tail = prev;
    node.idlePrev = null;
    node.idleNext = null;
    this.count -= 1;
  }

  /** The least recently used environment of this configuration version, if any. */
  leastRecent(configVersion: number): T | undefined {
    for (let node = this.head; node; node = (node.idleNext ?? null) as T | null) {
      if (node.configVersion === configVersion) return node;
    }
    return undefined;
  }

  /** Any environment of this configuration version, chosen by `pick(n)` (0 ≤ result < n) among the n of them. */
  any(configVersion: number, pick: (n: number) => number): T | undefined {
    let n = 0;
    for (let node = this.head; node; node = (node.idleNext ?? null) as T | null) if (node.configVersion === configVersion) n += 1;
    if (n === 0) return undefined;
    let k = pick(n);
    for (let node = this.head; node; node = (node.idleNext ?? null) as T | null) {
      if (node.configVersion !== configVersion) continue;
      if (k === 0) return node;
      k -= 1;
    }
    return undefined;
  }

  /** The most recently used environment of this configuration version, if any. */
  mostRecent(configVersion: number): T | undefined {
    for (let node = this.tail; node; node = (node.idlePrev ?? null) as T | null) {
      if (node.configVersion === configVersion) return node;
    }
    return undefined;
  }
}
