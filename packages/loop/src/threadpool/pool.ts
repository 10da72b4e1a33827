/**
 * The thread pool: libuv's threadpool.c on host worker threads.
 *
 *   queueWork ─> WorkQueue ─> idle thread ── port ──> worker.ts runs fn(...args)
 *                                                        │ posts DoneMessage on its port,
 *                                                        │ then writes the loop's eventfd
 *   loop (maybe blocked in epoll_wait) <── Async wakes ──┘
 *     drain: receiveMessageOnPort on each busy thread's port, hand the
 *     freed threads the next items, then call each `done` (loop.invoke).
 *
 * One pool per process, shared by every loop on this thread: each loop gets
 * its own unref'd Async (eventfd), and a thread wakes the loop that
 * submitted the item. Completions are routed by the loop that drains them,
 * so a loop may find another loop's answers; it queues them there and wakes
 * that loop.
 *
 * Threads start lazily, one each time work finds no idle thread, up to
 * UV_THREADPOOL_SIZE; an idle process starts none. They are unref'd and
 * never keep the process alive; in-flight work keeps its loop alive as a
 * Request. Each thread holds at most one item, so cancel is decided here:
 * an item still in the queue has not been seen by any thread.
 */
import type { MessagePort, Worker } from 'node:worker_threads';

// Loaded with the first thread: an idle process pays nothing for it
// (node:worker_threads costs ~3.5 ms of startup).
let workerThreads: typeof import('node:worker_threads') | undefined;
function threads(): typeof import('node:worker_threads') {
  return (workerThreads ??= require('node:worker_threads') as typeof import('node:worker_threads'));
}
import { Async } from '../async.js';
import type { Loop } from '../loop.js';
import { builtModule } from './built-path.js';
import { slowIoThreshold, threadpoolSize } from './config.js';
import { packError, type DoneMessage, type WorkMessage } from './protocol.js';
import { WorkQueue } from './work-queue.js';
import { CANCELLED, WorkRequest, type Work, type WorkCallback, type WorkScheduler } from './work-request.js';

class PoolThread {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** [0] = 1 while an answer of the thread is not yet taken; shared with the thread. */
  readonly answered: Int32Array;
  /** The item it runs, null when idle. */
  current: WorkRequest | null = null;
  /** Its script loaded; a thread that dies before that will not do better when restarted. */
  online = false;

  constructor(worker: Worker, port: MessagePort, answered: SharedArrayBuffer) {
    this.worker = worker;
    this.port = port;
    this.answered = new Int32Array(answered);
  }

  /** Take the thread's answer, if it posted one. */
  receive(): DoneMessage | undefined {
    const got = threads().receiveMessageOnPort(this.port);
    if (got === undefined) return undefined;
    Atomics.store(this.answered, 0, 0);
    return got.message as DoneMessage;
  }
}

/** A loop's side of the pool: its wakeup and the answers waiting for its poll phase. */
class LoopSide {
  readonly async: Async;
  ready: WorkRequest[] = [];
  /** Items of this loop submitted and not yet delivered. */
  inFlight = 0;

  constructor(loop: Loop, onWake: (side: LoopSide) => void) {
    this.async = new Async(loop, () => onWake(this));
    // The wakeup itself must not keep the loop alive; the requests do.
    this.async.unref();
  }
}

class Threadpool implements WorkScheduler {
  private readonly queue = new WorkQueue<WorkRequest>();
  private readonly threads = new Set<PoolThread>();
  private idle: PoolThread[] = [];
  private readonly busy = new Set<PoolThread>();
  private readonly sides = new Map<Loop, LoopSide>();
  private readonly size = threadpoolSize();
  private readonly slowLimit = slowIoThreshold();
  private slowRunning = 0;
  private nextId = 1;

  get threadCount(): number {
    return this.threads.size;
  }

  submit(loop: Loop, work: Work, done: WorkCallback): WorkRequest {
    const side = this.sideOf(loop);
    const req = new WorkRequest(loop, this.nextId++, work, done, this);
    side.inFlight++;
    req.start();
    this.queue.push(req);
    this.pump();
    return req;
  }

  cancel(req: WorkRequest): boolean {
    if (!this.queue.remove(req)) return false;
    // libuv delivers a cancelled item's callback from the loop's poll phase too.
    req.outcome = CANCELLED;
    this.settle(req, null);
    return true;
  }

  /** Close a loop's wakeup; nothing of it may be in flight. */
  release(loop: Loop): void {
    const side = this.sides.get(loop);
    if (side === undefined) return;
    if (side.inFlight > 0) throw Object.assign(new Error('loop has work in the thread pool'), { code: 'EBUSY' });
    this.sides.delete(loop);
    side.async.close();
  }

