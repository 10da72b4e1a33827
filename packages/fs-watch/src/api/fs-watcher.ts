/**
 * fs.FSWatcher: the EventEmitter over one FsEvent handle, as Node's
 * lib/internal/fs/watchers.js. 'change' (eventType, filename) for each
 * kernel event; 'close' on the tick after close(), which is safe from
 * inside a 'change' listener (the handle drops the rest of its batch).
 */
import { EventEmitter } from 'node:events';
import { defaultLoop } from '@mini/loop';
import { fsReq, validatedPath } from '@mini/fs';
import { FsEvent, UV_RENAME } from '../handles/fs-event.js';
import { watchStartError } from './errors.js';
import { decodeFilename, filenameEncoding } from './options.js';

export const kFSWatchStart = Symbol('kFSWatchStart');

export class FSWatcher extends EventEmitter {
  _handle: FsEvent | null;
  private started = false;

  constructor() {
    super();
    this._handle = new FsEvent(defaultLoop());
  }

  [kFSWatchStart](filename: unknown, persistent: unknown, _recursive: unknown, encoding: unknown): void {
    const handle = this._handle;
    if (handle === null || this.started) return;
    const path = validatedPath(filename, 'filename');
    const nameEncoding = filenameEncoding(encoding);
    // Events on the watched path itself all carry the handle's one basename: decoded once (a string; a Buffer is copied each time).
    let lastName: Buffer | null = null;
    let lastDecoded: string | Buffer | null = null;
    const status = handle.start(fsReq.pathBytes(path), (_status, events, name) => {
      if (name !== lastName || nameEncoding === 'buffer') {
        lastName = name;
        lastDecoded = decodeFilename(name, nameEncoding);
      }
      this.emit('change', events & UV_RENAME ? 'rename' : 'change', lastDecoded);
    });
    if (status < 0) throw watchStartError(status, path);
    this.started = true;
    // Node's FSEvent takes only `true` as persistent.
    if (persistent !== true) handle.unref();
  }

  close(): void {
    const handle = this._handle;
    if (handle === null || !this.started) return;
    handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref(): this {
    this._handle?.ref();
    return this;
  }

  unref(): this {
    this._handle?.unref();
    return this;
  }

  /** Present on Node's FSWatcher (a leftover of its public API); does nothing. */
  start(): void {}
}
