// The simulation's single event queue: a binary min-heap ordered by (timeMs, seq).
// seq is a global insertion counter, so events at the same instant run in the order
// they were scheduled and every run of a scenario has exactly one outcome.

export interface QueueItem<T> {
  timeMs: number;
  seq: number;
  payload: T;
}

export class EventQueue<T> {
  private heap: QueueItem<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timeMs: number, payload: T): QueueItem<T> {
    const item = { timeMs, seq: this.nextSeq++, payload };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as QueueItem<T>;
      if (!less(item, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = item;
    return item;
  }

  peek(): QueueItem<T> | undefined {
    return this.heap[0];
  }

  pop(): QueueItem<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && less(h[r] as QueueItem<T>, h[l] as QueueItem<T>)) c = r;
      const child = h[c] as QueueItem<T>;
      if (!less(child, last)) break;
      h[i] = child;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

function less<T>(a: QueueItem<T>, b: QueueItem<T>): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
}
