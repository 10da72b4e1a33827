/**
 * libuv's uv_fs_poll: a file watched by asking for its stat at an interval.
 *
 *   start ─ stat ─▶ done ─ timer(interval − drift) ─▶ stat ─▶ done …
 *
 * One stat at a time on the thread pool (statx, the request @mini/fs uses);
 * the next is timed from when the previous one was issued, so the period
 * stays `interval` however long a stat takes. The callback runs:
 *   - when a stat fails with an error other than the last one seen
 *     (status < 0, curr zeroed), so a missing file is reported once;
 *   - when a stat succeeds after a failure, or differs from the last one in
 *     libuv's fields: ctime, mtime, birthtime, size, mode, uid, gid, ino, dev.
 * The first successful stat only records. The inner timer is unref'd: the
 * poll handle itself is what keeps the loop alive.
 */
import { bindAsyncContext, Handle, Timer, type Loop } from '@mini/loop';
import { fsReq } from '@mini/fs';

/** sizeof(struct statx). */
const STATX_SIZE = 256;

/** [start, end) byte ranges of struct statx compared between polls (see @mini/fs stats.ts). */
const COMPARED: readonly (readonly [number, number])[] = [
  [96, 108], // stx_ctime {sec, nsec}
  [112, 124], // stx_mtime
  [80, 92], // stx_btime
  [40, 48], // stx_size
  [28, 30], // stx_mode
  [20, 28], // stx_uid, stx_gid
  [32, 40], // stx_ino
  [136, 144], // stx_dev_major, stx_dev_minor
];

function statxDiffers(a: Uint8Array, b: Uint8Array): boolean {
  for (const [start, end] of COMPARED) {
    for (let i = start; i < end; i++) if (a[i] !== b[i]) return true;
  }
  return false;
}

/** `prev` and `curr` are struct statx bytes, valid only during the call. */
export type FsPollCallback = (status: number, prev: Uint8Array, curr: Uint8Array) => void;

const ZERO = new Uint8Array(STATX_SIZE);

export class FsPoll extends Handle {
  override resourceName(): string {
    return 'StatWatcher';
  }

  private readonly timer: Timer;
  private path: Buffer | string | undefined;
  private interval = 0;
  private callback: FsPollCallback | undefined;
  /** The last successful stat. */
  private statbuf = new Uint8Array(STATX_SIZE);
  /** libuv's busy_polling: 0 before the first result, 1 after a success, else the last errno. */
  private busyPolling = 0;
  private startTime = 0;
  /** Bumped by stop: a stat still in flight from an earlier start is ignored. */
  private generation = 0;

  constructor(loop: Loop) {
    super(loop);
    this.timer = new Timer(loop);
    this.timer.unref();
  }

  start(path: Buffer | string, interval: number, callback: FsPollCallback): number {
    if (this.isActive()) return 0;
    this.path = path;
    this.interval = interval > 0 ? interval : 1;
    // Events run in the context the watch started in, as Node's STATWATCHER.
    this.callback = bindAsyncContext(callback, 'STATWATCHER');
    this.busyPolling = 0;
    this.statbuf.fill(0);
    this.activate();
    this.poll();
    return 0;
  }

  stop(): void {
    if (!this.isActive()) return;
    this.generation++;
    this.timer.stop();
    this.callback = undefined;
    this.deactivate();
  }

  getPath(): Buffer | string | undefined {
    return this.isActive() ? this.path : undefined;
  }

  private poll(): void {
    const generation = this.generation;
    this.startTime = this.loop.now();
    fsReq.statPath(this.loop, this.path!, false, (err, stx) => {
      if (generation !== this.generation) return;
      this.settle(err === null ? 0 : (err.errno ?? 0), stx);
    });
  }

  private settle(status: number, stx: Uint8Array): void {
    const cb = this.callback!;
    if (status < 0) {
      if (this.busyPolling !== status) {
        this.busyPolling = status;
        cb(status, this.statbuf, ZERO);
      }
    } else {
      if (this.busyPolling !== 0 && (this.busyPolling < 0 || statxDiffers(this.statbuf, stx))) cb(0, this.statbuf, stx);
      this.statbuf.set(stx);
      this.busyPolling = 1;
    }
    // The callback may have stopped (or restarted) the poll.
    if (!this.isActive() || this.callback !== cb) return;
    const drift = (this.loop.now() - this.startTime) % this.interval;
    this.timer.start(() => this.poll(), this.interval - drift);
  }

  protected onClose(): void {
    this.stop();
    this.timer.close();
  }
}
