/**
 * Handles and requests: the two things that keep a loop alive.
 *
 * A *handle* is long-lived (a timer, a socket, a watcher). While it is active
 * and ref'd it counts in `loop.activeHandles`; `unref()` lets the loop exit
 * even while it is active. `close()` stops it and parks it on the loop's
 * closing queue; its close callback runs in the closing phase of the next
 * iteration, and the loop stays alive until then, ref'd or not.
 *
 * A *request* is one operation in flight (a write, a lookup, a work item);
 * it keeps the loop alive only until it completes.
 */
import { bindAsyncContext } from './async-context.js';
import type { Loop } from './loop.js';

export abstract class Handle {
  readonly loop: Loop;
  /** Set by a subclass's start, cleared by its stop. */
  private active = false;
  private refed = true;
  private closing = false;
  private closed = false;
  private closeCb: (() => void) | undefined;
  /** Next handle on the loop's closing queue. */
  nextClosing: Handle | null = null;

  constructor(loop: Loop) {
    this.loop = loop;
    if (this.resourceName() !== undefined) loop.handleQueue.add(this);
  }

  /**
   * Node's name for the handle in process.getActiveResourcesInfo()
   * ('TCPServerWrap', 'TTYWrap'); undefined for the loop's internal handles,
   * which Node does not list. Asked at construction (before a subclass's
   * fields are set) whether to list the handle at all, then at each listing.
   */
  resourceName(): string | undefined {
    return undefined;
  }

  /**
   * The handle's type as Node names it, for a trace ('TCP read', 'Timer
   * close'). Subclasses whose class name a bundler may change say it.
   */
  get typeName(): string {
    return this.constructor.name;
  }

  isActive(): boolean {
    return this.active;
  }

  isClosing(): boolean {
    return this.closing || this.closed;
  }

  hasRef(): boolean {
    return this.refed;
  }

  ref(): void {
    if (this.refed) return;
    this.refed = true;
    if (this.active) this.loop.activeHandles++;
  }

  unref(): void {
    if (!this.refed) return;
    this.refed = false;
    if (this.active) this.loop.activeHandles--;
  }

  /** Stop the handle and call `cb` in the closing phase. Closing twice is an error, as in libuv. */
  close(cb?: () => void): void {
    if (this.closing || this.closed) throw new Error('handle is already closing');
    this.closing = true;
    // The close callback runs in the context close() was called in, as its 'close' event does on Node.
    this.closeCb = cb && bindAsyncContext(cb, 'CLOSE');
    this.onClose();
    this.loop.queueClosing(this);
  }

  /** Called by the loop's closing phase. */
  finishClose(): void {
    this.closing = false;
    this.closed = true;
    this.loop.handleQueue.delete(this);
    const cb = this.closeCb;
    this.closeCb = undefined;
    if (cb) this.loop.invoke(cb, `${this.typeName} close`);
  }

  /** Subclasses stop whatever they watch here. */
  protected abstract onClose(): void;

  protected activate(): void {
    if (this.active) return;
    this.active = true;
    if (this.refed) this.loop.activeHandles++;
    this.loop.onStateChange();
  }

  protected deactivate(): void {
    if (!this.active) return;
    this.active = false;
    if (this.refed) this.loop.activeHandles--;
  }
}

/** One operation in flight. `start()` when submitted, `finish()` before its callback runs. */
export class Request {
  readonly loop: Loop;
  private inFlight = false;
  /** Neighbours in the loop's RequestQueue, while listed. */
  queuePrev: Request | null = null;
  queueNext: Request | null = null;

  constructor(loop: Loop) {
    this.loop = loop;
  }

  isActive(): boolean {
    return this.inFlight;
  }

  /** Node's name for the request in process.getActiveResourcesInfo() ('FSReqCallback'); undefined: not listed. */
  resourceName(): string | undefined {
    return undefined;
  }

  start(): void {
    if (this.inFlight) return;
    this.inFlight = true;
    this.loop.activeRequests++;
    if (this.resourceName() !== undefined) this.loop.requestQueue.add(this);
    this.loop.onStateChange();
  }

  finish(): void {
    if (!this.inFlight) return;
    this.inFlight = false;
    this.loop.activeRequests--;
    // Still listed while its callback runs, as Node's request is until the callback returns.
    if (this.resourceName() !== undefined) this.loop.requestFinished(this);
  }
}

/**
 * The loop's requests in flight that Node lists, oldest first: a doubly
 * linked list through the requests (libuv's and Node's queues are
 * intrusive too). A request is in it at most once.
 */
export class RequestQueue {
  head: Request | null = null;
  tail: Request | null = null;
  private listed = 0;

  get size(): number {
    return this.listed;
  }

  add(req: Request): void {
    if (req.queuePrev !== null || this.head === req) return;
    req.queueNext = null;
    req.queuePrev = this.tail;
    if (this.tail === null) this.head = req;
    else this.tail.queueNext = req;
    this.tail = req;
    this.listed++;
  }

  remove(req: Request): void {
    if (req.queuePrev === null && this.head !== req) return;
    if (req.queuePrev === null) this.head = req.queueNext;
    else req.queuePrev.queueNext = req.queueNext;
    if (req.queueNext === null) this.tail = req.queuePrev;
    else req.queueNext.queuePrev = req.queuePrev;
    req.queuePrev = req.queueNext = null;
    this.listed--;
  }
}
