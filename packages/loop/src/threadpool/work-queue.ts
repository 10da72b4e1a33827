/**
 * The pool's queue of work not yet picked up by a thread, FIFO across all
 * kinds, with libuv's one exception: slow I/O (getaddrinfo) may occupy at
 * most (n + 1) / 2 threads, so when that many run, the slow items wait in
 * place while CPU and fast I/O work behind them goes ahead.
 *
 *   normal: [ seq 1 ][ seq 2 ][ seq 5 ]...     cpu and fast-io
 *   slow:   [ seq 3 ][ seq 4 ]...              slow-io
 *
 * `take` compares the two heads' sequence numbers: O(1). Cancelled items
 * stay where they are and are skipped when they reach a head.
 */

export interface QueuedWork {
  /** Submission order, across both queues. */
  seq: number;
  readonly slow: boolean;
  /** False once cancelled. */
  queued: boolean;
}

class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): void {
    this.items[this.head++] = undefined;
    // Compact now and then so a long-lived queue does not grow forever.
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

export class WorkQueue<T extends QueuedWork> {
  private readonly normal = new Fifo<T>();
  private readonly slowItems = new Fifo<T>();
  private nextSeq = 0;
  /** Items queued and not cancelled. */
  size = 0;

  push(item: T): void {
    item.seq = this.nextSeq++;
    item.queued = true;
    (item.slow ? this.slowItems : this.normal).push(item);
    this.size++;
  }

  /** Withdraw an item that no thread picked up yet. */
  remove(item: T): boolean {
    if (!item.queued) return false;
    item.queued = false;
    this.size--;
    return true;
  }

  /** The oldest runnable item, if any; slow items only when `slowAllowed`. */
  take(slowAllowed: boolean): T | undefined {
    const a = live(this.normal);
    const b = slowAllowed ? live(this.slowItems) : undefined;
    let item: T | undefined;
    if (a !== undefined && (b === undefined || a.seq < b.seq)) {
      item = a;
      this.normal.shift();
    } else if (b !== undefined) {
      item = b;
      this.slowItems.shift();
    } else return undefined;
    item.queued = false;
    this.size--;
    return item;
  }
}

function live<T extends QueuedWork>(fifo: Fifo<T>): T | undefined {
  for (;;) {
    const item = fifo.peek();
    if (item === undefined || item.queued) return item;
    fifo.shift();
  }
}
