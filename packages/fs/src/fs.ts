/**
 * node:fs's callback functions on our loop.
 *
 * Each function checks its arguments as Node 20 does (same order, same
 * errors), then issues the same pool requests Node issues, one per syscall
 * Node makes (writeFile is open, write…, close; truncate is open,
 * ftruncate, close), so its callbacks land in the same loop turns relative
 * to timers and immediates. A callback gets the arguments Node's does: an
 * error alone, or null and the result (null alone when there is none).
 */
import { readdirSync, type Dirent, type Stats, type StatsFs } from 'node:fs';
import { defaultLoop } from '@mini/loop';
import {
  AbortError,
  UV_EINVAL,
  codedError,
  uvException,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
  type SystemError,
} from '@mini/sys';
import {
  bytesOf,
  encoded,
  getOptions,
  isFd,
  nativeMode,
  parseFileMode,
  pathText,
  stringToFlags,
  toUnixTimestamp,
  validateBufferArray,
  validatedFd,
  validatedFdNative,
  validatedPath,
  validateEncoding,
  validateId,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateStringAfterArrayBufferView,
  type FsOptions,
} from './args.js';
import { direntsOf } from './dirents.js';
import { readFileOnLoop } from './read-file.js';
import { realpathWalk } from './realpath.js';
import * as req from './req.js';
import { rimraf, rmdirRecursive } from './rm.js';
import { bigIntStatsFromStatx, statFsFromStruct, statsFromStatx } from './stats.js';

export type Callback<T> = (err: Error | null, value?: T) => void;
type Done = (err: Error | null) => void;

const loop = () => defaultLoop();

/** Node's makeCallback: the callback is required and must be a function. */
function makeCallback<T extends (...args: never[]) => void>(cb: unknown): T {
  validateFunction(cb, 'cb');
  return cb as unknown as T;
}

/** The request's answer as Node hands it on: the error alone, or null alone. */
function noResult(cb: Done): req.FsCallback {
  return (err) => (err !== null ? cb(err) : cb(null));
}

/** An optional argument before the callback: (arg, cb), or (cb) and the default. */
function shifted(arg: unknown, callback: unknown, def: unknown): [unknown, unknown] {
  return typeof arg === 'function' ? [def, arg] : [arg, callback];
}

/** Node's aggregateTwoErrors for the close that follows a failure: the first error wins, both kept. */
function firstOf(inner: Error | null, outer: Error | null): Error | null {
  if (inner !== null && outer !== null && inner !== outer) {
    return new AggregateError([outer, inner], outer.message) as Error;
  }
  return inner ?? outer;
}

// ---- readFile ---------------------------------------------------------------

interface ReadFileOpts {
  encoding: BufferEncoding | undefined;
  flag: unknown;
  signal: AbortSignal | undefined;
}

/** Node's getOptions(options, { flag: 'r' }) with the encoding and signal checked. */
export function readFileOptions(options: unknown): ReadFileOpts {
  const opts = getOptions(options, { flag: 'r' });
  const encoding = opts.encoding;
  // 'buffer' passes the check, as in Node, and then fails to decode (below).
  const enc = encoding === undefined || encoding === null ? undefined : (encoding as BufferEncoding);
  return { encoding: enc, flag: opts.flag, signal: opts.signal as AbortSignal | undefined };
}

export function readFileWith(path: unknown, opts: ReadFileOpts, cb: Callback<Buffer | string>): void {
  const done = (err: Error | null, data?: Buffer) => {
    if (err !== null) return cb(err);
    if (opts.encoding === undefined) return cb(null, data);
    let text: string;
    try {
      text = data!.toString(opts.encoding);
    } catch (decodeErr) {
      return cb(decodeErr as Error);
    }
    cb(null, text);
  };
  if (typeof path === 'number' && (path | 0) === path) {
    readFileOnLoop(loop(), path, { flags: 0, signal: opts.signal }, done);
    return;
  }
  // Node's checkAborted calls back at once.
  if (opts.signal?.aborted === true) return cb(new AbortError(undefined, { cause: opts.signal.reason }));
  const flags = stringToFlags(opts.flag, 'flags');
  const file = validatedPath(path);
  readFileOnLoop(loop(), file, { flags, signal: opts.signal }, done);
}

