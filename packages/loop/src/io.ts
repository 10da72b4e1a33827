/**
 * I/O watchers: libuv's uv__io_t. A watcher is an fd, the epoll events we
 * want for it, and a callback. Watchers are not handles and never keep the
 * loop alive by themselves; the handle that owns one does.
 */
import {
  EPOLL_CLOEXEC,
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLL_DATA_OFFSET,
  EPOLL_EVENT_SIZE,
  check,
  epoll,
  errnoException,
  lastError,
  unistd,
} from '@mini/sys';
import type { AsyncContext } from './async-context.js';
import type { Loop } from './loop.js';

export type IoCallback = (events: number) => void;

export class IoWatcher {
  readonly loop: Loop;
  readonly fd: number;
  callback: IoCallback;
  /**
   * Events we want (EPOLLIN | EPOLLOUT …). Read it freely; change it only
   * through setEvents/start/stop, which keep the kernel's copy in step.
   */
  events = 0;
  /** Events currently registered with the kernel. */
  registered = 0;
  /**
   * Names its callbacks in a trace ('TCP' → 'TCP read'; a label of several
   * words, 'child exit', is the whole name); null for the
   * loop's own watchers, whose callbacks record what they run themselves.
   */
  label: string | null;
  /**
   * The async context its callbacks run in: set by the handle that owns it
   * (a socket's, a child process's); unset for the loop's own watchers,
   * whose callbacks run each operation in its own context.
   */
  context: AsyncContext = undefined;
  /**
   * An fd this loop watches but does not own (the host loop's, a wakeup
   * made by another thread): never in the fd ledger.
   */
  borrowed = false;
  /**
   * Run after every other watcher ready in the same wait, as libuv runs its
   * signal watcher, and with it child exits: a child's pipes reach their
   * end before its 'exit', as in Node, whichever the kernel listed first.
   */
  runsLast = false;

  constructor(loop: Loop, fd: number, callback: IoCallback, label: string | null = 'I/O') {
    this.loop = loop;
    this.fd = fd;
    this.callback = callback;
    this.label = label;
  }

  /**
   * Want exactly `events` (0 stops the watcher). A handle that derives its
   * whole interest from its state calls this each time the state changes:
   * no epoll_ctl unless the mask differs from what the kernel has.
   */
  setEvents(events: number): void {
    if (events === this.events && events === this.registered) return;
    this.events = events;
    this.loop.backend.update(this);
  }

  /** Add `events` to what is watched. */
  start(events: number): void {
    this.setEvents(this.events | events);
  }

  /** Remove `events` from what is watched. */
  stop(events: number): void {
    this.setEvents(this.events & ~events);
  }

  /** Stop all events and forget the fd (call before closing it). */
  close(): void {
    this.setEvents(0);
  }

  isActive(): boolean {
    return this.events !== 0;
  }
}

const MAX_EVENTS = 1024;

/**
 * The fds a worker thread's loop owns, one bit each in shared memory, so
 * that the thread that started the worker can close them once the worker
 * is gone: a terminated worker runs no more JavaScript to close its own
 * (the epoll fd, its eventfds and timerfds, the sockets of handles still
 * open). Set on ADD, cleared on DEL, so an fd closed by its handle is no
 * longer in it. Null on the main thread, whose fds die with the process.
 */
let fdLedger: Int32Array | null = null;

export function setFdLedger(ledger: Int32Array | null): void {
  fdLedger = ledger;
}

export function ledgerMark(fd: number, owned: boolean): void {
  const ledger = fdLedger;
  if (ledger === null || fd >>> 5 >= ledger.length) return;
  if (owned) Atomics.or(ledger, fd >>> 5, 1 << (fd & 31));
  else Atomics.and(ledger, fd >>> 5, ~(1 << (fd & 31)));
}

/**
 * The epoll backend: one level-triggered epoll set per loop. Ready events
 * are read into one buffer per wait — one FFI call per iteration, decoded
 * in JS without further native calls.
 */
export class EpollBackend {
  readonly fd: number;
  private watchers: (IoWatcher | undefined)[] = [];
  private watcherCount = 0;
  private readonly ctlBuf = Buffer.alloc(EPOLL_EVENT_SIZE);
  private readonly eventsBuf: Buffer;
  /** u32 view: events at [i*stride], data (the fd) at [i*stride + dataSlot]. */
  private readonly eventWords: Uint32Array;
  private readonly stride = EPOLL_EVENT_SIZE / 4;
  private readonly dataSlot = EPOLL_DATA_OFFSET / 4;
  /** While a batch runs: index past its last event (0: none runs), and of the next to run. */
  private batchEnd = 0;
  private batchPos = 0;
  /** The batch's run-last watchers and their events, and the next of them to run. */
  private deferred: (IoWatcher | number)[] | undefined;
  private deferredPos = 0;
  /** The events of the watcher next() returned, within what it wants. */
  readyEvents = 0;

