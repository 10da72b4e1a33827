/**
 * fs.opendir and fs.Dir: a folder read a batch at a time, libuv's
 * uv_fs_opendir / uv_fs_readdir / uv_fs_closedir on our pool.
 *
 *   read() ─ entries buffered? ─ yes ─> the next one (on the next tick for a callback)
 *                               └ no ──> one readdir request of up to bufferSize entries;
 *                                        calls made meanwhile wait in a queue and
 *                                        run on the tick after it completes
 *
 * Entries come in the file system's order (unlike readdir, which sorts),
 * as Dirents of the host's class. readSync and closeSync make the same
 * calls on the calling thread.
 */
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { defaultLoop } from '@mini/loop';
import { codedError, validateFunction, validateUint32 } from '@mini/sys';
import { getOptions, pathText, validatedPath } from './args.js';
import { direntsOf } from './dirents.js';
import * as req from './req.js';

type Callback<T> = (err: Error | null, value?: T) => void;

export class Dir {
  private handle: number;
  private readonly dirPath: string;
  private readonly encoding: unknown;
  private readonly bufferSize: number;
  private readonly recursive: boolean;
  private readonly out: Buffer;
  private buffered: Dirent[] = [];
  private closed = false;
  /** Calls made while a request is in flight; null when none is. */
  private queue: (() => void)[] | null = null;

  constructor(handle: number, path: string, options: Record<string, unknown>) {
    const opts: Record<string, unknown> = { bufferSize: 32, ...options };
    validateUint32(opts.bufferSize, 'options.bufferSize', true);
    this.handle = handle;
    this.dirPath = path;
    this.encoding = opts.encoding;
    this.bufferSize = opts.bufferSize;
    this.recursive = Boolean(opts.recursive);
    this.out = req.direntBuffer(this.bufferSize);
  }

  get path(): string {
    return this.dirPath;
  }

  read(): Promise<Dirent | null>;
  read(callback: Callback<Dirent | null>): void;
  read(callback?: Callback<Dirent | null>): Promise<Dirent | null> | void {
    if (this.closed) throw codedError('ERR_DIR_CLOSED');
    if (callback === undefined) return new Promise((resolve, reject) => this.read((err, d) => (err ? reject(err) : resolve(d!))));
    validateFunction(callback, 'callback');
    if (this.queue !== null) {
      this.queue.push(() => this.read(callback));
      return;
    }
    if (this.buffered.length > 0) {
      process.nextTick(callback, null, this.next());
      return;
    }
    this.queue = [];
    req.readdir(defaultLoop(), this.handle, this.out, this.bufferSize, (err, entries) => {
      process.nextTick(() => this.runQueue());
      if (err !== null) return callback(err);
      if (entries!.length === 0) return callback(null, null);
      this.buffered = direntsOf(entries!, this.encoding, this.dirPath);
      let d: Dirent;
      try {
        d = this.next();
      } catch (e) {
        return callback(e as Error);
      }
      callback(null, d);
    });
  }

  /**
   * The next buffered entry. With `recursive`, a folder handed out has its
   * first batch of entries read at once, synchronously, and queued after
   * the others: Node 20's readSyncRecursive, which reads one batch only.
   */
  private next(): Dirent {
    const d = this.buffered.shift()!;
    if (this.recursive && d.isDirectory()) {
      const path = join(d.parentPath, String(d.name));
      const sub = req.opendirNow(path);
      try {
        this.buffered.push(...direntsOf(req.readdirNow(sub, this.out, this.bufferSize), this.encoding, path));
      } finally {
        req.closedirNow(sub);
      }
    }
    return d;
  }

  private runQueue(): void {
    const queue = this.queue ?? [];
    this.queue = null;
    for (const op of queue) op();
  }

  close(): Promise<void>;
  close(callback: (err: Error | null) => void): void;
  close(callback?: (err: Error | null) => void): Promise<void> | void {
    if (callback === undefined) {
      if (this.closed) return Promise.reject(codedError('ERR_DIR_CLOSED'));
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    }
    validateFunction(callback, 'callback');
    if (this.closed) {
      process.nextTick(callback, codedError('ERR_DIR_CLOSED'));
      return;
    }
    if (this.queue !== null) {
      this.queue.push(() => this.close(callback));
      return;
    }
    this.closed = true;
    const handle = this.handle;
    this.handle = -1;
    req.closedir(defaultLoop(), handle, (err) => (err !== null ? callback(err) : callback(null)));
  }

  readSync(): Dirent | null {
    if (this.closed) throw codedError('ERR_DIR_CLOSED');
    if (this.queue !== null) throw codedError('ERR_DIR_CONCURRENT_OPERATION');
    if (this.buffered.length > 0) return this.next();
    const entries = req.readdirNow(this.handle, this.out, this.bufferSize);
    if (entries.length === 0) return null;
    this.buffered = direntsOf(entries, this.encoding, this.dirPath);
    return this.next();
  }

  closeSync(): void {
    if (this.closed) throw codedError('ERR_DIR_CLOSED');
    if (this.queue !== null) throw codedError('ERR_DIR_CONCURRENT_OPERATION');
    this.closed = true;
    const handle = this.handle;
    this.handle = -1;
    req.closedirNow(handle);
  }

  async *entries(): AsyncGenerator<Dirent> {
    try {
      for (;;) {
        const d = await this.read();
        if (d === null) break;
        yield d;
      }
    } finally {
      // As Node: closing a Dir the loop body closed already rejects with ERR_DIR_CLOSED.
      await this.close();
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<Dirent> {
    return this.entries();
  }
}

/** fs.opendir(path[, options], callback). */
export function opendir(path: unknown, options?: unknown, callback?: unknown): void {
  const cb = (typeof options === 'function' ? options : callback) as Callback<Dir>;
  validateFunction(cb, 'callback');
  const p = validatedPath(path);
  const opts = getOptions(options, { encoding: 'utf8' });
  const shown = pathText(p);
  req.opendir(defaultLoop(), p, (err, handle) => (err !== null ? cb(err) : cb(null, new Dir(handle, shown, opts))));
}

/** fsPromises.opendir(path[, options]). */
export async function opendirPromise(path: unknown, options?: unknown): Promise<Dir> {
  return new Promise((resolve, reject) => opendir(path, options ?? {}, (err: Error | null, d?: Dir) => (err ? reject(err) : resolve(d!))));
}
