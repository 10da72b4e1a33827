/**
 * fs.rm as Node 20 runs it: its options checked, an lstat to refuse a
 * folder without `recursive` (ERR_FS_EISDIR) and to let `force` forgive a
 * missing path, then rimraf's lstat and an unlink, or for a folder one
 * request removing the whole tree (where rimraf lists and removes entry by
 * entry, each a request of its own).
 */
import type { Loop } from '@mini/loop';
import { UV_EISDIR, codedError, validateBoolean, validateInt32, validateObject, validateUint32 } from '@mini/sys';
import { pathText } from './args.js';
import * as req from './req.js';
import type { FsPath } from './req.js';
import { statxIsDir } from './stats.js';

export interface RmOptions {
  recursive: boolean;
  force: boolean;
  maxRetries: number;
  retryDelay: number;
}

const DEFAULTS: RmOptions = { recursive: false, force: false, maxRetries: 0, retryDelay: 100 };

/** Node's validateRmOptions, the synchronous part. */
export function rmOptions(options: unknown): RmOptions {
  if (options === undefined) return DEFAULTS;
  validateObject(options, 'options');
  const o = { ...DEFAULTS, ...options } as Record<string, unknown>;
  validateBoolean(o.recursive, 'options.recursive');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  validateUint32(o.maxRetries, 'options.maxRetries');
  validateBoolean(o.force, 'options.force');
  return o as unknown as RmOptions;
}

export function rimraf(loop: Loop, path: FsPath, options: unknown, cb: (err: Error | null) => void): void {
  const opts = rmOptions(options);
  req.statPath(loop, path, true, (err, stx) => {
    if (err !== null) return opts.force && err.code === 'ENOENT' ? cb(null) : cb(err);
    if (statxIsDir(stx) && !opts.recursive) {
      const shown = pathText(path);
      return cb(codedError('ERR_FS_EISDIR', { code: 'EISDIR', message: 'is a directory', path: shown, syscall: 'rm', errno: -UV_EISDIR }));
    }
    req.statPath(loop, path, true, (again, stx2) => {
      if (again !== null) return again.code === 'ENOENT' ? cb(null) : cb(again);
      const remove = statxIsDir(stx2) ? req.rmtree : req.unlink;
      remove(loop, path, (rmErr) => (rmErr !== null && rmErr.code !== 'ENOENT' ? cb(rmErr) : cb(null)));
    });
  });
}

let rmdirWarned = false;

/**
 * Node 20's deprecated rmdir(path, { recursive: true }): one warning per
 * process, an lstat, then a plain rmdir for anything but a folder (so a
 * file fails with ENOTDIR) or the whole tree for a folder.
 */
export function rmdirRecursive(loop: Loop, path: FsPath, options: unknown, cb: (err: Error | null) => void): void {
  rmOptions({ ...(options as object), force: false });
  if (!rmdirWarned) {
    rmdirWarned = true;
    process.emitWarning(
      'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead',
      'DeprecationWarning',
      'DEP0147',
    );
  }
  req.statPath(loop, path, true, (err, stx) => {
    if (err !== null) return cb(err);
    const remove = statxIsDir(stx) ? req.rmtree : req.rmdir;
    remove(loop, path, (rmErr) => (rmErr !== null ? cb(rmErr) : cb(null)));
  });
}