/** fs.readFile(path[, options], callback). */
export function readFile(path: unknown, options: unknown, callback?: unknown): void {
  const cb = callback ?? options;
  validateFunction(cb, 'cb');
  readFileWith(path, readFileOptions(options), cb as Callback<Buffer | string>);
}

// ---- stat -------------------------------------------------------------------

function wantsBigint(options: unknown): boolean {
  return options !== null && typeof options === 'object' && (options as { bigint?: unknown }).bigint === true;
}

export function deliverStats(bigint: boolean, cb: Callback<Stats>): req.StatxCallback {
  // Named: a program's stack shows node's frame for a stats callback in its place (apps/mini's launcher).
  const statsDone = (err: SystemError | null, stx: Uint8Array): void => {
    if (err !== null) return cb(err);
    // Decoded before the user's callback runs: the buffer goes back to its slab after this.
    const stats = bigint ? (bigIntStatsFromStatx(stx) as unknown as Stats) : statsFromStatx(stx);
    cb(null, stats);
  };
  return statsDone;
}

export function statWith(path: unknown, options: unknown, cb: Callback<Stats>, noFollow: boolean): void {
  const file = validatedPath(path);
  req.statPath(loop(), file, noFollow, deliverStats(wantsBigint(options), cb));
}

/** fs.stat(path[, options], callback). */
export function stat(path: unknown, options: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? options : callback;
  validateFunction(cb, 'cb');
  statWith(path, options, cb as Callback<Stats>, false);
}

/** fs.lstat(path[, options], callback). */
export function lstat(path: unknown, options: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? options : callback;
  validateFunction(cb, 'cb');
  statWith(path, options, cb as Callback<Stats>, true);
}

/** fs.fstat(fd[, options], callback). */
export function fstat(fd: unknown, options: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? options : callback;
  validateFunction(cb, 'cb');
  const n = validatedFdNative(fd);
  req.statFd(loop(), n, deliverStats(wantsBigint(options), cb as Callback<Stats>));
}

/** fs.statfs(path[, options], callback). */
export function statfs(path: unknown, options?: unknown, callback?: unknown): void {
  const cb = makeCallback<Callback<StatsFs>>(typeof options === 'function' ? options : callback);
  const p = validatedPath(path);
  const bigint = wantsBigint(options);
  req.statfs(loop(), p, (err, buf) => (err !== null ? cb(err) : cb(null, statFsFromStruct(buf!, bigint))));
}

// ---- descriptors ------------------------------------------------------------

/** fs.open(path[, flags[, mode]], callback). */
export function open(path: unknown, flags: unknown, mode?: unknown, callback?: unknown): void {
  const file = validatedPath(path);
  let cb = callback;
  let perm = 0o666;
  let fl = flags;
  if (arguments.length < 3) {
    cb = flags;
    fl = 'r';
  } else if (typeof mode === 'function') {
    cb = mode;
  } else {
    perm = parseFileMode(mode, 'mode', 0o666);
  }
  const n = stringToFlags(fl);
  const done = makeCallback<Callback<number>>(cb);
  req.open(loop(), file, n, perm, (err, fd) => (err !== null ? done(err) : done(null, fd)));
}

function defaultCloseCallback(err: Error | null): void {
  if (err !== null) throw err;
}

/** fs.close(fd[, callback]). */
export function close(fd: unknown, callback: unknown = defaultCloseCallback): void {
  const cb = callback === defaultCloseCallback ? defaultCloseCallback : makeCallback<Done>(callback);
  req.close(loop(), validatedFdNative(fd), noResult(cb));
}

/** Node's maybeCallback: like makeCallback, checked where Node checks it. */
const maybeCallback = makeCallback;

