/**
 * One inotify instance per loop, shared by every FsEvent handle on it —
 * libuv's `loop->inotify_fd` and its tree of watchers (src/unix/linux.c).
 *
 *   Inotify (per loop)
 *     fd ── IoWatcher in the poll phase
 *     byWd: wd → Watch { wd, path, handles: Set<FsEvent> }
 *
 * The kernel answers inotify_add_watch with the same wd for the same inode,
 * so two handles on one path (or on two links to one file) share a Watch;
 * the watch is removed when its last handle stops. The fd is created with
 * the first watch and stays for the loop's life (as libuv's does).
 *
 * Costs: one read per readiness event into one buffer reused for the
 * loop's life. A read that left room for one more event of any size took
 * the whole queue, so it is not repeated to see EAGAIN (a system call per
 * event saved): the epoll set is level-triggered, and what arrives later
 * reports the fd ready again. Events are decoded in JS, with no further FFI
 * call, and a Buffer is made only for a name an event carries.
 */
import { IoWatcher, type Loop } from '@mini/loop';
import {
  EPOLLIN,
  INOTIFY_EVENT_SIZE,
  IN_CLOEXEC,
  IN_IGNORED,
  IN_NONBLOCK,
  IN_Q_OVERFLOW,
  UV_EAGAIN,
  UV_EINTR,
  errnoException,
  inotify,
  lastError,
  unistd,
} from '@mini/sys';

/** What a Watch needs from the handles on it. */
export interface InotifyClient {
  /** One kernel event for this client's watch: its mask and the name it carries (null: the watched path itself). */
  deliver(mask: number, name: Buffer | null): void;
}

export interface Watch {
  readonly wd: number;
  /** The path the watch was first added for, NUL-terminated bytes stripped. */
  readonly path: Buffer;
  readonly clients: Set<InotifyClient>;
  /** False once the kernel dropped the watch (IN_IGNORED) or its last client went. */
  live: boolean;
}

/** 64 KiB holds ~4000 events without names; the kernel never splits one across reads. */
const READ_BUFFER_SIZE = 64 * 1024;
/** The largest event: its header and a name of NAME_MAX bytes and a NUL. */
const MAX_EVENT_SIZE = INOTIFY_EVENT_SIZE + 256;

export class Inotify {
  readonly loop: Loop;
  readonly fd: number;
  private readonly io: IoWatcher;
  private readonly byWd = new Map<number, Watch>();
  private readonly buf = Buffer.allocUnsafe(READ_BUFFER_SIZE);
  private readonly words = new Uint32Array(this.buf.buffer, this.buf.byteOffset, READ_BUFFER_SIZE / 4);
  /** The part of `buf` read but not yet delivered: [at, end). */
  private at = 0;
  private end = 0;
  /** An IN_Q_OVERFLOW seen since the last warning. */
  private overflowed = false;

