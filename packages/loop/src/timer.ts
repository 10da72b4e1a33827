/**
 * libuv's timer handle. Active timers sit in the loop's binary min-heap keyed
 * by (due time, start order), so timers with equal deadlines fire in the
 * order they were started.
 */
import { Handle } from './handle.js';
import type { Loop } from './loop.js';

export class Timer extends Handle {
  callback: (() => void) | undefined;
  /** Absolute due time in loop ms. */
  due = 0;
  repeat = 0;
  /** Start order, the heap's tie-breaker. */
  startId = 0;
  /** Position in the heap, -1 when not in it. */
  heapIndex = -1;
  /** True while queued to fire in the current timers phase. */
  ready = false;
  /** Names its callback in a trace; null when the callback records what it runs (node:timers). */
  traceLabel: string | null = 'Timer';

  constructor(loop: Loop) {
    super(loop);
  }

  start(cb: () => void, timeout: number, repeat = 0): void {
    if (this.isClosing()) throw new Error('timer is closing');
    this.stop();
    this.callback = cb;
    this.repeat = repeat;
    let due = this.loop.now() + Math.max(0, timeout);
    if (!Number.isFinite(due)) due = Number.MAX_SAFE_INTEGER;
    this.due = due;
    this.startId = this.loop.nextTimerId++;
    this.loop.timerHeap.push(this);
    this.activate();
  }

  stop(): void {
    this.ready = false;
    if (!this.isActive()) return;
    this.loop.timerHeap.remove(this);
    this.deactivate();
  }

  /** Restart a repeating timer from now; libuv's uv_timer_again. */
  again(): void {
    if (this.callback === undefined) throw new Error('timer was never started');
    if (this.repeat) this.start(this.callback, this.repeat, this.repeat);
  }

  setRepeat(ms: number): void {
    this.repeat = ms;
  }

  getRepeat(): number {
    return this.repeat;
  }

  getDueIn(): number {
    return this.isActive() ? Math.max(0, this.due - this.loop.now()) : 0;
  }

  protected onClose(): void {
    this.stop();
  }
}

export class TimerHeap {
  private items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  min(): Timer | undefined {
    return this.items[0];
  }

  push(t: Timer): void {
    t.heapIndex = this.items.length;
    this.items.push(t);
    this.up(t.heapIndex);
  }

  remove(t: Timer): void {
    const i = t.heapIndex;
    if (i < 0) return;
    const last = this.items.pop()!;
    t.heapIndex = -1;
    if (i === this.items.length) return;
    this.items[i] = last;
    last.heapIndex = i;
    this.down(i);
    this.up(last.heapIndex);
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.startId < b.startId);
  }

  private up(i: number): void {
    const items = this.items;
    const t = items[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = items[p]!;
      if (!this.less(t, parent)) break;
      items[i] = parent;
      parent.heapIndex = i;
      i = p;
    }
    items[i] = t;
    t.heapIndex = i;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const t = items[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(items[c + 1]!, items[c]!)) c++;
      const child = items[c]!;
      if (!this.less(child, t)) break;
      items[i] = child;
      child.heapIndex = i;
      i = c;
    }
    items[i] = t;
    t.heapIndex = i;
  }
}