/** fs.read(fd, buffer, offset, length, position, callback) and its shorter forms. */
export function read(
  fd: unknown,
  buffer?: unknown,
  offsetOrOptions?: unknown,
  length?: unknown,
  position?: unknown,
  callback?: unknown,
): void {
  const n = validatedFd(fd);
  let buf = buffer;
  let offset = offsetOrOptions;
  let len = length;
  let pos = position;
  let cb = callback;
  if (arguments.length <= 4) {
    let params: unknown;
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', { allowNullable: true });
      cb = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        buf = (params as { buffer?: unknown } | null | undefined)?.buffer ?? Buffer.alloc(16384);
      }
      cb = offsetOrOptions;
    } else {
      cb = buffer;
      buf = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', { allowNullable: true });
    const p = (params ?? {}) as { offset?: unknown; length?: unknown; position?: unknown };
    offset = p.offset ?? 0;
    len = p.length ?? (ArrayBuffer.isView(buf) ? buf.byteLength - (offset as number) : undefined);
    pos = p.position ?? null;
  }
  readWith(n, buf, offset, len, pos, maybeCallback<ReadCallback>(cb));
}

type ReadCallback = (err: Error | null, bytesRead?: number, buffer?: ArrayBufferView) => void;

/** What fs.read checks after its arguments are sorted out; also FileHandle.read's. */
export function checkRead(
  buf: unknown,
  offset: unknown,
  length: unknown,
  position: unknown,
): { view: ArrayBufferView; offset: number; length: number; position: number } {
  if (!ArrayBuffer.isView(buf)) throw codedError('ERR_INVALID_ARG_TYPE', 'buffer', ['Buffer', 'TypedArray', 'DataView'], buf);
  let off = 0;
  if (offset !== null && offset !== undefined) {
    validateInteger(offset, 'offset', 0);
    off = offset;
  }
  const len = (length as number) | 0;
  if (len === 0) return { view: buf, offset: off, length: 0, position: -1 };
  if (buf.byteLength === 0) throw codedError('ERR_INVALID_ARG_VALUE', 'buffer', buf, 'is empty and cannot be written');
  validateOffsetLengthRead(off, len, buf.byteLength);
  const pos = validatePosition(position ?? -1, 'position');
  return { view: buf, offset: off, length: len, position: pos };
}

function readWith(fd: number, buf: unknown, offset: unknown, length: unknown, position: unknown, cb: ReadCallback): void {
  const r = checkRead(buf, offset, length, position);
  if (r.length === 0) {
    process.nextTick(() => cb(null, 0, r.view));
    return;
  }
  const target = bytesOf(r.view).subarray(r.offset, r.offset + r.length);
  req.read(loop(), fd, target, r.length, r.position, (err, got) => (err !== null ? cb(err, 0, r.view) : cb(null, got, r.view)));
}

type WriteCallback = (err: Error | null, written?: number, data?: unknown) => void;

/** The bytes fs.write sends and where, sorted out as Node 20 does for both forms. */
export interface WritePlan {
  bytes: Uint8Array;
  position: number;
  data: unknown;
}

/** fs.write's buffer form: (buffer[, offset[, length[, position]]]) or (buffer, options). */
export function planBufferWrite(buffer: ArrayBufferView, offsetOrOptions: unknown, length: unknown, position: unknown): WritePlan {
  let offset = offsetOrOptions;
  let len = length;
  let pos = position;
  if (offset !== null && typeof offset === 'object') {
    const o = offset as { offset?: unknown; length?: unknown; position?: unknown };
    offset = o.offset ?? 0;
    len = o.length ?? buffer.byteLength - (offset as number);
    pos = o.position ?? null;
  }
  let off = 0;
  if (offset !== null && offset !== undefined && typeof offset !== 'function') {
    validateInteger(offset, 'offset', 0);
    off = offset;
  }
  const n = typeof len === 'number' ? len : buffer.byteLength - off;
  validateOffsetLengthWrite(off, n, buffer.byteLength);
  return { bytes: bytesOf(buffer).subarray(off, off + n), position: typeof pos === 'number' ? pos : -1, data: buffer };
}