  /**
   * `maxEvents`: how many ready events one wait reads. A loop that watches
   * a few fds (spawnSync's) takes a small buffer: a 12 KiB one is an
   * ArrayBuffer allocation of its own, which cost more than the rest of
   * such a loop's setup. Level-triggered, events beyond it come next wait.
   */
  constructor(private readonly maxEvents = MAX_EVENTS) {
    this.eventsBuf = Buffer.alloc(EPOLL_EVENT_SIZE * maxEvents);
    this.eventWords = new Uint32Array(this.eventsBuf.buffer, this.eventsBuf.byteOffset, this.eventsBuf.length / 4);
    const fd = epoll.epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) throw errnoException(lastError(), 'epoll_create1');
    this.fd = fd;
    ledgerMark(fd, true);
  }

  get size(): number {
    return this.watcherCount;
  }

  update(w: IoWatcher): void {
    const want = w.events;
    if (want === w.registered) return;
    let op: number;
    if (want === 0) {
      op = EPOLL_CTL_DEL;
      if (this.watchers[w.fd] === w) {
        this.watchers[w.fd] = undefined;
        this.watcherCount--;
      }
      if (!w.borrowed) ledgerMark(w.fd, false);
      this.invalidate(w.fd);
    } else if (w.registered === 0) {
      op = EPOLL_CTL_ADD;
      if (this.watchers[w.fd] === undefined) this.watcherCount++;
      this.watchers[w.fd] = w;
      if (!w.borrowed) ledgerMark(w.fd, true);
    } else {
      op = EPOLL_CTL_MOD;
    }
    this.ctlBuf.writeUInt32LE(want, 0);
    this.ctlBuf.writeUInt32LE(w.fd, EPOLL_DATA_OFFSET);
    if (EPOLL_DATA_OFFSET + 8 <= this.ctlBuf.length) this.ctlBuf.writeUInt32LE(0, EPOLL_DATA_OFFSET + 4);
    const r = epoll.epoll_ctl(this.fd, op, w.fd, this.ctlBuf);
    if (r < 0) {
      const err = lastError();
      // The fd was closed under us: the kernel already dropped it from the set.
      if (op === EPOLL_CTL_DEL) {
        w.registered = 0;
        return;
      }
      if (op === EPOLL_CTL_ADD) {
        this.watchers[w.fd] = undefined;
        this.watcherCount--;
      }
      w.events = w.registered;
      throw errnoException(err, 'epoll_ctl');
    }
    w.registered = want;
  }

  /** Drop not-yet-dispatched events for an fd whose watcher went away mid-batch. */
  private invalidate(fd: number): void {
    const words = this.eventWords;
    for (let i = this.batchPos; i < this.batchEnd; i++) {
      const slot = i * this.stride + this.dataSlot;
      if (words[slot] === fd) words[slot] = 0xffffffff;
    }
  }

  /** Wait up to `timeout` ms (-1 forever); returns the number of ready events or -errno. */
  wait(timeout: number): number {
    return check(epoll.epoll_wait(this.fd, this.eventsBuf, this.maxEvents, timeout));
  }

  /**
   * Take the `n` events of the last wait as the batch `next()` walks. The
   * loop calls each watcher's callback itself, so that a program's callback
   * sits right on the loop's frame (see Loop.run).
   */
  begin(n: number): void {
    this.batchEnd = n;
    this.batchPos = 0;
  }

  /**
   * The next watcher of the batch to run, its events in `readyEvents`; null
   * once the batch is done. Run-last watchers come after all others. A
   * callback that throws leaves the batch where it was: the exception goes
   * to the uncaught handler and the rest of the batch still runs in this
   * poll phase, as in libuv, not after the check and timers phases that an
   * epoll wait would come back to.
   */
  next(): IoWatcher | null {
    const words = this.eventWords;
    while (this.batchPos < this.batchEnd) {
      const base = this.batchPos++ * this.stride;
      const fd = words[base + this.dataSlot]!;
      // Invalidated: its watcher went away earlier in the batch.
      if (fd === 0xffffffff) continue;
      const w = this.watchers[fd];
      if (w === undefined) continue;
      if (w.runsLast) {
        (this.deferred ??= []).push(w, words[base]!);
        continue;
      }
      if (this.ready(w, words[base]!)) return w;
    }
    const last = this.deferred;
    while (last !== undefined && this.deferredPos < last.length) {
      const w = last[this.deferredPos] as IoWatcher;
      const reported = last[this.deferredPos + 1] as number;
      this.deferredPos += 2;
      // Stopped or replaced by a callback of this batch: its event is stale.
      if (this.watchers[w.fd] === w && this.ready(w, reported)) return w;
    }
    this.batchEnd = 0;
    this.batchPos = 0;
    this.deferred = undefined;
    this.deferredPos = 0;
    return null;
  }

  /** Whether a callback threw out of a batch whose later events have not run. */
  get interrupted(): boolean {
    return this.batchEnd !== 0;
  }

  /** Whether `w` wants any of the events epoll reported; if so they are `readyEvents`. */
  private ready(w: IoWatcher, reported: number): boolean {
    let ev = reported;
    // Errors and hangups are delivered to whichever side is watched, as libuv does.
    if (ev & (0x008 | 0x010)) ev |= w.events & (0x001 | 0x004);
    ev &= w.events | 0x008 | 0x010;
    this.readyEvents = ev;
    return ev !== 0;
  }

  close(): void {
    ledgerMark(this.fd, false);
    unistd.close(this.fd);
  }
}

export { MAX_EVENTS };