  constructor(loop: Loop) {
    const fd = inotify.inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) throw errnoException(lastError(), 'inotify_init1');
    this.loop = loop;
    this.fd = fd;
    this.io = new IoWatcher(loop, fd, () => this.readEvents());
    this.io.start(EPOLLIN);
  }

  /** Number of live watches (one per watched inode). */
  get size(): number {
    return this.byWd.size;
  }

  /** Paths with a live watch, for reports. */
  paths(): string[] {
    return [...this.byWd.values()].map((w) => w.path.toString());
  }

  /**
   * Add `client` to the watch for `path` (NUL-terminated bytes), creating it
   * if the inode has none yet; a negative errno when the kernel refuses.
   */
  add(path: Buffer, mask: number, client: InotifyClient): Watch | number {
    const wd = inotify.inotify_add_watch(this.fd, path, mask);
    if (wd < 0) return lastError();
    let watch = this.byWd.get(wd);
    if (watch === undefined) {
      watch = { wd, path: path.subarray(0, path.length - 1), clients: new Set(), live: true };
      this.byWd.set(wd, watch);
    }
    watch.clients.add(client);
    return watch;
  }

  /** Take `client` off `watch`; the last one out removes the kernel's watch. */
  remove(watch: Watch, client: InotifyClient): void {
    if (!watch.clients.delete(client) || watch.clients.size > 0 || !watch.live) return;
    watch.live = false;
    this.byWd.delete(watch.wd);
    // The IN_IGNORED this queues finds no Watch and is dropped, as a stale event.
    inotify.inotify_rm_watch(this.fd, watch.wd);
  }

  private readEvents(): void {
    // Events a throwing listener left behind go first: the buffer still holds them.
    if (this.at < this.end && !this.dispatch()) return;
    for (;;) {
      const n = Number(unistd.read(this.fd, this.buf, READ_BUFFER_SIZE));
      if (n < 0) {
        const err = lastError();
        if (err === UV_EINTR) continue;
        if (err === UV_EAGAIN) break;
        throw errnoException(err, 'read');
      }
      if (n === 0) break;
      this.at = 0;
      this.end = n;
      if (!this.dispatch()) return;
      if (n <= READ_BUFFER_SIZE - MAX_EVENT_SIZE) break;
    }
    if (this.overflowed) {
      this.overflowed = false;
      this.reportOverflow();
    }
  }

  /**
   * Deliver the events in buf[at, end). A listener that throws ends the
   * batch there (the exception goes on to the loop's caller, as from any
   * callback); the rest is delivered from the next pending phase, as Node
   * goes on with a batch once its uncaught exception is handled.
   */
  private dispatch(): boolean {
    const buf = this.buf;
    const words = this.words;
    let finished = false;
    try {
      // Records are 4-byte aligned: header words read straight from the u32 view.
      while (this.at < this.end) {
        const off = this.at;
        const wd = words[off >> 2]! | 0;
        const mask = words[(off >> 2) + 1]!;
        const len = words[(off >> 2) + 3]!;
        const nameAt = off + INOTIFY_EVENT_SIZE;
        const next = nameAt + len;
        // Moved on before delivering: a throw skips only the event that threw.
        this.at = next;
        if (mask & IN_Q_OVERFLOW) {
          this.overflowed = true;
          continue;
        }
        const watch = this.byWd.get(wd);
        if (watch === undefined) continue; // stale: its watch was removed
        let name: Buffer | null = null;
        if (len > 0) {
          const nul = buf.indexOf(0, nameAt);
          name = Buffer.from(buf.subarray(nameAt, nul < 0 || nul > next ? next : nul));
        }
        if (mask & IN_IGNORED) {
          // The kernel dropped the watch (the path was removed or unmounted): release the wd.
          watch.live = false;
          this.byWd.delete(wd);
        }
        // A snapshot when shared: a callback may stop its own or another handle on this watch.
        if (watch.clients.size === 1) {
          // Taken before the call: a watcher started in the callback must not get this event.
          (watch.clients.values().next().value as InotifyClient).deliver(mask, name);
        } else {
          for (const client of [...watch.clients]) {
            if (watch.clients.has(client)) client.deliver(mask, name);
          }
        }
      }
      finished = true;
    } finally {
      if (!finished) this.loop.queuePending(() => this.readEvents());
    }
    return finished;
  }

  /**
   * The kernel's queue overflowed (fs.inotify.max_queued_events) and events
   * were lost. Node drops them silently; we say so, once per read, naming
   * what was watched so the reader knows whose state may now be stale.
   */
  private reportOverflow(): void {
    const paths = this.paths();
    process.emitWarning(`inotify event queue overflowed: events were lost for ${paths.length} watched path(s): ${paths.join(', ')}`, {
      type: 'Warning',
      code: 'MINI_INOTIFY_OVERFLOW',
    });
  }
}

const perLoop = new WeakMap<Loop, Inotify>();

/** The loop's inotify instance, created on first use. */
export function inotifyOf(loop: Loop): Inotify {
  let instance = perLoop.get(loop);
  if (instance === undefined) {
    instance = new Inotify(loop);
    perLoop.set(loop, instance);
  }
  return instance;
}