/** fs.write's string form: (string[, position[, encoding]]). */
export function planStringWrite(text: unknown, position: unknown, encoding: unknown): WritePlan {
  validateStringAfterArrayBufferView(text, 'buffer');
  const enc = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
  validateEncoding(text, encoding ?? 'utf8');
  return { bytes: Buffer.from(text, enc), position: typeof position === 'number' ? position : -1, data: text };
}

/** fs.write(fd, buffer[, offset[, length[, position]]], callback) and fs.write(fd, string[, position[, encoding]], callback). */
export function write(
  fd: unknown,
  buffer: unknown,
  offsetOrOptions?: unknown,
  length?: unknown,
  position?: unknown,
  callback?: unknown,
): void {
  const n = validatedFd(fd);
  let plan: WritePlan;
  let cb: WriteCallback;
  if (ArrayBuffer.isView(buffer)) {
    cb = maybeCallback<WriteCallback>(callback ?? position ?? length ?? offsetOrOptions);
    plan = planBufferWrite(
      buffer,
      offsetOrOptions,
      typeof length === 'function' ? undefined : length,
      typeof position === 'function' ? undefined : position,
    );
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer');
    let pos = offsetOrOptions;
    let enc = length;
    let last = position;
    if (typeof position !== 'function') {
      if (typeof offsetOrOptions === 'function') {
        last = offsetOrOptions;
        pos = null;
      } else {
        last = length;
      }
      enc = 'utf8';
    }
    validateEncoding(buffer, enc);
    cb = maybeCallback<WriteCallback>(last);
    plan = planStringWrite(buffer, pos, enc);
  }
  req.write(loop(), n, plan.bytes, plan.bytes.length, plan.position, (err, written) =>
    err !== null ? cb(err, 0, plan.data) : cb(null, written, plan.data),
  );
}

/** Gathered into one buffer: one write(2) as writev would be, without an iovec of addresses. */
export function gather(buffers: readonly ArrayBufferView[]): Uint8Array {
  if (buffers.length === 1) return bytesOf(buffers[0]!);
  return Buffer.concat(buffers.map(bytesOf));
}

/** Spread what one read(2) brought across the buffers, as readv fills them. */
export function scatter(from: Uint8Array, got: number, buffers: readonly ArrayBufferView[]): void {
  let at = 0;
  for (const b of buffers) {
    if (at >= got) break;
    const dst = bytesOf(b);
    const n = Math.min(dst.length, got - at);
    dst.set(from.subarray(at, at + n));
    at += n;
  }
}

function totalLength(buffers: readonly ArrayBufferView[]): number {
  let n = 0;
  for (const b of buffers) n += b.byteLength;
  return n;
}

/** readv(2) as one read into one buffer, spread afterwards: the same single syscall. */
export function readvOnLoop(
  fd: number,
  buffers: readonly ArrayBufferView[],
  position: number,
  cb: (err: SystemError | null, got: number) => void,
): void {
  // libuv refuses a read of no buffers before queueing it, and Node calls back at once.
  if (buffers.length === 0) return cb(uvException(UV_EINVAL, { syscall: 'read' }), 0);
  const size = totalLength(buffers);
  const one = buffers.length === 1 ? bytesOf(buffers[0]!) : Buffer.allocUnsafe(size);
  req.read(loop(), fd, one, size, position, (err, got) => {
    if (err !== null) return cb(err, 0);
    if (buffers.length !== 1) scatter(one, got, buffers);
    cb(null, got);
  });
}

/** fs.readv(fd, buffers[, position], callback). */
export function readv(fd: unknown, buffers: unknown, position?: unknown, callback?: unknown): void {
  const n = validatedFd(fd);
  validateBufferArray(buffers);
  const cb = maybeCallback<WriteCallback>(callback ?? position);
  const pos = typeof position === 'number' ? position : -1;
  readvOnLoop(n, buffers, pos, (err, got) => (err !== null ? cb(err, 0, buffers) : cb(null, got, buffers)));
}

