/**
 * libuv's uv_async: wake a loop from any thread. An eventfd sits in the
 * loop's epoll set; `send()` adds to its counter, and however many sends
 * arrived, the callback runs once per wakeup (sends coalesce).
 *
 * Other threads cannot touch this object (it lives in this isolate); they
 * get `fd` and call `wakeFd(fd)` with their own binding.
 */
import { EFD_CLOEXEC, EFD_NONBLOCK, EPOLLIN, errnoException, eventfd, lastError, unistd } from '@mini/sys';
import { Handle } from './handle.js';
import { IoWatcher } from './io.js';
import type { Loop } from './loop.js';

const ONE = new BigUint64Array([1n]);
const ONE_BYTES = new Uint8Array(ONE.buffer);

/** Add one to an eventfd counter; safe from any thread that loaded @mini/sys. */
export function wakeFd(fd: number): void {
  unistd.write(fd, ONE_BYTES, 8);
}

export class Async extends Handle {
  readonly fd: number;
  private readonly watcher: IoWatcher;
  private readonly drainBuf = new Uint8Array(8);
  callback: () => void;

  constructor(loop: Loop, callback: () => void) {
    super(loop);
    const fd = eventfd.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) throw errnoException(lastError(), 'eventfd');
    this.fd = fd;
    this.callback = callback;
    this.watcher = new IoWatcher(
      loop,
      fd,
      () => {
        unistd.read(this.fd, this.drainBuf, 8);
        this.callback();
      },
      'Async',
    );
    this.watcher.start(EPOLLIN);
    // An async handle is active from creation until closed, as in libuv.
    this.activate();
  }

  send(): void {
    wakeFd(this.fd);
  }

  protected onClose(): void {
    this.watcher.close();
    unistd.close(this.fd);
    this.deactivate();
  }
}
