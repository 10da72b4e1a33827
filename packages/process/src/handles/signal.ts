/**
 * libuv's uv_signal: a handle that calls back when the process receives a
 * signal.
 *
 * Each loop reads its signals from one signalfd, behind one IoWatcher; the
 * Signal handles of that loop form a tree under it, one list per signal
 * number:
 *
 *   loop ── SignalFd (signalfd + IoWatcher, mask = signals with handles)
 *             ├─ SIGINT  → [Signal, Signal]
 *             └─ SIGUSR2 → [Signal]
 *
 * A signal with at least one started handle is blocked on the loop thread
 * (so the kernel keeps it pending for the signalfd) and routed by
 * native/signal.c, whose handler sends it on from any other thread that
 * receives it. When its last handle stops, the signal is unblocked and its
 * previous disposition restored, so the default action applies again.
 *
 * Costs: one read(2) per readiness event returns up to 32 signals; starting
 * the first handle of a signal costs a sigaction, a mask change and a
 * signalfd(2) call to widen the fd's mask.
 */
import { Handle, IoWatcher, type Loop } from '@mini/loop';
import {
  EPOLLIN,
  SFD_CLOEXEC,
  SFD_NONBLOCK,
  SIGKILL,
  SIGNALFD_SIGINFO_SIZE,
  SIGSET_SIZE,
  SIGSTOP,
  SIG_BLOCK,
  SIG_UNBLOCK,
  UV_EINVAL,
  check,
  signal as sig,
  signalRouting,
  unistd,
} from '@mini/sys';
import { drainTicks } from '@mini/loop';

/** Highest signal number Linux has (SIGRTMAX). */
const MAX_SIGNAL = 64;
const BATCH = 32;

class SignalFd {
  readonly fd: number;
  private readonly watcher: IoWatcher;
  private readonly mask = Buffer.alloc(SIGSET_SIZE);
  private readonly buf = Buffer.alloc(SIGNALFD_SIGINFO_SIZE * BATCH);
  readonly handles = new Map<number, Signal[]>();
  /** The thread that blocks the signals and reads them. */
  private readonly tid = sig.gettid();

  constructor(loop: Loop) {
    const fd = check(sig.signalfd(-1, this.mask, SFD_CLOEXEC | SFD_NONBLOCK));
    if (fd < 0) throw new Error(`signalfd failed (${fd})`);
    this.fd = fd;
    this.watcher = new IoWatcher(loop, fd, () => this.onReadable(), 'signal');
    this.watcher.runsLast = true;
  }

  /** 0, or a negative errno when the signal cannot be routed. */
  add(h: Signal, signum: number): number {
    let list = this.handles.get(signum);
    if (list === undefined) {
      const native = signalRouting();
      const r = native.mini_signal_route(signum, this.tid);
      if (r < 0) return r;
      this.setBit(signum, true);
      const s = check(sig.signalfd(this.fd, this.mask, 0));
      if (s < 0) {
        this.setBit(signum, false);
        native.mini_signal_unroute(signum);
        return s;
      }
      native.mini_signal_mask(SIG_BLOCK, signum);
      list = [];
      this.handles.set(signum, list);
      this.watcher.start(EPOLLIN);
    }
    list.push(h);
    return 0;
  }

  remove(h: Signal, signum: number): void {
    const list = this.handles.get(signum);
    if (list === undefined) return;
    const i = list.indexOf(h);
    if (i >= 0) list.splice(i, 1);
    if (list.length > 0) return;
    this.handles.delete(signum);
    this.setBit(signum, false);
    sig.signalfd(this.fd, this.mask, 0);
    const native = signalRouting();
    native.mini_signal_unroute(signum);
    // One that arrived after the last read belonged to the handles just
    // stopped: consume it, or the unblock would run its default action now.
    if (native.mini_signal_pending(signum) === 1) this.discard(signum);
    native.mini_signal_mask(SIG_UNBLOCK, signum);
    if (this.handles.size === 0) this.watcher.stop(EPOLLIN);
  }

  private setBit(signum: number, on: boolean): void {
    const byte = (signum - 1) >> 3;
    const bit = 1 << ((signum - 1) & 7);
    this.mask[byte] = on ? this.mask[byte]! | bit : this.mask[byte]! & ~bit;
  }

  private discard(signum: number): void {
    const one = Buffer.alloc(SIGSET_SIZE);
    one[(signum - 1) >> 3] = 1 << ((signum - 1) & 7);
    const fd = sig.signalfd(-1, one, SFD_CLOEXEC | SFD_NONBLOCK);
    if (fd < 0) return;
    unistd.read(fd, this.buf, SIGNALFD_SIGINFO_SIZE);
    unistd.close(fd);
  }

  /** Read what is pending; the signals of handles that went away are dropped, as libuv does. */
  private readAll(): number[] {
    const got: number[] = [];
    for (;;) {
      const n = unistd.read(this.fd, this.buf, this.buf.length);
      if (n <= 0) break;
      for (let off = 0; off < n; off += SIGNALFD_SIGINFO_SIZE) got.push(this.buf.readUInt32LE(off));
      if (n < this.buf.length) break;
    }
    return got;
  }

  private onReadable(): void {
    for (const signum of this.readAll()) {
      const list = this.handles.get(signum);
      if (list === undefined) continue;
      for (const h of list.slice()) {
        if (h.signum !== signum || h.callback === undefined) continue;
        h.callback(signum);
        drainTicks();
      }
    }
  }
}

const perLoop = new WeakMap<Loop, SignalFd>();

function signalFdOf(loop: Loop): SignalFd {
  let s = perLoop.get(loop);
  if (s === undefined) {
    s = new SignalFd(loop);
    perLoop.set(loop, s);
  }
  return s;
}

export class Signal extends Handle {
  override resourceName(): string {
    return 'SignalWrap';
  }

  signum = 0;
  callback: ((signum: number) => void) | undefined;

  constructor(loop: Loop) {
    super(loop);
  }

  /**
   * Call `cb` on each delivery of `signum`: 0, or UV_EINVAL for a number
   * that is not a signal or one that cannot be caught (SIGKILL, SIGSTOP).
   */
  start(cb: (signum: number) => void, signum: number): number {
    if (this.isClosing()) return UV_EINVAL;
    if (!Number.isInteger(signum) || signum <= 0 || signum > MAX_SIGNAL || signum === SIGKILL || signum === SIGSTOP) return UV_EINVAL;
    if (this.signum === signum) {
      this.callback = cb;
      return 0;
    }
    this.stop();
    const r = signalFdOf(this.loop).add(this, signum);
    if (r < 0) return r;
    this.signum = signum;
    this.callback = cb;
    this.activate();
    return 0;
  }

  stop(): number {
    if (this.signum === 0) return 0;
    perLoop.get(this.loop)?.remove(this, this.signum);
    this.signum = 0;
    this.deactivate();
    return 0;
  }

  protected onClose(): void {
    this.stop();
  }
}