/** fs.writev(fd, buffers[, position], callback). */
export function writev(fd: unknown, buffers: unknown, position?: unknown, callback?: unknown): void {
  const n = validatedFd(fd);
  validateBufferArray(buffers);
  const cb = maybeCallback<WriteCallback>(callback ?? position);
  if (buffers.length === 0) {
    process.nextTick(cb, null, 0, buffers);
    return;
  }
  const pos = typeof position === 'number' ? position : -1;
  const bytes = gather(buffers);
  req.write(loop(), n, bytes, bytes.length, pos, (err, written) => (err !== null ? cb(err, 0, buffers) : cb(null, written, buffers)));
}

function fdCall(name: 'fsync' | 'fdatasync') {
  return (fd: unknown, callback?: unknown): void => {
    const cb = makeCallback<Done>(callback);
    req[name](loop(), validatedFdNative(fd), noResult(cb));
  };
}

/** fs.fsync(fd, callback). */
export const fsync = fdCall('fsync');
/** fs.fdatasync(fd, callback). */
export const fdatasync = fdCall('fdatasync');

/** fs.ftruncate(fd[, len], callback). */
export function ftruncate(fd: unknown, len?: unknown, callback?: unknown): void {
  let length = len ?? 0;
  let cb = callback;
  if (typeof len === 'function') {
    cb = len;
    length = 0;
  }
  validateInteger(length, 'len');
  const done = makeCallback<Done>(cb);
  req.ftruncate(loop(), validatedFdNative(fd), Math.max(0, length), noResult(done));
}

let truncateFdWarned = false;

/** fs.truncate(path[, len], callback): open r+, ftruncate, close, as Node does. */
export function truncate(path: unknown, len?: unknown, callback?: unknown): void {
  if (typeof path === 'number') {
    if (!truncateFdWarned) {
      truncateFdWarned = true;
      process.emitWarning(
        'Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.',
        'DeprecationWarning',
        'DEP0081',
      );
    }
    ftruncate(path, len, callback);
    return;
  }
  let length = len;
  let cb = callback;
  if (typeof len === 'function') {
    cb = len;
    length = 0;
  } else if (len === undefined) {
    length = 0;
  }
  validateInteger(length, 'len');
  const size = Math.max(0, length);
  const done = maybeCallback<Done>(cb);
  open(path, 'r+', (openErr: Error | null, fd?: number) => {
    if (openErr !== null) return done(openErr);
    req.ftruncate(loop(), fd!, size, (err) => {
      close(fd, (closeErr: Error | null) => done(firstOf(closeErr, err)));
    });
  });
}

// ---- writeFile and appendFile ----------------------------------------------

/** Node's writeAll: write until everything is written, fsync when flushing, close what we opened. */
function writeAll(fd: number, ownFd: boolean, bytes: Uint8Array, signal: AbortSignal | undefined, flush: boolean, cb: Done): void {
  const finish = (err: Error | null) => {
    if (!ownFd) return err !== null ? cb(err) : cb(null);
    close(fd, (closeErr: Error | null) => cb(firstOf(closeErr, err)));
  };
  if (signal?.aborted === true) return finish(new AbortError(undefined, { cause: signal.reason }));
  req.write(loop(), fd, bytes, bytes.length, -1, (err, written) => {
    if (err !== null) return finish(err);
    if (written < bytes.length) return writeAll(fd, ownFd, bytes.subarray(written), signal, flush, cb);
    if (!flush) return ownFd ? close(fd, cb) : cb(null);
    req.fsync(loop(), fd, (syncErr) => (syncErr !== null ? finish(syncErr) : ownFd ? close(fd, cb) : cb(null)));
  });
}

