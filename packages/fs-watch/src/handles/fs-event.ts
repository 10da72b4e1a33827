/**
 * libuv's uv_fs_event on Linux: one path watched through the loop's inotify
 * instance (./inotify.ts). Active from start to stop; `unref()` lets the
 * loop exit while it watches (Node's `persistent: false`).
 *
 * Each kernel event becomes one callback with libuv's two flags:
 *   IN_ATTRIB, IN_MODIFY                       → UV_CHANGE
 *   any other bit (create, delete, moves, the
 *   path itself deleted or moved, IN_IGNORED)  → UV_RENAME
 * and the name the event carries, or the watched path's own basename.
 */
import { bindAsyncContext, Handle, type Loop } from '@mini/loop';
import { IN_ATTRIB, IN_CREATE, IN_DELETE, IN_DELETE_SELF, IN_MODIFY, IN_MOVED_FROM, IN_MOVED_TO, IN_MOVE_SELF } from '@mini/sys';
import { inotifyOf, type InotifyClient, type Watch } from './inotify.js';

export const UV_RENAME = 1;
export const UV_CHANGE = 2;

/** What libuv asks inotify for. */
const WATCH_MASK = IN_ATTRIB | IN_CREATE | IN_MODIFY | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_MOVED_FROM | IN_MOVED_TO;
const CHANGE_BITS = IN_ATTRIB | IN_MODIFY;

/** `filename` is the entry's name as bytes (the caller decodes it), null when unknown. */
export type FsEventCallback = (status: number, events: number, filename: Buffer | null) => void;

export class FsEvent extends Handle implements InotifyClient {
  override resourceName(): string {
    return 'FSEventWrap';
  }

  private watch: Watch | undefined;
  private callback: FsEventCallback | undefined;
  /** The watched path's basename, for events on the path itself. */
  private basename: Buffer | null = null;
  /** The event being delivered, read by runCallback: no closure per event. */
  private eventMask = 0;
  private eventName: Buffer | null = null;
  private readonly runCallback = (): void => {
    const name = this.eventName;
    this.eventName = null;
    this.callback?.(0, this.eventMask, name);
  };

  constructor(loop: Loop) {
    super(loop);
  }

  /**
   * Watch `path` (NUL-terminated bytes). Returns 0, or a negative errno
   * (ENOENT, ENOSPC for the watch limit, EMFILE for the instance limit…).
   * Starting an active handle is a no-op, as in libuv.
   */
  start(path: Buffer, callback: FsEventCallback): number {
    if (this.isActive()) return 0;
    const added = inotifyOf(this.loop).add(path, WATCH_MASK, this);
    if (typeof added === 'number') return added;
    this.watch = added;
    // Events run in the context the watch started in, as Node's FSEVENTWRAP.
    this.callback = bindAsyncContext(callback, 'FSEVENTWRAP');
    const bare = path.subarray(0, path.length - 1);
    const slash = bare.lastIndexOf(0x2f);
    this.basename = Buffer.from(slash < 0 ? bare : bare.subarray(slash + 1));
    this.activate();
    return 0;
  }

  stop(): void {
    const watch = this.watch;
    if (watch === undefined) return;
    this.watch = undefined;
    this.callback = undefined;
    inotifyOf(this.loop).remove(watch, this);
    this.deactivate();
  }

  /** The path being watched, or undefined when stopped (uv_fs_event_getpath). */
  getPath(): Buffer | undefined {
    return this.watch === undefined ? undefined : this.watch.path;
  }

  deliver(mask: number, name: Buffer | null): void {
    if (this.callback === undefined) return;
    let events = 0;
    if (mask & CHANGE_BITS) events |= UV_CHANGE;
    if (mask & ~CHANGE_BITS) events |= UV_RENAME;
    this.eventMask = events;
    this.eventName = name ?? this.basename;
    this.loop.invoke(this.runCallback, 'fs.watch');
  }

  protected onClose(): void {
    this.stop();
  }
}
