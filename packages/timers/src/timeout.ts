/**
 * Timeouts and the per-loop machinery that fires them, as Node's
 * `internal/timers`: all of a loop's timeouts share ONE libuv `Timer` handle,
 * armed for the earliest list in the heap (see timer-list.ts). When it fires,
 * `processTimers` runs every list that is due, each timeout in start order,
 * draining nextTicks and microtasks between callbacks as Node does.
 *
 * Liveness: the handle is ref'd exactly while at least one ref'd timeout is
 * scheduled (`refCount`), so unref'd timeouts never keep the loop alive but
 * still fire while something else does.
 */
import { Timer, captureAsyncContext, drainTicks, runInAsyncContext, tracing, type AsyncContext, type Loop } from '@mini/loop';
import { TimersList, PriorityQueue, append, compareLists, isEmpty, peek, remove, type ListNode } from './timer-list.js';
import { ReflectApply } from '@mini/sys';
import { executionAsyncId } from 'node:async_hooks';

/** The arguments of a callback started without any (one array for all). */
const NO_ARGS: readonly unknown[] = [];

/** The largest delay libuv and Node accept: a 32-bit signed int. */
export const TIMEOUT_MAX = 2 ** 31 - 1;

let nextAsyncId = 1;

const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');

/** Ids as Node numbers its timers and immediates: one sequence, and where each was made. */
export function newAsyncId(): number {
  return nextAsyncId++;
}
export { kAsyncId, kTriggerId };

export class Timeout implements ListNode {
  _idleTimeout: number;
  _idlePrev: ListNode | null;
  _idleNext: ListNode | null;
  /** Loop time at which the current run of this timeout started. */
  _idleStart: number | null = null;
  _onTimeout: ((...args: unknown[]) => void) | null;
  _timerArgs: unknown[] | undefined;
  /** The interval for setInterval, null for a one-shot timeout. */
  _repeat: number | null;
  _destroyed = false;
  [kRefed]: boolean;
  [kHasPrimitive] = false;
  [kAsyncId]: number;
  [kTriggerId]: number;
  /** Private, as the context below: util.inspect shows the fields Node's Timeout has. */
  readonly #queue: TimerQueue;
  /** Where it was created: every run of its callback happens there. Private, so util.inspect shows what Node's shows. */
  #context: AsyncContext;

  constructor(
    queue: TimerQueue,
    callback: ((...args: unknown[]) => void) | null,
    after: unknown,
    args: unknown[] | undefined,
    isRepeat: boolean,
    isRefed: boolean,
  ) {
    const ms = delayOf(after);
    this.#queue = queue;
    this._idleTimeout = ms;
    this._idlePrev = this;
    this._idleNext = this;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? ms : null;
    this[kAsyncId] = newAsyncId();
    this[kTriggerId] = executionAsyncId();
    this.#context = captureAsyncContext('Timeout');
    this[kRefed] = isRefed;
    if (isRefed) queue.incRefCount();
  }

  /** The queue it belongs to (for the queue's own code). */
  static queueOf(timer: Timeout): TimerQueue {
    return timer.#queue;
  }

  /** The async context its callback runs in (for the queue that runs it). */
  static contextOf(timer: Timeout): AsyncContext {
    return timer.#context;
  }

  /**
   * Make `timer` the timeout a new setTimeout(callback, after) would be: a
   * new id, the current async context, due `after` ms from now, with its
   * ref state kept. Whatever it was doing is cleared first. A socket starts
   * its idle timeout again for each request this way rather than making
   * a Timeout each time.
   */
  static restart(timer: Timeout, after: number, callback: (...args: unknown[]) => void): void {
    const queue = timer.#queue;
    queue.unenroll(timer);
    timer[kHasPrimitive] = false;
    timer._idleTimeout = delayOf(after);
    timer._onTimeout = callback;
    timer._timerArgs = undefined;
    timer._repeat = null;
    timer[kTriggerId] = executionAsyncId();
    timer.#context = captureAsyncContext('Timeout');
    queue.insertGuarded(timer, timer[kRefed]);
  }

  /** Restart the countdown from now, keeping the same callback and delay. */
  refresh(): this {
    this.#queue.insertGuarded(this, this[kRefed]);
    return this;
  }

  unref(): this {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) this.#queue.decRefCount();
    }
    return this;
  }

  ref(): this {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) this.#queue.incRefCount();
    }
    return this;
  }

  hasRef(): boolean {
    return this[kRefed];
  }

  close(): this {
    this.#queue.clearTimeout(this);
    return this;
  }

  /** A numeric id that clearTimeout accepts in place of the object (as a number or string). */
  [Symbol.toPrimitive](): number {
    const id = this[kAsyncId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      this.#queue.knownTimersById.set(String(id), this);
    }
    return id;
  }

  [Symbol.dispose](): void {
    this.#queue.clearTimeout(this);
  }
}