/** writeFile's data: a view as it is, a string in the options' encoding. */
export function dataBytes(data: unknown, encoding: unknown): Uint8Array {
  if (ArrayBuffer.isView(data)) return bytesOf(data);
  validateStringAfterArrayBufferView(data, 'data');
  return Buffer.from(data, (typeof encoding === 'string' && encoding !== '' ? encoding : 'utf8') as BufferEncoding);
}

/** fs.writeFile(file, data[, options], callback). */
export function writeFile(path: unknown, data: unknown, options?: unknown, callback?: unknown): void {
  const cb = maybeCallback<Done>(callback ?? options);
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  writeFileWith(path, data, opts, cb);
}

function writeFileWith(path: unknown, data: unknown, opts: FsOptions, cb: Done): void {
  const flag = opts.flag || 'w';
  const flush = opts.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const bytes = dataBytes(data, opts.encoding);
  const signal = opts.signal as AbortSignal | undefined;
  if (isFd(path)) {
    writeAll(path, false, bytes, signal, flush, cb);
    return;
  }
  if (signal?.aborted === true) {
    cb(new AbortError(undefined, { cause: signal.reason }));
    return;
  }
  open(path, flag, opts.mode, (openErr: Error | null, fd?: number) => {
    if (openErr !== null) return cb(openErr);
    writeAll(fd!, true, bytes, signal, flush, cb);
  });
}

/** fs.appendFile(path, data[, options], callback): writeFile with flag 'a'. */
export function appendFile(path: unknown, data: unknown, options?: unknown, callback?: unknown): void {
  const cb = maybeCallback<Done>(callback ?? options);
  const opts = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!opts.flag || isFd(path)) opts.flag = 'a';
  writeFileWith(path, data, opts, cb);
}

// ---- paths ------------------------------------------------------------------

/** fs.unlink(path, callback). */
export function unlink(path: unknown, callback?: unknown): void {
  const cb = makeCallback<Done>(callback);
  req.unlink(loop(), validatedPath(path), noResult(cb));
}

/** fs.rename(oldPath, newPath, callback). */
export function rename(oldPath: unknown, newPath: unknown, callback?: unknown): void {
  const cb = makeCallback<Done>(callback);
  const from = validatedPath(oldPath, 'oldPath');
  const to = validatedPath(newPath, 'newPath');
  req.rename(loop(), from, to, noResult(cb));
}

/** fs.link(existingPath, newPath, callback). */
export function link(existingPath: unknown, newPath: unknown, callback?: unknown): void {
  const cb = makeCallback<Done>(callback);
  const from = validatedPath(existingPath, 'existingPath');
  const to = validatedPath(newPath, 'newPath');
  req.link(loop(), from, to, noResult(cb));
}

/** Node's stringToSymlinkType: the type is only checked on Linux. */
export function checkSymlinkType(type: unknown): void {
  if (type === null || type === undefined || type === 'dir' || type === 'file' || type === 'junction') return;
  throw codedError('ERR_FS_INVALID_SYMLINK_TYPE', type);
}

/** fs.symlink(target, path[, type], callback). */
export function symlink(target: unknown, path: unknown, type?: unknown, callback?: unknown): void {
  const kind = typeof type === 'string' ? type : null;
  const cb = makeCallback<Done>(callback ?? type);
  const t = validatedPath(target, 'target');
  const p = validatedPath(path);
  checkSymlinkType(kind);
  req.symlink(loop(), t, p, noResult(cb));
}

/** fs.readlink(path[, options], callback). */
export function readlink(path: unknown, options?: unknown, callback?: unknown): void {
  const cb = makeCallback<Callback<string | Buffer>>(typeof options === 'function' ? options : callback);
  const opts = getOptions(options);
  req.readlink(loop(), validatedPath(path), (err, target) => (err !== null ? cb(err) : cb(null, encoded(target!, opts.encoding))));
}

/** fs.realpath.native(path[, options], callback): realpath(3) in one request. */
export function realpathNative(path: unknown, options?: unknown, callback?: unknown): void {
  const cb = makeCallback<Callback<string | Buffer>>(callback ?? options);
  const opts = getOptions(options);
  req.realpath(loop(), validatedPath(path), (err, resolved) => (err !== null ? cb(err) : cb(null, encoded(resolved!, opts.encoding))));
}

