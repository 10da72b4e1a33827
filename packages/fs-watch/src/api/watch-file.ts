/**
 * fs.watchFile / fs.unwatchFile and fs.StatWatcher, over FsPoll handles.
 *
 * One StatWatcher per resolved path, shared by every listener on it (Node's
 * `statWatchers` map); its ref count follows the listeners, so unwatching
 * one of two listeners unrefs and unwatching all stops the poll.
 */
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import type { BigIntStats, Stats } from 'node:fs';
import { defaultLoop } from '@mini/loop';
import { bigIntStatsFromStatx, statsFromStatx, validatedPath } from '@mini/fs';
import { UV_EPERM, validateFunction, validateUint32 } from '@mini/sys';
import { FsPoll } from '../handles/fs-poll.js';
import { watchStartError } from './errors.js';

export const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
export const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');

/** stx_nlink in struct statx. */
const NLINK_OFFSET = 16;

function nlink(stx: Uint8Array): number {
  return new DataView(stx.buffer, stx.byteOffset, stx.byteLength).getUint32(NLINK_OFFSET, true);
}

export class StatWatcher extends EventEmitter {
  _handle: FsPoll | null = null;
  private readonly bigint: boolean;
  /** The status of the last report (-1 before any: Node's kOldStatus). */
  private oldStatus = -1;
  private refCount = 1;
  private maxRefCount = 1;

  constructor(bigint?: unknown) {
    super();
    this.bigint = bigint === true;
  }

  [kFSStatWatcherStart](filename: string | Buffer, persistent: unknown, interval: unknown): void {
    if (this._handle !== null) return;
    const handle = new FsPoll(defaultLoop());
    this._handle = handle;
    if (!persistent) this.unref();
    this.oldStatus = -1;
    const path = validatedPath(filename, 'filename');
    validateUint32(interval, 'interval');
    const status = handle.start(path, interval, (status, prev, curr) => this.onPoll(status, prev, curr));
    if (status < 0) throw watchStartError(status, path);
  }

  private onPoll(status: number, prev: Uint8Array, curr: Uint8Array): void {
    // Node's rule, kept as it is: an EPERM repeated with the link count unchanged is not news.
    if (this.oldStatus === -1 && status === UV_EPERM && nlink(curr) === nlink(prev)) return;
    this.oldStatus = status;
    // Both decoded now: the buffers are reused once this returns.
    const decode = this.bigint ? bigIntStatsFromStatx : statsFromStatx;
    const currStats: Stats | BigIntStats = decode(curr);
    const prevStats: Stats | BigIntStats = decode(prev);
    this.emit('change', currStats, prevStats);
  }

  /** Present on Node's StatWatcher; does nothing. */
  start(): void {}

  stop(): void {
    const handle = this._handle;
    if (handle === null) return;
    process.nextTick(() => this.emit('stop'));
    handle.close();
    this._handle = null;
  }

  ref(): this {
    // The count keeps repeated ref()s from outnumbering the listeners.
    if (this.refCount === this.maxRefCount) return this;
    if (this._handle && this.refCount++ === 0) this._handle.ref();
    return this;
  }

  unref(): this {
    if (this.refCount === 0) return this;
    if (this._handle && --this.refCount === 0) this._handle.unref();
    return this;
  }

  [kFSStatWatcherAddOrCleanRef](operation: 'add' | 'clean' | 'cleanAll'): void {
    if (operation === 'add') {
      this.refCount++;
      this.maxRefCount++;
    } else if (operation === 'clean') {
      this.maxRefCount--;
      this.unref();
    } else {
      this.maxRefCount = 0;
      this.refCount = 0;
      this._handle?.unref();
    }
  }
}

const statWatchers = new Map<string, StatWatcher>();

interface WatchFileOptions {
  interval: unknown;
  persistent: unknown;
  bigint?: unknown;
}

/** fs.watchFile(filename[, options], listener). */
export function watchFile(filename: unknown, options?: unknown, listener?: unknown): StatWatcher {
  const file = resolve(String(validatedPath(filename)));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  // 5007 ms: libev's old default, which Node keeps.
  const opts: WatchFileOptions = { interval: 5007, persistent: true, ...(options as object | null) };
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(file);
  if (watcher === undefined) {
    watcher = new StatWatcher(opts.bigint);
    watcher[kFSStatWatcherStart](file, opts.persistent, opts.interval);
    statWatchers.set(file, watcher);
  } else {
    watcher[kFSStatWatcherAddOrCleanRef]('add');
  }
  watcher.addListener('change', listener);
  return watcher;
}

/** fs.unwatchFile(filename[, listener]). */
export function unwatchFile(filename: unknown, listener?: unknown): void {
  const file = resolve(String(validatedPath(filename)));
  const watcher = statWatchers.get(file);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    const before = watcher.listenerCount('change');
    watcher.removeListener('change', listener as (...args: unknown[]) => void);
    if (watcher.listenerCount('change') < before) watcher[kFSStatWatcherAddOrCleanRef]('clean');
  } else {
    watcher.removeAllListeners('change');
    watcher[kFSStatWatcherAddOrCleanRef]('cleanAll');
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(file);
  }
}