/** A timeout's delay in ms as Node takes it: 1 for what is not in [1, TIMEOUT_MAX], with a warning when it is too large. */
function delayOf(after: unknown): number {
  // `* 1` rather than Number(): Node's coercion, so a Symbol throws as there.
  const ms = (after as number) * 1;
  if (ms >= 1 && ms <= TIMEOUT_MAX) return ms;
  if (ms > TIMEOUT_MAX) {
    process.emitWarning(`${ms} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
  }
  return 1;
}

/** One loop's timeouts: Node's timerListMap + timerListQueue + the uv timer. */
export class TimerQueue {
  readonly loop: Loop;
  private readonly lists = new Map<number, TimersList>();
  private readonly queue = new PriorityQueue<TimersList>(compareLists, (list, pos) => {
    list.priorityQueuePosition = pos;
  });
  /** The one loop timer, armed for the earliest list. */
  private readonly handle: Timer;
  /** Expiry the handle is armed for; Infinity when it need not fire. */
  private nextExpiry = Infinity;
  /** Scheduled timeouts that keep the loop alive. */
  private refCount = 0;
  /** Timeouts whose numeric id has been taken, so clearTimeout(id) finds them. */
  readonly knownTimersById = new Map<string, Timeout>();
  /** The `now` of a pass a callback threw out of, for the pass that goes on with it. */
  private retryNow: number | undefined;

  constructor(loop: Loop) {
    this.loop = loop;
    this.handle = new Timer(loop);
    // Each Timeout is recorded in a trace on its own (listOnTimeout), not the one handle behind them.
    this.handle.traceLabel = null;
    // Until a ref'd timeout exists the handle must not hold the loop.
    this.handle.unref();
  }

  /** Node's getLibuvNow: the loop's time, brought up to date first. */
  now(): number {
    this.loop.updateTime();
    return this.loop.now();
  }

  incRefCount(): void {
    if (this.refCount++ === 0) this.handle.ref();
  }

  decRefCount(): void {
    if (--this.refCount === 0) this.handle.unref();
  }

  /** Schedule `item` to fire `msecs` after `start`. */
  insert(item: Timeout, msecs: number, start: number = this.now()): void {
    item._idleStart = start;
    let list = this.lists.get(msecs);
    if (list === undefined) {
      const expiry = start + msecs;
      list = new TimersList(expiry, msecs);
      this.lists.set(msecs, list);
      this.queue.insert(list);
      if (this.nextExpiry > expiry) this.schedule(expiry);
    }
    append(list, item);
  }

  /** (Re)start `item` with the given ref state: refresh() and the promise APIs. */
  insertGuarded(item: Timeout, refed: boolean, start?: number): void {
    const msecs = item._idleTimeout;
    if (msecs < 0) return;
    this.insert(item, msecs, start);
    const wasDestroyed = item._destroyed;
    if (wasDestroyed) {
      // A timeout that already fired or was cleared comes back to life with a new id.
      item._destroyed = false;
      item[kAsyncId] = newAsyncId();
      if (refed) this.incRefCount();
    } else if (refed !== item[kRefed]) {
      if (refed) this.incRefCount();
      else this.decRefCount();
    }
    item[kRefed] = refed;
  }

  /** Take `item` out of its list for good. */
  unenroll(item: Timeout): void {
    if (item._destroyed) return;
    item._destroyed = true;
    if (item[kHasPrimitive]) this.knownTimersById.delete(String(item[kAsyncId]));
    if (item[kRefed]) this.decRefCount();
    remove(item);
    const list = this.lists.get(item._idleTimeout);
    if (list !== undefined && isEmpty(list)) {
      this.queue.removeAt(list.priorityQueuePosition);
      this.lists.delete(list.msecs);
    }
    // The handle stays armed: firing with nothing due is cheap, and it is
    // unref'd once no ref'd timeout remains, so it holds nothing alive.
    item._idleTimeout = -1;
  }

  clearTimeout(timer: unknown): void {
    if (timer instanceof Timeout) {
      if (timer._onTimeout) {
        timer._onTimeout = null;
        Timeout.queueOf(timer).unenroll(timer);
      }
      return;
    }
    if (typeof timer === 'number' || typeof timer === 'string') {
      const found = this.knownTimersById.get(String(timer));
      if (found !== undefined) {
        found._idleTimeout = -1;
        this.unenroll(found);
      }
    }
  }

  /** Arm the loop timer for `expiry` (loop ms); libuv timers take whole ms. */
  private schedule(expiry: number): void {
    this.nextExpiry = expiry;
    const delay = Math.trunc(expiry) - this.loop.now();
    this.handle.start(this.onTimer, delay > 1 ? delay : 1, 0);
  }

  /**
   * The loop timer's callback: every list that is due, in expiry order. The
   * callbacks sit on this and listOnTimeout, as on node (its processTimers
   * and listOnTimeout), and the loop's one frame below. The handle calls it
   * bound (onTimer): a bound function is no frame of its own.
   */
  private processTimers(): void {
    let finished = false;
    // After a callback threw, Node calls processTimers again with the same
    // `now`: a timeout the uncaught-exception handler starts is not due in
    // that pass, however long the handler took.
    const now = this.retryNow ?? this.now();
    this.retryNow = undefined;
    try {
      this.nextExpiry = Infinity;
      let ranAtLeastOneList = false;
      let list: TimersList | undefined;
      while ((list = this.queue.peek()) !== undefined) {
        if (list.expiry > now) break;
        if (ranAtLeastOneList) drainTicks();
        else ranAtLeastOneList = true;
        this.listOnTimeout(list, now);
      }
      finished = true;
    } finally {
      if (!finished) this.retryNow = now;
      // Whether the lists ran dry or a callback threw, re-arm for what is
      // left so nothing is lost: due timeouts run on the next iteration.
      const head = this.queue.peek();
      if (head === undefined) {
        this.nextExpiry = Infinity;
      } else if (finished) {
        this.schedule(head.expiry);
      } else {
        this.nextExpiry = head.expiry;
        this.handle.start(this.onTimer, Math.max(0, Math.trunc(head.expiry) - this.loop.now()), 0);
      }
      if (this.refCount > 0) this.handle.ref();
      else this.handle.unref();
    }
  }

  private readonly onTimer = this.processTimers.bind(this);

  private listOnTimeout(list: TimersList, now: number): void {
    const msecs = list.msecs;
    let ranAtLeastOneTimer = false;
    let node: ListNode | null;
    while ((node = peek(list)) !== null) {
      const timer = node as Timeout;
      const start = timer._idleStart!;
      if (now - start < msecs) {
        // The rest of this list started later: it is due at its new head's
        // time, ordered after lists already due then. `now + 1` guarantees
        // progress for fractional durations.
        list.setExpiry(Math.max(start + msecs, now + 1));
        this.queue.siftDown(list.priorityQueuePosition);
        return;
      }
      if (ranAtLeastOneTimer) drainTicks();
      else ranAtLeastOneTimer = true;

      remove(timer);
      const callback = timer._onTimeout;
      if (!callback) {
        // Cleared while the ticks above ran.
        this.destroyFired(timer);
        continue;
      }
      // An interval counts its next run from when this one began, as Node does.
      const restart = timer._repeat ? this.now() : 0;
      const tr = tracing.tracer;
      if (tr !== null) tr.callbackBegin(timer._repeat ? 'Interval' : 'Timeout', callback);
      try {
        const args = timer._timerArgs;
        const context = Timeout.contextOf(timer);
        // Called from here when no context is tracked: the callback's first frame below is then
        // listOnTimeout's, as on node, so a stack cut by Error.stackTraceLimit still shows it.
        if (context === undefined) ReflectApply(callback, timer, args ?? NO_ARGS);
        else runInAsyncContext(context, callback, timer, args ?? NO_ARGS);
      } finally {
        if (tr !== null) tr.callbackEnd();
        if (timer._repeat && timer._idleTimeout !== -1) {
          timer._idleTimeout = timer._repeat;
          this.insert(timer, timer._idleTimeout, restart);
        } else if (!timer._idleNext && !timer._idlePrev) {
          // Not refreshed by its own callback: it is done.
          this.destroyFired(timer);
        }
      }
    }
    // The list ran dry. A callback may have emptied it and a later one made
    // a new list of the same duration: only remove the one we ran.
    if (this.lists.get(msecs) === list) {
      this.lists.delete(msecs);
      this.queue.removeAt(list.priorityQueuePosition);
    }
  }

  /**
   * A fired or cleared timeout leaves the ref count. Unlike decRefCount this
   * does not touch the handle: processTimers settles its ref state once at the end.
   */
  private destroyFired(timer: Timeout): void {
    if (timer._destroyed) return;
    timer._destroyed = true;
    if (timer[kRefed]) this.refCount--;
    if (timer[kHasPrimitive]) this.knownTimersById.delete(String(timer[kAsyncId]));
  }

  /** For tests and diagnostics: lists currently scheduled. */
  get listCount(): number {
    return this.queue.size;
  }

  get refedCount(): number {
    return this.refCount;
  }
}