/** fs.realpath(path[, options], callback): Node's walk, an lstat per component. */
export function realpath(path: unknown, options?: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? (options as Callback<string | Buffer>) : makeCallback<Callback<string | Buffer>>(callback);
  const opts = getOptions(options);
  // Node's walk makes a string of anything that is no URL ('' + p) before checking it.
  const p = validatedPath(path instanceof URL ? path : String(path));
  realpathWalk(pathText(p), (err, resolved) =>
    err !== null ? cb(err) : cb(null, encoded(Buffer.from(resolved!), opts.encoding ?? 'utf8')),
  );
}
realpath.native = realpathNative;

/** fs.access(path[, mode], callback). */
export function access(path: unknown, mode?: unknown, callback?: unknown): void {
  const [m, cb] = shifted(mode, callback, undefined);
  const p = validatedPath(path);
  const done = makeCallback<Done>(cb);
  const checked = nativeMode(m);
  req.access(loop(), p, checked, noResult(done));
}

/** fs.exists(path, callback): true or false, never an error. */
export function exists(path: unknown, callback?: unknown): void {
  validateFunction(callback, 'cb');
  const cb = callback as (ok: boolean) => void;
  try {
    access(path, 0, (err: Error | null) => cb(err === null));
  } catch {
    cb(false);
  }
}

/** fs.chmod(path, mode, callback). */
export function chmod(path: unknown, mode: unknown, callback?: unknown): void {
  const p = validatedPath(path);
  const m = parseFileMode(mode, 'mode');
  const cb = makeCallback<Done>(callback);
  req.chmod(loop(), p, m, noResult(cb));
}

/** fs.fchmod(fd, mode, callback). */
export function fchmod(fd: unknown, mode: unknown, callback?: unknown): void {
  const m = parseFileMode(mode, 'mode');
  const cb = makeCallback<Done>(callback);
  req.fchmod(loop(), validatedFdNative(fd), m, noResult(cb));
}

function chownWith(noFollow: boolean) {
  return (path: unknown, uid: unknown, gid: unknown, callback?: unknown): void => {
    const cb = makeCallback<Done>(callback);
    const p = validatedPath(path);
    validateId(uid, 'uid');
    validateId(gid, 'gid');
    req.chown(loop(), p, uid, gid, noFollow, noResult(cb));
  };
}

/** fs.chown(path, uid, gid, callback). */
export const chown = chownWith(false);
/** fs.lchown(path, uid, gid, callback). */
export const lchown = chownWith(true);

/** fs.fchown(fd, uid, gid, callback). */
export function fchown(fd: unknown, uid: unknown, gid: unknown, callback?: unknown): void {
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  const cb = makeCallback<Done>(callback);
  req.fchown(loop(), validatedFdNative(fd), uid, gid, noResult(cb));
}

function utimesWith(noFollow: boolean) {
  return (path: unknown, atime: unknown, mtime: unknown, callback?: unknown): void => {
    const cb = makeCallback<Done>(callback);
    const p = validatedPath(path);
    req.utime(loop(), p, toUnixTimestamp(atime), toUnixTimestamp(mtime), noFollow, noResult(cb));
  };
}

/** fs.utimes(path, atime, mtime, callback). */
export const utimes = utimesWith(false);
/** fs.lutimes(path, atime, mtime, callback). */
export const lutimes = utimesWith(true);

/** fs.futimes(fd, atime, mtime, callback). */
export function futimes(fd: unknown, atime: unknown, mtime: unknown, callback?: unknown): void {
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  const cb = makeCallback<Done>(callback);
  req.futime(loop(), validatedFdNative(fd), a, m, noResult(cb));
}

// ---- folders ----------------------------------------------------------------

