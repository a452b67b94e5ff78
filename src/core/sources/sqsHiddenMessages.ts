import type { SqsMessage } from './sqsMessage';

interface Entry {
  atMs: number;
  /** Ties keep the order messages were hidden in. */
  seq: number;
  message: SqsMessage;
}

/**
 * The messages of a queue that are not visible yet (in flight, or delayed),
 * by the time they become visible: a binary min-heap. An entry whose message
 * has since been deleted or hidden again (`isLive` says no) is dropped when
 * it reaches the top, so nothing is ever searched for.
 */
export class SqsHiddenMessages {
  private readonly heap: Entry[] = [];
  private seq = 0;

  constructor(private readonly isLive: (message: SqsMessage, atMs: number) => boolean) {}

  add(message: SqsMessage): void {
    this.heap.push({ atMs: message.visibleAtMs, seq: this.seq++, message });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Remove and return the live messages visible by `nowMs`, earliest first. */
  popDue(nowMs: number): SqsMessage[] {
    const due: SqsMessage[] = [];
    while (this.heap.length > 0 && this.heap[0]!.atMs <= nowMs) {
      const e = this.pop();
      if (this.isLive(e.message, e.atMs)) due.push(e.message);
    }
    return due;
  }

  /** When the next live message becomes visible, or null. */
  nextAtMs(): number | null {
    while (this.heap.length > 0 && !this.isLive(this.heap[0]!.message, this.heap[0]!.atMs)) this.pop();
    return this.heap[0]?.atMs ?? null;
  }

  private pop(): Entry {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.before(l, m)) m = l;
        if (r < this.heap.length && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.atMs < y.atMs || (x.atMs === y.atMs && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a]!;
    this.heap[a] = this.heap[b]!;
    this.heap[b] = t;
  }
}
