/**
 * The handle layer of fs: libuv's uv_fs_* requests, each one call of a libc
 * function on the thread pool. A request takes its arguments as plain
 * numbers and NUL-terminated byte buffers, and answers `(err, result)` with
 * Node's system error ("ENOENT: no such file or directory, open '/x'").
 *
 * Like libuv on Linux, every descriptor is opened O_CLOEXEC, and stat is
 * statx (so birthtime is what the file system knows, as in Node).
 */
import { WorkFunction, queueWork, type Loop } from '@mini/loop';
import { O_CLOEXEC, uvException, type SystemError, type WorkArg } from '@mini/sys';

export type FsCallback = (err: SystemError | null, result: number) => void;

const fn = {
  open: new WorkFunction('open', 'int', 'fast-io'),
  close: new WorkFunction('close', 'int', 'fast-io'),
  read: new WorkFunction('read', 'long', 'fast-io'),
  pread: new WorkFunction('pread', 'long', 'fast-io'),
  statx: new WorkFunction('statx', 'int', 'fast-io'),
};

/** <fcntl.h>: statx against the working directory, or on the fd itself. */
const AT_FDCWD = -100;
const AT_EMPTY_PATH = 0x1000;
const AT_SYMLINK_NOFOLLOW = 0x100;
/** STATX_BASIC_STATS | STATX_BTIME, what libuv asks for. */
const STATX_MASK = 0xfff;
/** sizeof(struct statx). */
const STATX_SIZE = 256;
const EMPTY_PATH = Buffer.from([0]);

/** A path as the kernel takes it: its bytes and a NUL (Node has already refused embedded NULs). */
export function pathBytes(path: FsPath): Buffer {
  if (typeof path === 'string') return Buffer.from(path + '\0');
  const out = Buffer.allocUnsafe(path.length + 1);
  out.set(path);
  out[path.length] = 0;
  return out;
}

/** A path given as bytes reads in messages as Node shows it: decoded as UTF-8. */
export type FsPath = string | Uint8Array;

function submit(loop: Loop, f: WorkFunction, args: WorkArg[], syscall: string, path: FsPath | undefined, cb: FsCallback): void {
  queueWork(loop, f, args, (result, errno) => {
    if (result >= 0) return cb(null, result);
    if (path === undefined) return cb(uvException(errno, { syscall }), result);
    cb(uvException(errno, { syscall, path: typeof path === 'string' ? path : Buffer.from(path).toString() }), result);
  });
}

export function open(loop: Loop, path: FsPath, flags: number, mode: number, cb: FsCallback): void {
  submit(loop, fn.open, [pathBytes(path), flags | O_CLOEXEC, mode], 'open', path, cb);
}

export function close(loop: Loop, fd: number, cb: FsCallback): void {
  submit(loop, fn.close, [fd], 'close', undefined, cb);
}

/** Read into `buf`; a position of -1 reads from the file's current offset, as libuv. */
export function read(loop: Loop, fd: number, buf: Uint8Array, length: number, position: number, cb: FsCallback): void {
  if (position < 0) submit(loop, fn.read, [fd, buf, length], 'read', undefined, cb);
  else submit(loop, fn.pread, [fd, buf, length, position], 'read', undefined, cb);
}

/**
 * statx results land in buffers lent from slabs and taken back after the
 * callback: a fresh ArrayBuffer per request costs more than the request
 * itself (measured: ~1.5 µs more per submission, koffi has to pin a new
 * backing store), while a view into an existing one costs nothing extra.
 */
const SLAB_ENTRIES = 64;
const statxFree: Uint8Array[] = [];

function takeStatx(): Uint8Array {
  if (statxFree.length === 0) {
    const slab = new Uint8Array(SLAB_ENTRIES * STATX_SIZE);
    for (let i = SLAB_ENTRIES - 1; i >= 0; i--) statxFree.push(slab.subarray(i * STATX_SIZE, (i + 1) * STATX_SIZE));
  }
  return statxFree.pop()!;
}

/** Called with the statx result, which is valid only until the callback returns. */
export type StatxCallback = (err: SystemError | null, stx: Uint8Array) => void;

function statx(loop: Loop, args: WorkArg[], out: Uint8Array, syscall: string, path: FsPath | undefined, cb: StatxCallback): void {
  submit(loop, fn.statx, args, syscall, path, (err) => {
    try {
      cb(err, out);
    } finally {
      statxFree.push(out);
    }
  });
}

/** statx of a path (lstat when `noFollow`). */
export function statPath(loop: Loop, path: FsPath, noFollow: boolean, cb: StatxCallback): void {
  const out = takeStatx();
  const flags = noFollow ? AT_SYMLINK_NOFOLLOW : 0;
  statx(loop, [AT_FDCWD, pathBytes(path), flags, STATX_MASK, out], out, noFollow ? 'lstat' : 'stat', path, cb);
}

/** statx of an open descriptor (fstat). */
export function statFd(loop: Loop, fd: number, cb: StatxCallback): void {
  const out = takeStatx();
  statx(loop, [fd, EMPTY_PATH, AT_EMPTY_PATH, STATX_MASK, out], out, 'fstat', undefined, cb);
}
