/**
 * The data structure behind setTimeout/setInterval, shaped as Node's.
 *
 * What timers are used for decides the shape: most timeouts are created and
 * cancelled before they fire (socket idle timers, request deadlines), and
 * programs use few distinct durations. So inserting and removing must be
 * O(1), and firing may cost O(log n) in the number of *durations*, not of
 * timeouts.
 *
 *   listsByDuration (Map)         queue (binary min-heap of lists by expiry)
 *   ┌──────┬───────────┐          ┌────────────────────────────────┐
 *   │ 40   │ list ─────┼────────► │ list(40): expiry 1040, id 3    │
 *   │ 1000 │ list ─────┼──┐       │ ├ list(1000): expiry 1500, id 1│
 *   └──────┴───────────┘  │       └────────────────────────────────┘
 *                         ▼
 *        TimersList(1000) ⇄ timeout(start 500) ⇄ timeout(start 620) ⇄ …
 *
 * Every timeout in one list has the same duration, and is appended when
 * (re)started, so a list is sorted by start time and its head fires first:
 * the list's `expiry` is its head's start + duration. Appending and
 * unlinking are O(1) on the intrusive doubly linked ring; the heap only moves
 * when a list is created, emptied, or its head fires. Lists with equal
 * expiries are ordered by `id`, given whenever a list's expiry is set, so
 * timeouts due at the same ms fire in the order they were scheduled.
 */

/** A node of an intrusive circular doubly linked list (Node's `_idleNext`/`_idlePrev`). */
export interface ListNode {
  _idleNext: ListNode | null;
  _idlePrev: ListNode | null;
}

/** Make `node` an empty ring: the sentinel of a list, or a timeout not in one. */
export function initList(node: ListNode): void {
  node._idleNext = node;
  node._idlePrev = node;
}

export function isEmpty(list: ListNode): boolean {
  return list._idleNext === list;
}

/** The oldest item of `list`, or null. */
export function peek(list: ListNode): ListNode | null {
  return list._idleNext === list ? null : list._idleNext;
}

/** Unlink `item` from whatever list holds it; O(1), harmless if it is in none. */
export function remove(item: ListNode): void {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

/** Append `item` at the tail of `list`, first unlinking it from any list it is in. */
export function append(list: ListNode, item: ListNode): void {
  if (item._idleNext || item._idlePrev) remove(item);
  const tail = list._idlePrev!;
  item._idleNext = list;
  item._idlePrev = tail;
  tail._idleNext = item;
  list._idlePrev = item;
}

let nextListId = 1;

/** The sentinel of the ring of timeouts sharing one duration. */
export class TimersList implements ListNode {
  _idleNext: ListNode | null = null;
  _idlePrev: ListNode | null = null;
  /** Loop time (ms) at which the head of the list is due. */
  expiry: number;
  /** Tie-breaker between lists of equal expiry: lower was scheduled first. */
  id: number;
  readonly msecs: number;
  /** Index in the priority queue, kept by the queue. */
  priorityQueuePosition = -1;

  constructor(expiry: number, msecs: number) {
    initList(this);
    this.expiry = expiry;
    this.id = nextListId++;
    this.msecs = msecs;
  }

  /** The head fired or moved: reorder by its new expiry, after lists already due then. */
  setExpiry(expiry: number): void {
    this.expiry = expiry;
    this.id = nextListId++;
  }
}

export function compareLists(a: TimersList, b: TimersList): number {
  return a.expiry - b.expiry || a.id - b.id;
}

/**
 * A binary min-heap that tells each item its index, so an item can be removed
 * or re-sifted in O(log n) without a search.
 */
export class PriorityQueue<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly setPosition: (item: T, pos: number) => void,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  insert(item: T): void {
    this.heap.push(item);
    this.siftUp(this.heap.length - 1);
  }

  shift(): T | undefined {
    if (this.heap.length === 0) return undefined;
    return this.removeAt(0);
  }

  removeAt(pos: number): T {
    const heap = this.heap;
    const item = heap[pos]!;
    const last = heap.pop()!;
    this.setPosition(item, -1);
    if (pos < heap.length) {
      heap[pos] = last;
      this.setPosition(last, pos);
      // The moved item may belong above or below its new place.
      this.siftDown(pos);
      this.siftUp(pos);
    }
    return item;
  }

  /** Restore order after the item at `pos` became later (its key grew). */
  siftDown(pos: number): void {
    const heap = this.heap;
    const n = heap.length;
    if (pos >= n) return;
    const item = heap[pos]!;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      if (child + 1 < n && this.compare(heap[child + 1]!, heap[child]!) < 0) child++;
      const c = heap[child]!;
      if (this.compare(c, item) >= 0) break;
      heap[pos] = c;
      this.setPosition(c, pos);
      pos = child;
    }
    heap[pos] = item;
    this.setPosition(item, pos);
  }

  /** Restore order after the item at `pos` became earlier (or was just added). */
  siftUp(pos: number): void {
    const heap = this.heap;
    if (pos >= heap.length) return;
    const item = heap[pos]!;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const p = heap[parent]!;
      if (this.compare(item, p) >= 0) break;
      heap[pos] = p;
      this.setPosition(p, pos);
      pos = parent;
    }
    heap[pos] = item;
    this.setPosition(item, pos);
  }
}
