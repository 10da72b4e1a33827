/** fs.watch and fs.promises.watch. */
import type { EventEmitter } from 'node:events';
import { defaultLoop } from '@mini/loop';
import { fsReq, validatedPath } from '@mini/fs';
import { AbortError, codedError, validateAbortSignal, validateBoolean, validateObject } from '@mini/sys';
import { FsEvent, UV_RENAME } from '../handles/fs-event.js';
import { watchStartError } from './errors.js';
import { FSWatcher, kFSWatchStart } from './fs-watcher.js';
import { decodeFilename, filenameEncoding, watchOptions } from './options.js';
import { RecursiveWatcher } from './recursive-watcher.js';

/** fs.watch(filename[, options][, listener]). */
export function watch(filename: unknown, options?: unknown, listener?: unknown): FSWatcher | RecursiveWatcher {
  if (typeof options === 'function') listener = options;
  const opts = watchOptions(options);
  if (opts.persistent === undefined) opts.persistent = true;
  if (opts.recursive === undefined) opts.recursive = false;
  const path = validatedPath(filename);
  let watcher: FSWatcher | RecursiveWatcher;
  if (opts.recursive) {
    // inotify has no recursive watch: one watcher per folder and file, as Node does on Linux.
    watcher = new RecursiveWatcher(opts);
    watcher[kFSWatchStart](path);
  } else {
    watcher = new FSWatcher();
    watcher[kFSWatchStart](path, opts.persistent, opts.recursive, opts.encoding);
  }
  if (listener) watcher.addListener('change', listener as (...args: unknown[]) => void);
  const signal = opts.signal as AbortSignal | undefined;
  if (signal) closeOnAbort(watcher, signal);
  return watcher;
}

function closeOnAbort(watcher: EventEmitter & { close(): void }, signal: AbortSignal): void {
  if (signal.aborted) {
    process.nextTick(() => watcher.close());
    return;
  }
  const onAbort = () => watcher.close();
  signal.addEventListener('abort', onAbort);
  watcher.once('close', () => signal.removeEventListener('abort', onAbort));
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface WatchEvent {
  eventType: 'rename' | 'change';
  filename: string | Buffer | null;
}

/**
 * fs.promises.watch(filename[, options]): events as an async iterator; an
 * abort ends it with an AbortError. As in Node, one event is held at a
 * time: the first event after a `next()` settles it, and events arriving
 * before the consumer asks again are dropped (the loop drains microtasks
 * after each event, so a consumer that only awaits the iterator sees all).
 */
export async function* promisesWatch(filename: unknown, options: unknown = {}): AsyncGenerator<WatchEvent, never, undefined> {
  const path = validatedPath(filename);
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options as Record<string, unknown>;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  // Node passes the value as the argument's name and the name as its value here; so do we.
  if (encoding && !Buffer.isEncoding(encoding as string))
    throw codedError('ERR_INVALID_ARG_VALUE', String(encoding), 'encoding', 'is invalid encoding');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  const nameEncoding = filenameEncoding(encoding);
  const handle = new FsEvent(defaultLoop());
  let next = deferred<WatchEvent>();
  const onAbort = () => {
    if (!handle.isClosing()) handle.close();
    next.reject(new AbortError(undefined, { cause: signal?.reason }));
  };
  try {
    signal?.addEventListener('abort', onAbort, { once: true });
    const status = handle.start(fsReq.pathBytes(path), (_status, events, name) => {
      next.resolve({ eventType: events & UV_RENAME ? 'rename' : 'change', filename: decodeFilename(name, nameEncoding) });
    });
    if (status < 0) throw watchStartError(status, path);
    if (!persistent) handle.unref();
    while (!signal?.aborted) {
      yield await next.promise;
      next = deferred<WatchEvent>();
    }
    throw new AbortError(undefined, { cause: signal.reason });
  } finally {
    if (!handle.isClosing()) handle.close();
    signal?.removeEventListener('abort', onAbort);
  }
}
