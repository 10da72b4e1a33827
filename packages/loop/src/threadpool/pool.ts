/**
 * The thread pool: libuv's threadpool.c, with native threads.
 *
 *   queueWork ─> WorkPort.submit: one FFI call ─> libmini's queue ─> pool thread runs fn(args)
 *                                                                      │ appends to the port,
 *                                                                      │ writes its eventfd
 *   loop (maybe blocked in epoll_wait) <── eventfd readable ───────────┘
 *     WorkPort.onReadable: one FFI call drains every finished request
 *     (slot, result, errno) into a buffer; each request's `done` runs.
 *
 * The threads, the queue and the slow-I/O limit live in C (sys's
 * native/pool.c); this side keeps per loop a port, an eventfd in the loop's
 * epoll set, and the table of requests in flight by slot. A round trip
 * costs two FFI calls on the loop (submit, and a share of one drain) plus
 * the eventfd wakeup, as libuv's does; the threads start on first use and
 * cost a pthread_create each, not a V8 isolate.
 */
import {
  COMPLETION_SIZE,
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  EPOLLIN,
  UV_ENOMEM,
  WORK_KIND,
  errnoException,
  eventfd,
  lastError,
  setNonBlocking,
  unistd,
  workBackend,
} from '@mini/sys';
import type { PortHandle, WorkArg, WorkBackend } from '@mini/sys';
import { runInAsyncContext } from '../async-context.js';
import { Handle } from '../handle.js';
import { IoWatcher } from '../io.js';
import { setSendHeldWork, type Loop } from '../loop.js';
import { drainTicks } from '../ticks.js';
import { registerPoolTraceSource, tracing } from '../trace/tracer.js';
import { threadpoolSize } from './config.js';
import { WorkRequest, type WorkCallback, type WorkFunction, type WorkScheduler } from './work-request.js';

const NO_ARGS: readonly WorkArg[] = [];

/** Completions taken per drain; more wait for the next poll (the port rewakes itself). */
const DRAIN_MAX = 256;

const ONE = new Uint8Array(new BigUint64Array([1n]).buffer);

let backend: WorkBackend | undefined;

function pool(): WorkBackend {
  if (backend === undefined) {
    const b = workBackend();
    backend = b;
    b.configure(threadpoolSize());
    setSendHeldWork(() => b.flush());
    registerPoolTraceSource({
      start: () => b.tracePool(true),
      stop: () => b.tracePool(false),
      take: () =>
        b.takePoolTrace().map((r) => ({ tid: r.tid, name: fnLabels[r.fn] ?? `work ${r.fn}`, startNs: r.startNs, endNs: r.endNs })),
      queued: () => b.queued(),
    });
  }
  return backend;
}

/** A trace's name for each function the pool resolved, by index (the first label declared). */
const fnLabels: string[] = [];

function resolve(b: WorkBackend, fn: WorkFunction): number {
  if (fn.id < 0) {
    const id = b.fn(fn.name, fn.result);
    if (id < 0) throw new Error(`the thread pool cannot call '${fn.name}': no such function`);
    fn.id = id;
    fnLabels[id] ??= fn.label;
  }
  return fn.id;
}

/**
 * A loop's side of the pool: its port, its wakeup and its requests in
 * flight. Active but unref'd, as libuv's wq_async: the requests keep the
 * loop alive, never the port itself.
 */
class WorkPort extends Handle implements WorkScheduler {
  private readonly backend: WorkBackend;
  readonly handle: PortHandle;
  private readonly fd: number;
  private readonly watcher: IoWatcher;
  private readonly slots: (WorkRequest | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private inFlight = 0;
  private readonly out = new Uint8Array(new ArrayBuffer(DRAIN_MAX * COMPLETION_SIZE));
  private readonly words = new Int32Array(this.out.buffer);
  /** Completions taken from the port whose callbacks did not run yet (a callback threw). */
  private backlog: number[] = [];

  constructor(loop: Loop, b: WorkBackend) {
    super(loop);
    this.backend = b;
    const fd = eventfd.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) throw errnoException(lastError(), 'eventfd');
    this.fd = fd;
    const port = b.open(fd);
    if (port === null) {
      unistd.close(fd);
      throw errnoException(UV_ENOMEM, 'uv_queue_work');
    }
    this.handle = port;
    // Each completion is recorded in a trace by its own name (onReadable).
    // Bound, not wrapped: a completion's callback sits on onReadable and the loop's frame.
    this.watcher = new IoWatcher(loop, fd, this.onReadable.bind(this), null);
    this.watcher.start(EPOLLIN);
    this.activate();
    this.unref();
  }

  submit(fn: WorkFunction, args: readonly WorkArg[], done: WorkCallback): WorkRequest {
    const id = resolve(this.backend, fn);
    const req = new WorkRequest(this.loop, fn, args, done, this);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const rc = this.backend.submit(this.handle, slot, id, WORK_KIND[fn.kind], args);
    if (rc < 0) {
      if (slot < this.slots.length) this.freeSlots.push(slot);
      throw errnoException(rc, 'uv_queue_work');
    }
    this.slots[slot] = req;
    req.slot = slot;
    this.inFlight++;
    req.start();
    return req;
  }

  cancel(req: WorkRequest): boolean {
    if (req.slot < 0 || this.slots[req.slot] !== req) return false;
    return this.backend.cancel(this.handle, req.slot) === 0;
  }

