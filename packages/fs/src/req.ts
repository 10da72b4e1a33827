/**
 * The handle layer of fs: libuv's uv_fs_* requests, each one call of a libc
 * function on the thread pool. A request takes its arguments as plain
 * numbers and NUL-terminated byte buffers, and answers `(err, result)` with
 * Node's system error ("ENOENT: no such file or directory, open '/x'").
 *
 * Like libuv on Linux, every descriptor is opened O_CLOEXEC, and stat is
 * statx (so birthtime is what the file system knows, as in Node).
 */
import { WorkFunction, ledgerMark, queueWork, tracing, type Loop } from '@mini/loop';
import { O_CLOEXEC, lastError, libminiTable, uvException, type SystemError, type WorkArg } from '@mini/sys';

export type FsCallback = (err: SystemError | null, result: number) => void;

const fn = {
  open: new WorkFunction('open', 'int', 'fast-io', 'fs.open', true),
  close: new WorkFunction('close', 'int', 'fast-io', 'fs.close'),
  read: new WorkFunction('read', 'long', 'fast-io', 'fs.read'),
  pread: new WorkFunction('pread', 'long', 'fast-io', 'fs.read'),
  write: new WorkFunction('write', 'long', 'fast-io', 'fs.write'),
  pwrite: new WorkFunction('pwrite', 'long', 'fast-io', 'fs.write'),
  statx: new WorkFunction('statx', 'int', 'fast-io', 'fs.stat'),
  fsync: new WorkFunction('fsync', 'int', 'fast-io', 'fs.fsync'),
  fdatasync: new WorkFunction('fdatasync', 'int', 'fast-io', 'fs.fdatasync'),
  ftruncate: new WorkFunction('ftruncate', 'int', 'fast-io', 'fs.ftruncate'),
  unlink: new WorkFunction('unlink', 'int', 'fast-io', 'fs.unlink'),
  rmdir: new WorkFunction('rmdir', 'int', 'fast-io', 'fs.rmdir'),
  mkdir: new WorkFunction('mkdir', 'int', 'fast-io', 'fs.mkdir'),
  rename: new WorkFunction('rename', 'int', 'fast-io', 'fs.rename'),
  link: new WorkFunction('link', 'int', 'fast-io', 'fs.link'),
  symlink: new WorkFunction('symlink', 'int', 'fast-io', 'fs.symlink'),
  readlink: new WorkFunction('readlink', 'long', 'fast-io', 'fs.readlink'),
  access: new WorkFunction('access', 'int', 'fast-io', 'fs.access'),
  chmod: new WorkFunction('chmod', 'int', 'fast-io', 'fs.chmod'),
  fchmod: new WorkFunction('fchmod', 'int', 'fast-io', 'fs.fchmod'),
  chown: new WorkFunction('chown', 'int', 'fast-io', 'fs.chown'),
  fchown: new WorkFunction('fchown', 'int', 'fast-io', 'fs.fchown'),
  lchown: new WorkFunction('lchown', 'int', 'fast-io', 'fs.lchown'),
  utimensat: new WorkFunction('utimensat', 'int', 'fast-io', 'fs.utimes'),
  futimens: new WorkFunction('futimens', 'int', 'fast-io', 'fs.futimes'),
  scandir: new WorkFunction('mini_fs_scandir', 'long', 'fast-io', 'fs.readdir'),
  mkdirp: new WorkFunction('mini_fs_mkdirp', 'int', 'fast-io', 'fs.mkdir'),
  rmtree: new WorkFunction('mini_fs_rmtree', 'int', 'fast-io', 'fs.rm'),
  copyfile: new WorkFunction('mini_fs_copyfile', 'int', 'fast-io', 'fs.copyFile'),
  mkdtemp: new WorkFunction('mini_fs_mkdtemp', 'int', 'fast-io', 'fs.mkdtemp'),
  realpath: new WorkFunction('mini_fs_realpath', 'long', 'fast-io', 'fs.realpath'),
  statfs: new WorkFunction('statfs', 'int', 'fast-io', 'fs.statfs'),
  opendir: new WorkFunction('mini_fs_opendir', 'long', 'fast-io', 'fs.opendir'),
  readdir: new WorkFunction('mini_fs_readdir', 'long', 'fast-io', 'fs.Dir.read'),
  closedir: new WorkFunction('mini_fs_closedir', 'int', 'fast-io', 'fs.Dir.close'),
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

/** How a path reads in an error message: bytes decoded as UTF-8, as Node shows them. */
function shown(path: FsPath | undefined): string | undefined {
  return path === undefined || typeof path === 'string' ? path : Buffer.from(path).toString();
}

/** Above 0 while fs/promises submits: its requests are Node's FSReqPromise, not FSReqCallback. */
let promiseDepth = 0;

/** Run `submitting` with the requests it makes named as a promise's. */
export function forPromise<T>(submitting: () => T): T {
  promiseDepth++;
  try {
    return submitting();
  } finally {
    promiseDepth--;
  }
}

function submit(
  loop: Loop,
  f: WorkFunction,
  args: WorkArg[],
  syscall: string,
  path: FsPath | undefined,
  cb: FsCallback,
  dest?: FsPath,
): void {
  const req = queueWork(loop, f, args, (result, errno) => {
    if (result >= 0) return cb(null, result);
    cb(uvException(errno, { syscall, path: shown(path), dest: shown(dest) }), result);
  });
  if (promiseDepth > 0) req.forPromise = true;
  // A trace names the request as the call it serves (fs.lstat, fs.fstat: all one statx).
  if (tracing.tracer !== null) req.label = `fs.${syscall}`;
}

/**
 * In a worker, the fds fs.open gives out are in the thread's fd ledger
 * until closed, so the parent closes those the worker left open when it
 * ends (Node's trackUnmanagedFds, on by default).
 */
export function open(loop: Loop, path: FsPath, flags: number, mode: number, cb: FsCallback): void {
  submit(loop, fn.open, [pathBytes(path), flags | O_CLOEXEC, mode], 'open', path, (err, fd) => {
    if (err === null) ledgerMark(fd, true);
    cb(err, fd);
  });
}

export function close(loop: Loop, fd: number, cb: FsCallback): void {
  ledgerMark(fd, false);
  submit(loop, fn.close, [fd], 'close', undefined, cb);
}

/** Read into `buf`; a position of -1 reads from the file's current offset, as libuv. */
export function read(loop: Loop, fd: number, buf: Uint8Array, length: number, position: number, cb: FsCallback): void {
  if (position < 0) submit(loop, fn.read, [fd, buf, length], 'read', undefined, cb);
  else submit(loop, fn.pread, [fd, buf, length, position], 'read', undefined, cb);
}

/** Write from `buf`; a position of -1 writes at the file's current offset. */
export function write(loop: Loop, fd: number, buf: Uint8Array, length: number, position: number, cb: FsCallback): void {
  if (position < 0) submit(loop, fn.write, [fd, buf, length], 'write', undefined, cb);
  else submit(loop, fn.pwrite, [fd, buf, length, position], 'write', undefined, cb);
}

export function fsync(loop: Loop, fd: number, cb: FsCallback): void {
  submit(loop, fn.fsync, [fd], 'fsync', undefined, cb);
}

export function fdatasync(loop: Loop, fd: number, cb: FsCallback): void {
  submit(loop, fn.fdatasync, [fd], 'fdatasync', undefined, cb);
}

export function ftruncate(loop: Loop, fd: number, length: number, cb: FsCallback): void {
  submit(loop, fn.ftruncate, [fd, length], 'ftruncate', undefined, cb);
}

export function unlink(loop: Loop, path: FsPath, cb: FsCallback): void {
  submit(loop, fn.unlink, [pathBytes(path)], 'unlink', path, cb);
}

export function rmdir(loop: Loop, path: FsPath, cb: FsCallback): void {
  submit(loop, fn.rmdir, [pathBytes(path)], 'rmdir', path, cb);
}

export function mkdir(loop: Loop, path: FsPath, mode: number, cb: FsCallback): void {
  submit(loop, fn.mkdir, [pathBytes(path), mode], 'mkdir', path, cb);
}

/** mkdir -p; answers the shallowest folder it made, or undefined when every one existed. */
export function mkdirp(loop: Loop, path: FsPath, mode: number, cb: (err: SystemError | null, first?: Buffer) => void): void {
  const bytes = pathBytes(path);
  const first = Buffer.allocUnsafe(bytes.length);
  submit(loop, fn.mkdirp, [bytes, mode, first, first.length], 'mkdir', path, (err) => {
    if (err !== null) return cb(err);
    const end = first.indexOf(0);
    cb(null, end > 0 ? first.subarray(0, end) : undefined);
  });
}

/** Everything under and including `path`, never following links. */
export function rmtree(loop: Loop, path: FsPath, cb: FsCallback): void {
  submit(loop, fn.rmtree, [pathBytes(path)], 'rm', path, cb);
}

export function rename(loop: Loop, from: FsPath, to: FsPath, cb: FsCallback): void {
  submit(loop, fn.rename, [pathBytes(from), pathBytes(to)], 'rename', from, cb, to);
}

export function link(loop: Loop, from: FsPath, to: FsPath, cb: FsCallback): void {
  submit(loop, fn.link, [pathBytes(from), pathBytes(to)], 'link', from, cb, to);
}

export function symlink(loop: Loop, target: FsPath, path: FsPath, cb: FsCallback): void {
  submit(loop, fn.symlink, [pathBytes(target), pathBytes(path)], 'symlink', target, cb, path);
}

export function copyfile(loop: Loop, from: FsPath, to: FsPath, flags: number, cb: FsCallback): void {
  submit(loop, fn.copyfile, [pathBytes(from), pathBytes(to), flags], 'copyfile', from, cb, to);
}

export function access(loop: Loop, path: FsPath, mode: number, cb: FsCallback): void {
  submit(loop, fn.access, [pathBytes(path), mode], 'access', path, cb);
}

export function chmod(loop: Loop, path: FsPath, mode: number, cb: FsCallback): void {
  submit(loop, fn.chmod, [pathBytes(path), mode], 'chmod', path, cb);
}

export function fchmod(loop: Loop, fd: number, mode: number, cb: FsCallback): void {
  submit(loop, fn.fchmod, [fd, mode], 'fchmod', undefined, cb);
}

/** chown, or lchown when `noFollow`. */
export function chown(loop: Loop, path: FsPath, uid: number, gid: number, noFollow: boolean, cb: FsCallback): void {
  submit(loop, noFollow ? fn.lchown : fn.chown, [pathBytes(path), uid, gid], noFollow ? 'lchown' : 'chown', path, cb);
}

export function fchown(loop: Loop, fd: number, uid: number, gid: number, cb: FsCallback): void {
  submit(loop, fn.fchown, [fd, uid, gid], 'fchown', undefined, cb);
}

/** Two struct timespec from seconds, as libuv's uv__fs_to_timespec rounds them. */
function timespecs(atime: number, mtime: number): BigInt64Array {
  const ts = new BigInt64Array(4);
  for (const [i, t] of [atime, mtime].entries()) {
    let sec = Math.trunc(t);
    let nsec = Math.trunc((t - sec) * 1e9);
    if (nsec < 0) {
      sec -= 1;
      nsec += 1e9;
    }
    ts[i * 2] = BigInt(sec);
    ts[i * 2 + 1] = BigInt(nsec);
  }
  return ts;
}

/** utimes, or lutimes when `noFollow`. */
export function utime(loop: Loop, path: FsPath, atime: number, mtime: number, noFollow: boolean, cb: FsCallback): void {
  const args = [AT_FDCWD, pathBytes(path), timespecs(atime, mtime), noFollow ? AT_SYMLINK_NOFOLLOW : 0];
  submit(loop, fn.utimensat, args, noFollow ? 'lutime' : 'utime', path, cb);
}

export function futime(loop: Loop, fd: number, atime: number, mtime: number, cb: FsCallback): void {
  submit(loop, fn.futimens, [fd, timespecs(atime, mtime)], 'futime', undefined, cb);
}

/** PATH_MAX: what readlink and realpath may answer. */
const PATH_MAX = 4096;

export function readlink(loop: Loop, path: FsPath, cb: (err: SystemError | null, target?: Buffer) => void): void {
  const out = Buffer.allocUnsafe(PATH_MAX);
  submit(loop, fn.readlink, [pathBytes(path), out, PATH_MAX], 'readlink', path, (err, n) =>
    err !== null ? cb(err) : cb(null, out.subarray(0, n)),
  );
}

export function realpath(loop: Loop, path: FsPath, cb: (err: SystemError | null, resolved?: Buffer) => void): void {
  const out = Buffer.allocUnsafe(PATH_MAX);
  submit(loop, fn.realpath, [pathBytes(path), out], 'realpath', path, (err, n) => (err !== null ? cb(err) : cb(null, out.subarray(0, n))));
}

/** mkdtemp of `prefix` + XXXXXX; answers the folder made. */
export function mkdtemp(loop: Loop, prefix: FsPath, cb: (err: SystemError | null, made?: Buffer) => void): void {
  const tmpl = Buffer.concat([typeof prefix === 'string' ? Buffer.from(prefix) : prefix, Buffer.from('XXXXXX\0')]);
  // Shown as the call left the template: mkdtemp fills it in before it fails.
  submit(loop, fn.mkdtemp, [tmpl], 'mkdtemp', tmpl.subarray(0, tmpl.length - 1), (err) =>
    err !== null ? cb(err) : cb(null, tmpl.subarray(0, tmpl.length - 1)),
  );
}

/** One folder entry: its name's bytes and libuv's UV_DIRENT_* type. */
export interface DirEntry {
  name: Buffer;
  type: number;
}

/** d_type (DT_*) → UV_DIRENT_* (unknown, file, dir, link, fifo, socket, char, block). */
const DIRENT_TYPE: Record<number, number> = { 0: 0, 8: 1, 4: 2, 10: 3, 1: 4, 12: 5, 2: 6, 6: 7 };
const SCANDIR_FIRST_TRY = 16 * 1024;

/** The (d_type, name, NUL) records the folder wrappers write. */
function entriesOf(out: Buffer, used: number): DirEntry[] {
  const entries: DirEntry[] = [];
  for (let at = 0; at < used;) {
    const end = out.indexOf(0, at + 1);
    entries.push({ type: DIRENT_TYPE[out[at]!] ?? 0, name: out.subarray(at + 1, end) });
    at = end + 1;
  }
  return entries;
}

/** uv_fs_scandir: every entry but . and .., sorted as libuv sorts them. */
export function scandir(loop: Loop, path: FsPath, cb: (err: SystemError | null, entries?: DirEntry[]) => void): void {
  const bytes = pathBytes(path);
  const attempt = (cap: number) => {
    const out = Buffer.allocUnsafe(cap);
    submit(loop, fn.scandir, [bytes, out, cap], 'scandir', path, (err, used) => {
      if (err !== null) return cb(err);
      // The folder grew past the buffer: once more with room for what it holds now.
      if (used > cap) return attempt(used + 4096);
      cb(null, entriesOf(out, used));
    });
  };
  attempt(SCANDIR_FIRST_TRY);
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

/** uv_fs_opendir: answers the DIR * as a number, for readdir and closedir. */
export function opendir(loop: Loop, path: FsPath, cb: FsCallback): void {
  submit(loop, fn.opendir, [pathBytes(path)], 'opendir', path, cb);
}

/** Room for one entry: a type byte, NAME_MAX bytes of name and the NUL. */
const ENTRY_ROOM = 1 + 255 + 1;

/** A folder handle's reads land in one buffer of its own, lent to one request at a time. */
export function direntBuffer(max: number): Buffer {
  return Buffer.allocUnsafe(max * ENTRY_ROOM);
}

/** uv_fs_readdir: up to `max` entries into `out` (from direntBuffer), in the file system's order; none at the end. */
export function readdir(
  loop: Loop,
  dir: number,
  out: Buffer,
  max: number,
  cb: (err: SystemError | null, entries?: DirEntry[]) => void,
): void {
  submit(loop, fn.readdir, [dir, out, max], 'readdir', undefined, (err, used) => (err !== null ? cb(err) : cb(null, entriesOf(out, used))));
}

export function closedir(loop: Loop, dir: number, cb: FsCallback): void {
  submit(loop, fn.closedir, [dir], 'closedir', undefined, cb);
}

/** sizeof(struct statfs) on 64-bit Linux: eleven words and four spare. */
const STATFS_SIZE = 120;

/** statfs(2); answers the struct's bytes. */
export function statfs(loop: Loop, path: FsPath, cb: (err: SystemError | null, buf?: Buffer) => void): void {
  const out = Buffer.alloc(STATFS_SIZE);
  submit(loop, fn.statfs, [pathBytes(path), out], 'statfs', path, (err) => (err !== null ? cb(err) : cb(null, out)));
}

/** The same folder calls made on the calling thread, for a Dir's readSync and closeSync. */
const dirNow = libminiTable({
  mini_fs_opendir: 'long mini_fs_opendir(const char *path)',
  mini_fs_readdir: 'long mini_fs_readdir(long handle, _Out_ void *out, long max)',
  mini_fs_closedir: 'int mini_fs_closedir(long handle)',
});

/** uv_fs_opendir without a request: the DIR * as a number, or Node's error thrown. */
export function opendirNow(path: string): number {
  const dir = dirNow().mini_fs_opendir(path);
  if (dir < 0) throw uvException(lastError(), { syscall: 'opendir', path });
  return dir;
}

/** uv_fs_readdir without a request: the entries, or Node's error thrown. */
export function readdirNow(dir: number, out: Buffer, max: number): DirEntry[] {
  const used = dirNow().mini_fs_readdir(dir, out, max);
  if (used < 0) throw uvException(lastError(), { syscall: 'readdir' });
  return entriesOf(out, used);
}

export function closedirNow(dir: number): void {
  if (dirNow().mini_fs_closedir(dir) < 0) throw uvException(lastError(), { syscall: 'closedir' });
}
