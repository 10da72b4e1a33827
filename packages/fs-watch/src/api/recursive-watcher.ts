/**
 * fs.watch(dir, { recursive: true }) on Linux, where inotify watches one
 * folder at a time. Node 20 builds it in JavaScript
 * (lib/internal/fs/recursive_watch.js) and so do we, with its observable
 * rules:
 *
 *   - every file and folder of the tree gets its own non-recursive watcher;
 *   - an event on a folder rescans it: each entry not seen before is
 *     reported as 'rename' (its path relative to the root) and watched, so
 *     subfolders created later are watched too;
 *   - an event on a file stats it: gone → 'rename' and its watchers (and
 *     those below it) closed; still there → 'change';
 *   - filenames are relative paths, always strings; 'close' is emitted at
 *     once; ref()/unref() do nothing (Node's only touch stat watchers,
 *     which this design never creates).
 *
 * The scans are synchronous (readdirSync, statSync), as in Node.
 */
import { EventEmitter } from 'node:events';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { AbortError, validateAbortSignal, validateBoolean } from '@mini/sys';
import { validatedPath } from '@mini/fs';
import { FSWatcher as NativeWatcher, kFSWatchStart } from './fs-watcher.js';
import { codedError } from '@mini/sys';
import type { WatchOptions } from './options.js';

interface ChangeEvent {
  eventType: string;
  filename: string;
}

export class RecursiveWatcher extends EventEmitter {
  #options: { persistent: unknown; signal: AbortSignal | undefined };
  #closed = false;
  #files = new Map<string, Stats>();
  #watchers = new Map<string, NativeWatcher>();
  #symbolicFiles = new Set<string>();
  #rootPath = resolve();
  #watchingFile = false;

  constructor(options: WatchOptions = {}) {
    super();
    const { persistent, recursive, signal, encoding } = options;
    if (recursive != null) validateBoolean(recursive, 'options.recursive');
    if (persistent != null) validateBoolean(persistent, 'options.persistent');
    if (signal != null) validateAbortSignal(signal, 'options.signal');
    if (encoding != null && typeof encoding !== 'string') throw codedError('ERR_INVALID_ARG_VALUE', 'options.encoding', encoding);
    this.#options = { persistent, signal: signal as AbortSignal | undefined };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const file of this.#files.keys()) {
      this.#watchers.get(file)?.close();
      this.#watchers.delete(file);
    }
    this.#files.clear();
    this.#symbolicFiles.clear();
    this.emit('close');
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  /** Stop watching `file` and everything whose path starts with it. */
  #unwatchFiles(file: string): void {
    this.#symbolicFiles.delete(file);
    for (const name of this.#files.keys()) {
      if (!name.startsWith(file)) continue;
      this.#files.delete(name);
      this.#watchers.get(name)?.close();
      this.#watchers.delete(name);
    }
  }

  #watchFolder(folder: string): void {
    try {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (this.#closed) break;
        const file = join(folder, entry.name);
        if (this.#files.has(file)) continue;
        this.emit('change', 'rename', relative(this.#rootPath, file));
        if (entry.isSymbolicLink()) this.#symbolicFiles.add(file);
        try {
          this.#watchFile(file);
          if (entry.isDirectory() && !entry.isSymbolicLink()) this.#watchFolder(file);
        } catch (err) {
          // Gone between the listing and the watch: the next event on its folder tells.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    } catch (err) {
      this.emit('error', err);
    }
  }

  #watchFile(file: string): void {
    if (this.#closed || this.#files.has(file)) return;
    this.#files.set(file, statSync(file));
    const watcher = new NativeWatcher();
    watcher[kFSWatchStart](file, this.#options.persistent ?? true, false, undefined);
    watcher.on('change', () => this.#onEvent(file, watcher));
    this.#watchers.set(file, watcher);
  }

  #onEvent(file: string, watcher: NativeWatcher): void {
    const before = this.#files.get(file);
    let now: Stats | undefined;
    try {
      now = statSync(file);
      this.#files.set(file, now);
    } catch {
      // removed: reported below
    }
    if (now === undefined || (now.birthtimeMs === 0 && before !== undefined && before.birthtimeMs !== 0)) {
      this.#files.delete(file);
      this.#watchers.delete(file);
      watcher.close();
      this.emit('change', 'rename', relative(this.#rootPath, file));
      this.#unwatchFiles(file);
    } else if (file === this.#rootPath && this.#watchingFile) {
      this.emit('change', 'change', basename(file));
    } else if (this.#symbolicFiles.has(file)) {
      this.emit('change', 'rename', relative(this.#rootPath, file));
    } else if (now.isDirectory()) {
      this.#watchFolder(file);
    } else {
      this.emit('change', 'change', relative(this.#rootPath, file));
    }
  }

  [kFSWatchStart](filename: unknown): void {
    const root = resolve(String(validatedPath(filename)));
    try {
      const stats = statSync(root);
      this.#rootPath = root;
      this.#closed = false;
      this.#watchingFile = stats.isFile();
      this.#watchFile(root);
      if (stats.isDirectory()) this.#watchFolder(root);
    } catch (err) {
      // Node lets only a missing root through; any other failure leaves a watcher that never fires.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        (err as NodeJS.ErrnoException & { filename: string }).filename = root;
        throw err;
      }
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChangeEvent> {
    const signal = this.#options.signal;
    const next = (): Promise<IteratorResult<ChangeEvent>> => {
      if (this.#closed) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolvePromise, reject) => {
        const onAbort = () => {
          this.close();
          reject(new AbortError(undefined, { cause: signal?.reason }));
        };
        if (signal?.aborted === true) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        this.once('change', (eventType: string, filename: string) => {
          signal?.removeEventListener('abort', onAbort);
          resolvePromise({ done: false, value: { eventType, filename } });
        });
      });
    };
    const iterator: AsyncIterableIterator<ChangeEvent> = {
      next,
      return: () => {
        this.close();
        return Promise.resolve({ done: true, value: undefined });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

// Node's class has the non-recursive one's name; a bundler would rename one of two classes declared with one name.
Object.defineProperty(RecursiveWatcher, 'name', { value: 'FSWatcher' });