  /**
   * Wait, running no callback, until every request in flight has come
   * back: for a thread that ends without its loop (a terminated worker),
   * so that no pool thread is left writing into this thread's buffers or
   * to its wakeup fd once both are gone. An fd an open made is closed, as
   * nobody will see it.
   */
  settle(): void {
    this.backlog = [];
    if (this.inFlight === 0) return;
    // The port is not polled again: its wakeup can block until the next completion.
    setNonBlocking(this.fd, false);
    const drainBuf = new Uint8Array(8);
    while (this.inFlight > 0) {
      const n = this.backend.drain(this.handle, this.out, DRAIN_MAX);
      for (let i = 0; i < n; i++) {
        const o = i * (COMPLETION_SIZE / 4);
        const req = this.slots[this.words[o]!];
        if (req === undefined) continue;
        this.slots[this.words[o]!] = undefined;
        this.inFlight--;
        if (req.fn.yieldsFd && this.words[o + 2]! >= 0) unistd.close(this.words[o + 2]!);
      }
      // A completion not yet drained has written the wakeup, or will.
      if (n === 0 && this.inFlight > 0) unistd.read(this.fd, drainBuf, 8);
    }
  }

  /** Free the port; refused while requests are in flight. */
  release(): void {
    if (this.inFlight > 0) throw Object.assign(new Error('loop has work in the thread pool'), { code: 'EBUSY' });
    this.close();
  }

  protected onClose(): void {
    this.watcher.close();
    this.backend.close(this.handle);
    unistd.close(this.fd);
    this.deactivate();
  }

  private onReadable(): void {
    let pending = this.backlog;
    if (pending.length === 0) {
      const n = this.backend.drain(this.handle, this.out, DRAIN_MAX);
      if (n === 0) return;
      pending = new Array<number>(n * 3);
      const w = this.words;
      for (let i = 0; i < n; i++) {
        const o = i * (COMPLETION_SIZE / 4);
        pending[i * 3] = w[o]!;
        // The result is an int64: high word signed, low word unsigned.
        pending[i * 3 + 1] = w[o + 3]! * 4294967296 + (w[o + 2]! >>> 0);
        pending[i * 3 + 2] = 0 - w[o + 1]!;
      }
    }
    this.backlog = [];
    let i = 0;
    // Requests the callbacks start go to the threads as one batch, when the last has run.
    this.backend.hold();
    try {
      const tr = tracing.tracer;
      for (; i < pending.length; i += 3) {
        const req = this.take(pending[i]!);
        // loop.invoke without a closure per completion, and no frame between the loop's and the callback's.
        if (tr !== null) tr.callbackBegin(req.label);
        if (req.context === undefined) req.done(pending[i + 1]!, pending[i + 2]!);
        else runInAsyncContext(req.context, req.done, undefined, [pending[i + 1]!, pending[i + 2]!]);
        if (tr !== null) tr.callbackEnd();
        drainTicks();
        // Each completion is a callback of its own (Node's request goes once its callback returns).
        this.loop.releaseFinishedRequests();
      }
    } finally {
      // A callback threw: the callbacks not yet run must not be lost; they run on the next wakeup.
      if (i + 3 < pending.length) this.defer(pending.slice(i + 3));
      for (const r of this.backend.release()) ports.byHandle.get(r.port)?.defer([r.slot, r.errno, r.errno]);
    }
  }

  /** Completions to run on the next wakeup (the port wakes itself). */
  private defer(completions: number[]): void {
    if (this.backlog.length === 0) unistd.write(this.fd, ONE, 8);
    this.backlog = this.backlog.concat(completions);
  }

  /** The request of a completed slot, out of the table and finished, its callback still to run. */
  private take(slot: number): WorkRequest {
    const req = this.slots[slot]!;
    this.slots[slot] = undefined;
    this.freeSlots.push(slot);
    this.inFlight--;
    req.slot = -1;
    req.args = NO_ARGS;
    req.finish();
    return req;
  }
}

/** Each loop's port, and the same ports by native handle (for refused batch entries). */
const ports = { byLoop: new Map<Loop, WorkPort>(), byHandle: new Map<PortHandle, WorkPort>() };

function portOf(loop: Loop): WorkPort {
  let p = ports.byLoop.get(loop);
  if (p === undefined) {
    p = new WorkPort(loop, pool());
    ports.byLoop.set(loop, p);
    ports.byHandle.set(p.handle, p);
  }
  return p;
}

/**
 * libuv's uv_queue_work for native work: call `fn(...args)` on a pool
 * thread; `done(result, errno)` runs on `loop` in its poll phase. Buffers
 * in `args` are passed by address and must not be resized or reused until
 * `done` runs (the request holds them alive).
 */
export function queueWork(loop: Loop, fn: WorkFunction, args: readonly WorkArg[], done: WorkCallback): WorkRequest {
  return portOf(loop).submit(fn, args, done);
}

/**
 * `view` as a pool argument, its address worked out once: for memory that
 * its owner keeps alive, and in place, for as long as it passes the result
 * to requests (dns.lookup's reused slots), so that no request pays to find
 * the address again.
 */
export function pinnedWorkArg(view: ArrayBufferView): WorkArg {
  return pool().pin(view);
}

/** Threads running now (none before the first request). */
export function threadsStarted(): number {
  return backend?.threads() ?? 0;
}

/** Which path runs pool requests: libmini's threads, or inline (with the reason). */
export function threadpoolBackend(): WorkBackend['kind'] {
  return pool().kind;
}

/** Wait for `loop`'s requests in flight without running their callbacks (WorkPort.settle). */
export function settleThreadpool(loop: Loop): void {
  ports.byLoop.get(loop)?.settle();
}

/**
 * Close `loop`'s port and wakeup (an eventfd) before the loop itself is
 * closed; the close completes in the loop's next closing phase.
 */
export function releaseThreadpool(loop: Loop): void {
  const p = ports.byLoop.get(loop);
  if (p === undefined) return;
  p.release();
  ports.byLoop.delete(loop);
  ports.byHandle.delete(p.handle);
}
