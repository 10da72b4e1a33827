/**
 * @mini/fs-watch: file watching for node:fs.
 *
 *   handles/  FsEvent (uv_fs_event, on the loop's inotify fd), FsPoll (uv_fs_poll)
 *   api/      fs.watch, FSWatcher, fs.promises.watch, fs.watchFile, StatWatcher
 */
import { watch, promisesWatch } from './api/watch.js';
import { unwatchFile, watchFile } from './api/watch-file.js';

export { FsEvent, UV_CHANGE, UV_RENAME, type FsEventCallback } from './handles/fs-event.js';
export { FsPoll, type FsPollCallback } from './handles/fs-poll.js';
export { inotifyOf, type Inotify } from './handles/inotify.js';
export { FSWatcher } from './api/fs-watcher.js';
export { StatWatcher } from './api/watch-file.js';
export { watch, promisesWatch, watchFile, unwatchFile };

/**
 * Put the watch functions on a node:fs object (what @mini/fs's createFs()
 * returns), replacing its placeholders; `promises.watch` too. Node keeps
 * FSWatcher and StatWatcher off the module object, and so do we.
 */
export function installWatch<T extends object>(fs: T): T {
  Object.assign(fs, { watch, watchFile, unwatchFile });
  const desc = Object.getOwnPropertyDescriptor(fs, 'promises');
  const withWatch = (promises: unknown): unknown => {
    if (promises !== null && typeof promises === 'object') (promises as Record<string, unknown>)['watch'] = promisesWatch;
    return promises;
  };
  if (desc?.get !== undefined && desc.configurable === true) {
    // Kept lazy: fs.promises is built on first use, and gets watch then.
    const get = desc.get;
    Object.defineProperty(fs, 'promises', { enumerable: desc.enumerable ?? true, configurable: true, get: () => withWatch(get.call(fs)) });
  } else {
    withWatch((fs as Record<string, unknown>)['promises']);
  }
  return fs;
}
