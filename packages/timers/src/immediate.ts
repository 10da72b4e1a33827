/**
 * setImmediate's queue, as Node runs it: a FIFO of Immediates drained by one
 * `Check` handle (after poll, every iteration). Immediates queued while the
 * queue runs wait for the next iteration: the queue is detached before it
 * runs, and what is left of it after an exception (the "outstanding" queue)
 * runs first next time.
 *
 * The check handle never keeps the loop alive. While ref'd immediates are
 * queued an `Idle` handle is started instead: an active idle handle is both
 * what keeps the loop alive and what tells poll not to block.
 */
import { Check, Idle, captureAsyncContext, drainTicks, runInAsyncContext, tracing, type AsyncContext, type Loop } from '@mini/loop';
import { ReflectApply } from '@mini/sys';
import { executionAsyncId } from 'node:async_hooks';
import { kAsyncId, kTriggerId, newAsyncId } from './timeout.js';

/** The arguments of a callback started without any (one array for all). */
const NO_ARGS: readonly unknown[] = [];

const kRefed = Symbol('refed');

export class Immediate {
  _idleNext: Immediate | null = null;
  _idlePrev: Immediate | null = null;
  _onImmediate: ((...args: unknown[]) => void) | null;
  _argv: unknown[] | undefined;
  _destroyed = false;
  /** null once the immediate ran or was cleared. */
  [kRefed]: boolean | null = false;
  [kAsyncId]: number;
  [kTriggerId]: number;
  /** Private, as the context below: util.inspect shows the fields Node's Immediate has. */
  readonly #queue: ImmediateQueue;
  /** Where it was created: its callback runs there. Private, so util.inspect shows what Node's shows. */
  readonly #context: AsyncContext;

  constructor(queue: ImmediateQueue, callback: (...args: unknown[]) => void, args: unknown[] | undefined) {
    this.#queue = queue;
    this._onImmediate = callback;
    this._argv = args;
    this[kAsyncId] = newAsyncId();
    this[kTriggerId] = executionAsyncId();
    this.#context = captureAsyncContext('Immediate');
    this.ref();
    queue.append(this);
  }

  /** The queue it belongs to (for the queue's own code). */
  static queueOf(immediate: Immediate): ImmediateQueue {
    return immediate.#queue;
  }

  /** The async context its callback runs in (for the queue that runs it). */
  static contextOf(immediate: Immediate): AsyncContext {
    return immediate.#context;
  }

  ref(): this {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      this.#queue.incRefCount();
    }
    return this;
  }

  unref(): this {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      this.#queue.decRefCount();
    }
    return this;
  }

  hasRef(): boolean {
    return !!this[kRefed];
  }

  [Symbol.dispose](): void {
    this.#queue.clearImmediate(this);
  }
}

/** A plain FIFO of immediates linked through `_idleNext`/`_idlePrev`. */
interface ImmediateList {
  head: Immediate | null;
  tail: Immediate | null;
}

/** One loop's immediates. */
export class ImmediateQueue {
  readonly loop: Loop;
  private readonly queue: ImmediateList = { head: null, tail: null };
  /** What an exception left unrun of the last detached queue. */
  private readonly outstanding: ImmediateList = { head: null, tail: null };
  /** Queued immediates, and how many of them are ref'd. */
  private count = 0;
  private refCount = 0;
  private check: Check | undefined;
  private readonly idle: Idle;

  constructor(loop: Loop) {
    this.loop = loop;
    this.idle = new Idle(loop);
    // It only keeps poll from blocking; each Immediate is recorded in a trace on its own.
    this.idle.traceLabel = null;
  }

  append(item: Immediate): void {
    this.count++;
    if (this.check === undefined) {
      this.check = new Check(this.loop);
      this.check.traceLabel = null;
      this.check.unref();
      this.check.start(this.processImmediate.bind(this));
    }
    const q = this.queue;
    item._idlePrev = q.tail;
    item._idleNext = null;
    if (q.tail === null) q.head = item;
    else q.tail._idleNext = item;
    q.tail = item;
  }

  incRefCount(): void {
    if (this.refCount++ === 0) this.idle.start(noop);
  }

  decRefCount(): void {
    if (--this.refCount === 0) this.idle.stop();
  }

  clearImmediate(item: unknown): void {
    if (!(item instanceof Immediate) || item._destroyed) return;
    const owner = Immediate.queueOf(item);
    owner.count--;
    item._destroyed = true;
    if (item[kRefed]) owner.decRefCount();
    item[kRefed] = null;
    item._onImmediate = null;
    // The next one to run after an exception must not be lost with it.
    if (owner.outstanding.head === item) owner.outstanding.head = item._idleNext;
    owner.unlink(item);
  }

  private unlink(item: Immediate): void {
    const q = this.queue;
    if (item._idleNext !== null) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev !== null) item._idlePrev._idleNext = item._idleNext;
    if (item === q.head) q.head = item._idleNext;
    if (item === q.tail) q.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }

  /**
   * The check handle's callback: the immediates queued before it started.
   * Their callbacks sit on this, as on node's processImmediate, with only
   * the loop's one frame below (bound, see append: a bound function is no
   * frame of its own, and the frame reads ImmediateQueue.processImmediate).
   */
  private processImmediate(): void {
    if (this.count === 0) return;
    try {
      const queue = this.outstanding.head !== null ? this.outstanding : this.queue;
      let immediate = queue.head;
      // Detach the queue first: immediates queued from here on run next iteration.
      if (queue !== this.outstanding) {
        queue.head = queue.tail = null;
      }
      let prev: Immediate | null = null;
      let ranAtLeastOne = false;
      while (immediate !== null) {
        if (ranAtLeastOne) drainTicks();
        else ranAtLeastOne = true;

        // Cleared while those ticks ran: its neighbours were relinked, so the
        // previous one (already run, still linked) knows who is next.
        if (immediate._destroyed) {
          immediate = prev !== null ? prev._idleNext : immediate._idleNext;
          this.outstanding.head = immediate;
          continue;
        }
        immediate._destroyed = true;
        this.count--;
        // Leave the idle handle alone until the whole run is over (the finally below).
        if (immediate[kRefed]) this.refCount--;
        immediate[kRefed] = null;
        prev = immediate;
        const callback = immediate._onImmediate!;
        const tr = tracing.tracer;
        if (tr !== null) tr.callbackBegin('Immediate', callback);
        try {
          const argv = immediate._argv;
          const context = Immediate.contextOf(immediate);
          // As a timeout's: processImmediate's frame, not a helper's, is the first below the callback.
          if (context === undefined) ReflectApply(callback, immediate, argv ?? NO_ARGS);
          else runInAsyncContext(context, callback, immediate, argv ?? NO_ARGS);
        } finally {
          if (tr !== null) tr.callbackEnd();
          immediate._onImmediate = null;
          immediate = immediate._idleNext;
          this.outstanding.head = immediate;
        }
      }
      this.outstanding.head = null;
    } finally {
      if (this.refCount === 0) this.idle.stop();
    }
  }

  /** For tests and diagnostics. */
  get pending(): number {
    return this.count;
  }

  /** Queued immediates that keep the loop alive (process.getActiveResourcesInfo()'s 'Immediate's). */
  get refedCount(): number {
    return this.refCount;
  }
}

function noop(): void {}
