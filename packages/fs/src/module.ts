/**
 * The node:fs module object.
 *
 * A synchronous call is a blocking syscall on the calling thread with no
 * loop taking part, so the host's sync functions behave exactly as ours
 * would and are used as they are (as are constants and the Stats/Dirent
 * classes). Everything asynchronous completes on our loop; what is not ours
 * yet throws ERR_MINI_NOT_IMPLEMENTED rather than silently running on the
 * host's loop. The object's properties are plain and writable, so other
 * packages (fs-watch) can add theirs.
 */
import hostFs from 'node:fs';
import { codedError } from '@mini/sys';
import { toUnixTimestamp } from './args.js';
import { cp, cpPromise } from './cp.js';
import { Dir, opendir, opendirPromise } from './dir.js';
import * as cbfs from './fs.js';
import { ourPromises } from './promises.js';
import { ReadStream, WriteStream, createReadStream, createWriteStream } from './streams.js';

/** Host values kept as they are: no loop behind them. */
const KEEP = new Set(['constants', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'Stats', 'Dirent']);

/** Kept unless it is a function that would do its work on the host's loop. */
function keepHost(key: string, desc: PropertyDescriptor): boolean {
  if (KEEP.has(key) || key.endsWith('Sync')) return true;
  // An accessor (ReadStream, WriteStream…) is a lazily loaded host class whose
  // I/O runs on the host's loop: refused like any other such function.
  return desc.get === undefined && typeof desc.value !== 'function';
}

function notImplemented(name: string): () => never {
  const fn = () => {
    throw codedError('ERR_MINI_NOT_IMPLEMENTED', `fs.${name}()`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/** The callback functions of ours, by their node:fs names. */
const CALLBACK_API = {
  access: cbfs.access,
  appendFile: cbfs.appendFile,
  chmod: cbfs.chmod,
  chown: cbfs.chown,
  close: cbfs.close,
  copyFile: cbfs.copyFile,
  exists: cbfs.exists,
  fchmod: cbfs.fchmod,
  fchown: cbfs.fchown,
  fdatasync: cbfs.fdatasync,
  fstat: cbfs.fstat,
  fsync: cbfs.fsync,
  ftruncate: cbfs.ftruncate,
  futimes: cbfs.futimes,
  lchown: cbfs.lchown,
  link: cbfs.link,
  lstat: cbfs.lstat,
  lutimes: cbfs.lutimes,
  mkdir: cbfs.mkdir,
  mkdtemp: cbfs.mkdtemp,
  open: cbfs.open,
  read: cbfs.read,
  readdir: cbfs.readdir,
  readFile: cbfs.readFile,
  readlink: cbfs.readlink,
  readv: cbfs.readv,
  realpath: cbfs.realpath,
  rename: cbfs.rename,
  rm: cbfs.rm,
  rmdir: cbfs.rmdir,
  stat: cbfs.stat,
  statfs: cbfs.statfs,
  symlink: cbfs.symlink,
  truncate: cbfs.truncate,
  unlink: cbfs.unlink,
  utimes: cbfs.utimes,
  write: cbfs.write,
  writeFile: cbfs.writeFile,
  writev: cbfs.writev,
  // Node's own helper, exported by node:fs: seconds from a number, numeric string or Date.
  _toUnixTimestamp: toUnixTimestamp,
  createReadStream,
  createWriteStream,
  opendir,
  Dir,
  cp,
  ReadStream,
  WriteStream,
  FileReadStream: ReadStream,
  FileWriteStream: WriteStream,
};

/** fs/promises: ours, host constants, the rest refused. */
function createPromises(): Record<string, unknown> {
  const promises: Record<string, unknown> = { ...ourPromises(), opendir: opendirPromise, cp: cpPromise };
  for (const key of Object.keys(hostFs.promises)) {
    if (!(key in promises)) {
      const value = (hostFs.promises as unknown as Record<string, unknown>)[key];
      promises[key] = typeof value === 'function' ? notImplemented(`promises.${key}`) : value;
    }
  }
  return promises;
}

let sharedPromises: Record<string, unknown> | undefined;

/** The fs/promises object, one per process like node:fs/promises (fs.promises is the same object). */
export function fsPromises(): Record<string, unknown> {
  return (sharedPromises ??= createPromises());
}

/** The node:fs module object. */
export function createFs(): Record<string, unknown> {
  const fs: Record<string, unknown> = {};
  // Descriptors, not values: reading a lazy getter would load host code for nothing.
  const host = Object.getOwnPropertyDescriptors(hostFs);
  for (const [key, desc] of Object.entries(host)) {
    if (key === 'promises' || !desc.enumerable) continue;
    if (!keepHost(key, desc)) fs[key] = notImplemented(key);
    else if (desc.get !== undefined) Object.defineProperty(fs, key, { enumerable: true, configurable: true, get: desc.get.bind(hostFs) });
    else fs[key] = desc.value;
  }
  Object.assign(fs, CALLBACK_API);
  Object.defineProperty(fs, 'promises', { enumerable: true, configurable: true, get: fsPromises });
  return fs;
}
