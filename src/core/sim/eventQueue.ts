/**
 * The simulation's pending events: an indexed binary min-heap ordered by
 * time, then by insertion (so events due at the same moment run in the order
 * they were scheduled, and a run is reproducible). Each event lives in a
 * slot of preallocated typed arrays; slots are recycled, so scheduling,
 * cancelling and popping allocate nothing once the arrays have grown to the
 * run's high-water mark. A slot can be removed before it is due (a cleared
 * timer) in O(log n).
 */
export class EventQueue {
  private capacity: number;
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private nums: Float64Array;
  /** Position of each slot in the heap, −1 when not queued. */
  private positions: Int32Array;
  private heap: Int32Array;
  private free: Int32Array;
  private readonly refsA: (string | null)[];
  private readonly refsB: (string | null)[];
  private freeCount: number;
  private size = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.nums = new Float64Array(initialCapacity);
    this.positions = new Int32Array(initialCapacity).fill(-1);
    this.heap = new Int32Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
    this.refsA = new Array<string | null>(initialCapacity).fill(null);
    this.refsB = new Array<string | null>(initialCapacity).fill(null);
    for (let i = 0; i < initialCapacity; i++) this.free[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
  }

  get length(): number {
    return this.size;
  }

  /** The time of the next event, or Infinity when none is queued. */
  peekTime(): number {
    return this.size === 0 ? Infinity : (this.times[this.heap[0]!] as number);
  }

  /** Queue an event; returns its slot, valid until it is popped or removed. */
  push(timeMs: number, kind: number, a: string | null, b: string | null, num: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount] as number;
    this.times[slot] = timeMs;
    this.seqs[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.nums[slot] = num;
    this.refsA[slot] = a;
    this.refsB[slot] = b;
    const i = this.size++;
    this.heap[i] = slot;
    this.positions[slot] = i;
    this.siftUp(i);
    return slot;
  }

  /** Take the earliest event out of the heap; read it with the accessors, then `release` the slot. */
  pop(): number {
    const slot = this.heap[0] as number;
    this.detach(0);
    return slot;
  }

  /** Cancel a queued event and free its slot. */
  remove(slot: number): void {
    const i = this.positions[slot] as number;
    if (i < 0) return;
    this.detach(i);
    this.release(slot);
  }

  release(slot: number): void {
    this.refsA[slot] = null;
    this.refsB[slot] = null;
    this.free[this.freeCount++] = slot;
  }

  time(slot: number): number {
    return this.times[slot] as number;
  }

  kind(slot: number): number {
    return this.kinds[slot] as number;
  }

  num(slot: number): number {
    return this.nums[slot] as number;
  }

  a(slot: number): string | null {
    return this.refsA[slot] ?? null;
  }

  b(slot: number): string | null {
    return this.refsB[slot] ?? null;
  }

  private detach(i: number): void {
    const slot = this.heap[i] as number;
    this.positions[slot] = -1;
    const last = --this.size;
    if (i === last) return;
    const moved = this.heap[last] as number;
    this.heap[i] = moved;
    this.positions[moved] = i;
    if (i > 0 && this.less(moved, this.heap[(i - 1) >> 1] as number)) this.siftUp(i);
    else this.siftDown(i);
  }

  private less(x: number, y: number): boolean {
    const tx = this.times[x] as number;
    const ty = this.times[y] as number;
    return tx < ty || (tx === ty && (this.seqs[x] as number) < (this.seqs[y] as number));
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    const slot = heap[start] as number;
    let i = start;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as number;
      if (!this.less(slot, parent)) break;
      heap[i] = parent;
      this.positions[parent] = i;
      i = parentIndex;
    }
    heap[i] = slot;
    this.positions[slot] = i;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const n = this.size;
    const slot = heap[start] as number;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.less(heap[right] as number, heap[child] as number)) child = right;
      const c = heap[child] as number;
      if (!this.less(c, slot)) break;
      heap[i] = c;
      this.positions[c] = i;
      i = child;
    }
    heap[i] = slot;
    this.positions[slot] = i;
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.times = f64(this.times);
    this.seqs = f64(this.seqs);
    this.nums = f64(this.nums);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const positions = new Int32Array(cap).fill(-1);
    positions.set(this.positions);
    this.positions = positions;
    const heap = new Int32Array(cap);
    heap.set(this.heap);
    this.heap = heap;
    const free = new Int32Array(cap);
    for (let i = 0; i < cap - old; i++) free[i] = cap - 1 - i;
    this.free = free;
    this.freeCount = cap - old;
    for (let i = old; i < cap; i++) {
      this.refsA.push(null);
      this.refsB.push(null);
    }
    this.capacity = cap;
  }
}
