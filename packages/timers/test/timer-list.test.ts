import { describe, expect, it } from 'vitest';
import { PriorityQueue, TimersList, append, compareLists, initList, isEmpty, peek, remove, type ListNode } from '../src/timer-list.js';

class Item implements ListNode {
  _idleNext: ListNode | null = null;
  _idlePrev: ListNode | null = null;
  constructor(readonly n: number) {}
}

function toArray(list: ListNode): number[] {
  const out: number[] = [];
  for (let node = list._idleNext; node !== list && node !== null; node = node._idleNext) out.push((node as Item).n);
  return out;
}

describe('intrusive list', () => {
  it('appends in order, peeks the head and unlinks in O(1)', () => {
    const list = {} as ListNode;
    initList(list);
    expect(isEmpty(list)).toBe(true);
    expect(peek(list)).toBeNull();
    const items = [1, 2, 3, 4].map((n) => new Item(n));
    for (const item of items) append(list, item);
    expect(toArray(list)).toEqual([1, 2, 3, 4]);
    expect((peek(list) as Item).n).toBe(1);
    remove(items[1]!);
    expect(toArray(list)).toEqual([1, 3, 4]);
    expect(items[1]!._idleNext).toBeNull();
    // Removing twice, or something in no list, is harmless.
    remove(items[1]!);
    expect(toArray(list)).toEqual([1, 3, 4]);
    // Re-appending moves an item to the tail.
    append(list, items[0]!);
    expect(toArray(list)).toEqual([3, 4, 1]);
    for (const item of items) remove(item);
    expect(isEmpty(list)).toBe(true);
  });

  it('moves an item between lists', () => {
    const a = {} as ListNode;
    const b = {} as ListNode;
    initList(a);
    initList(b);
    const x = new Item(7);
    append(a, x);
    append(b, x);
    expect(isEmpty(a)).toBe(true);
    expect(toArray(b)).toEqual([7]);
  });
});

describe('PriorityQueue of TimersList', () => {
  const make = () =>
    new PriorityQueue<TimersList>(compareLists, (l, pos) => {
      l.priorityQueuePosition = pos;
    });

  it('orders by expiry, then by creation for equal expiries', () => {
    const q = make();
    const a = new TimersList(100, 100);
    const b = new TimersList(50, 50);
    const c = new TimersList(100, 90);
    const d = new TimersList(10, 10);
    for (const l of [a, b, c, d]) q.insert(l);
    const out: TimersList[] = [];
    let l: TimersList | undefined;
    while ((l = q.shift()) !== undefined) out.push(l);
    expect(out).toEqual([d, b, a, c]);
    expect(out.every((x) => x.priorityQueuePosition === -1)).toBe(true);
  });

  it('setExpiry puts a re-armed list after lists already due at that time', () => {
    const q = make();
    const a = new TimersList(10, 10);
    const b = new TimersList(20, 20);
    q.insert(a);
    q.insert(b);
    a.setExpiry(20);
    q.siftDown(a.priorityQueuePosition);
    expect(q.shift()).toBe(b);
    expect(q.shift()).toBe(a);
  });

  it('keeps positions right through random inserts, removals and re-keys', () => {
    const q = make();
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const live = new Set<TimersList>();
    for (let step = 0; step < 5000; step++) {
      const op = rand(4);
      if (op <= 1 || live.size === 0) {
        const l = new TimersList(rand(1000), 1);
        q.insert(l);
        live.add(l);
      } else if (op === 2) {
        const victim = [...live][rand(live.size)]!;
        expect(q.removeAt(victim.priorityQueuePosition)).toBe(victim);
        live.delete(victim);
      } else {
        const head = q.peek()!;
        head.setExpiry(head.expiry + rand(500));
        q.siftDown(head.priorityQueuePosition);
      }
      expect(q.size).toBe(live.size);
    }
    const expected = [...live].sort(compareLists);
    const drained: TimersList[] = [];
    let l: TimersList | undefined;
    while ((l = q.shift()) !== undefined) drained.push(l);
    expect(drained).toEqual(expected);
  });
});