  /** Stop every thread; the next submission starts them again. */
  async shutdown(): Promise<void> {
    if (this.queue.size > 0 || this.busy.size > 0) {
      throw Object.assign(new Error('thread pool has work in flight'), { code: 'EBUSY' });
    }
    const threads = [...this.threads];
    this.threads.clear();
    this.idle = [];
    for (const t of threads) t.port.close();
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private sideOf(loop: Loop): LoopSide {
    let side = this.sides.get(loop);
    if (side === undefined) {
      side = new LoopSide(loop, (s) => this.onWake(s));
      this.sides.set(loop, side);
    }
    return side;
  }

  /** Hand queued items to idle threads, starting threads while under the limit. */
  private pump(): void {
    while (this.idle.length > 0 || this.threads.size < this.size) {
      const req = this.queue.take(this.slowRunning < this.slowLimit);
      if (req === undefined) return;
      this.assign(this.idle.pop() ?? this.spawn(), req);
    }
  }

  private assign(t: PoolThread, req: WorkRequest): void {
    const msg: WorkMessage = {
      id: req.id,
      module: req.work.module,
      fn: req.work.fn,
      args: req.work.args,
      wakeFd: this.sideOf(req.loop).async.fd,
    };
    try {
      t.port.postMessage(msg);
    } catch (err) {
      // Arguments that cannot be cloned fail the item, not the caller's loop.
      req.outcome = { id: req.id, ok: false, error: packError(err as Error) };
      this.idle.push(t);
      this.settle(req, null);
      return;
    }
    t.current = req;
    this.busy.add(t);
    if (req.slow) this.slowRunning++;
  }

  private spawn(): PoolThread {
    const { MessageChannel, Worker } = threads();
    const { port1, port2 } = new MessageChannel();
    const answered = new SharedArrayBuffer(4);
    const worker = new Worker(builtModule('worker.js'), {
      workerData: { port: port2, answered },
      transferList: [port2],
      execArgv: threadExecArgv(),
    });
    worker.unref();
    const t = new PoolThread(worker, port1, answered);
    worker.once('online', () => (t.online = true));
    worker.on('error', (err: Error) => this.lost(t, err));
    worker.on('exit', (code: number) => this.lost(t, new Error(`thread pool thread exited with code ${code}`)));
    this.threads.add(t);
    return t;
  }

  /** A thread died (its script failed to load, or work called process.exit). */
  private lost(t: PoolThread, err: Error): void {
    if (!this.threads.delete(t)) return;
    const req = t.current;
    if (req !== null) {
      // It may have answered before dying.
      const got = t.receive();
      this.free(t);
      req.outcome = got ?? { id: req.id, ok: false, error: packError(err) };
      this.settle(req, null);
    }
    this.idle = this.idle.filter((x) => x !== t);
    t.port.close();
    if (!t.online) {
      // The thread could not even start (a missing build, say): every queued
      // item gets the error rather than a restart that would fail the same way.
      for (let q = this.queue.take(true); q !== undefined; q = this.queue.take(true)) {
        q.outcome = { id: q.id, ok: false, error: packError(err) };
        this.settle(q, null);
      }
    }
    this.pump();
  }

  private free(t: PoolThread): void {
    const req = t.current!;
    t.current = null;
    this.busy.delete(t);
    this.idle.push(t);
    if (req.slow) this.slowRunning--;
  }

  /** Queue a finished item for its loop's poll phase; wake that loop unless it is the one draining. */
  private settle(req: WorkRequest, draining: LoopSide | null): void {
    const side = this.sides.get(req.loop)!;
    side.ready.push(req);
    if (side !== draining) side.async.send();
  }

  /** Collect every answer posted so far and give the freed threads new work. */
  private drain(draining: LoopSide): void {
    for (const t of this.busy) {
      const got = t.receive();
      if (got === undefined) continue;
      const req = t.current!;
      this.free(t);
      req.outcome = got;
      this.settle(req, draining);
    }
    // Threads get their next item before any callback runs, so they work meanwhile.
    this.pump();
  }

  private onWake(side: LoopSide): void {
    this.drain(side);
    const batch = side.ready;
    side.ready = [];
    const loop = side.async.loop;
    for (let i = 0; i < batch.length; i++) {
      const req = batch[i]!;
      side.inFlight--;
      try {
        loop.invoke(() => req.deliver());
      } catch (err) {
        // The callbacks not yet run must not be lost: they run on the next wakeup.
        side.ready = batch.slice(i + 1).concat(side.ready);
        if (side.ready.length > 0) side.async.send();
        throw err;
      }
    }
  }
}

/**
 * The host's flags, minus export conditions: a pool thread loads built
 * JavaScript, and a condition such as a test runner's `mini-source` would
 * point its imports at TypeScript sources it cannot run.
 */
function threadExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--conditions' || a === '-C') i++;
    else if (!a.startsWith('--conditions=') && !a.startsWith('-C=')) out.push(a);
  }
  return out;
}

let pool: Threadpool | undefined;

/**
 * libuv's uv_queue_work: run `work.fn(...work.args)` from `work.module` on a
 * pool thread; `done` runs on `loop` with its return value or what it threw.
 */
export function queueWork(loop: Loop, work: Work, done: WorkCallback): WorkRequest {
  const kind = work.kind ?? 'cpu';
  if (kind !== 'cpu' && kind !== 'fast-io' && kind !== 'slow-io') throw new TypeError(`unknown work kind '${String(kind)}'`);
  return (pool ??= new Threadpool()).submit(loop, work, done);
}

/** Threads running now (started and not exited). */
export function threadsStarted(): number {
  return pool?.threadCount ?? 0;
}

/**
 * Close `loop`'s pool wakeup (an eventfd) before the loop itself is closed;
 * its closing completes on the loop's next iteration.
 */
export function releaseThreadpool(loop: Loop): void {
  pool?.release(loop);
}

/** Stop all pool threads (nothing may be in flight); used at teardown. */
export function shutdownThreadpool(): Promise<void> {
  return pool?.shutdown() ?? Promise.resolve();
}