/** fs.mkdir(path[, options], callback); recursive answers the first folder made. */
export function mkdir(path: unknown, options?: unknown, callback?: unknown): void {
  let mode = 0o777;
  let recursive: unknown = false;
  let cb = callback;
  if (typeof options === 'function') cb = options;
  else if (typeof options === 'number' || typeof options === 'string') mode = parseFileMode(options, 'mode');
  else if (options !== null && options !== undefined) {
    const o = options as { recursive?: unknown; mode?: unknown };
    if (o.recursive !== undefined) recursive = o.recursive;
    if (o.mode !== undefined) mode = parseFileMode(o.mode, 'mode');
  }
  const done = makeCallback<Callback<string>>(cb);
  const p = validatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  mkdirWith(p, mode, recursive, done);
}

export function mkdirWith(p: string | Buffer, mode: number, recursive: boolean, cb: Callback<string>): void {
  if (!recursive) return req.mkdir(loop(), p, mode, noResult(cb));
  req.mkdirp(loop(), p, mode, (err, first) => {
    if (err !== null) return cb(err);
    if (first === undefined) return cb(null);
    cb(null, first.toString());
  });
}

/** fs.mkdtemp(prefix[, options], callback). */
export function mkdtemp(prefix: unknown, options?: unknown, callback?: unknown): void {
  const cb = makeCallback<Callback<string | Buffer>>(typeof options === 'function' ? options : callback);
  const opts = getOptions(options);
  const p = validatedPath(prefix, 'prefix');
  req.mkdtemp(loop(), p, (err, made) => (err !== null ? cb(err) : cb(null, encoded(made!, opts.encoding))));
}

/** fs.readdir(path[, options], callback). */
export function readdir(path: unknown, options?: unknown, callback?: unknown): void {
  const cb = makeCallback<Callback<(string | Buffer | Dirent)[]>>(typeof options === 'function' ? options : callback);
  const opts = getOptions(options);
  const p = validatedPath(path);
  readdirWith(p, opts, cb);
}

export function readdirWith(p: string | Buffer, opts: FsOptions, cb: Callback<(string | Buffer | Dirent)[]>): void {
  if (opts.recursive !== undefined && opts.recursive !== null) validateBoolean(opts.recursive, 'options.recursive');
  // Node 20's callback form lists a tree synchronously and calls back at once (it throws on failure):
  // no loop is involved, so the host's synchronous walk is exactly it.
  if (opts.recursive === true) return cb(null, readdirSync(p, opts as { recursive: true }));
  req.scandir(loop(), p, (err, entries) => {
    if (err !== null) return cb(err);
    if (opts.withFileTypes === true) return cb(null, direntsOf(entries!, opts.encoding, pathText(p)));
    cb(
      null,
      entries!.map((e) => encoded(e.name, opts.encoding)),
    );
  });
}

/** fs.rmdir(path[, options], callback). */
export function rmdir(path: unknown, options?: unknown, callback?: unknown): void {
  const [opts, cb] = shifted(options, callback, undefined);
  const done = makeCallback<Done>(cb);
  const p = validatedPath(path);
  if ((opts as { recursive?: unknown } | undefined)?.recursive) return rmdirRecursive(loop(), p, opts, done);
  if (opts !== undefined && opts !== null) validateObject(opts, 'options');
  req.rmdir(loop(), p, noResult(done));
}

/** fs.rm(path[, options], callback). */
export function rm(path: unknown, options?: unknown, callback?: unknown): void {
  const [opts, cb] = shifted(options, callback, undefined);
  const p = validatedPath(path);
  rimraf(loop(), p, opts, cb as Done);
}

/** fs.copyFile(src, dest[, mode], callback). */
export function copyFile(src: unknown, dest: unknown, mode?: unknown, callback?: unknown): void {
  const [m, cb] = shifted(mode, callback, 0);
  const from = validatedPath(src, 'src');
  const to = validatedPath(dest, 'dest');
  const done = makeCallback<Done>(cb);
  req.copyfile(loop(), from, to, nativeMode(m), noResult(done));
}

export { firstOf, makeCallback, noResult };
