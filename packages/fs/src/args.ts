/**
 * The argument checks of node:fs (lib/internal/fs/utils.js), with Node 20's
 * errors. Callback, promise and FileHandle functions share them, so a bad
 * argument gets the same error whichever form is called.
 */
import hostFs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codedError, codedErrorFromNative, validateInt32, validateInteger, validateUint32, validateAbortSignal, DateNow } from '@mini/sys';
import type { FsPath } from './req.js';

/** Node's getValidatedPath: a string, Buffer or file: URL, without NUL bytes. */
export function validatedPath(value: unknown, name = 'path'): string | Buffer {
  let path = value;
  if (path instanceof URL) {
    if (path.protocol !== 'file:') throw codedError('ERR_INVALID_URL_SCHEME', 'file');
    path = fileURLToPath(path);
  }
  if (typeof path === 'string') {
    if (path.includes('\u0000'))
      throw codedError('ERR_INVALID_ARG_VALUE', name, path, 'must be a string, Uint8Array, or URL without null bytes');
    return path;
  }
  if (path instanceof Uint8Array) {
    if (path.includes(0)) throw codedError('ERR_INVALID_ARG_VALUE', name, path, 'must be a string, Uint8Array, or URL without null bytes');
    return Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  }
  throw codedError('ERR_INVALID_ARG_TYPE', name, ['string', 'Buffer', 'URL'], path);
}

/** Node's getValidatedFd: an int32 >= 0. */
export function validatedFd(fd: unknown, name = 'fd'): number {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

/** fstat's fd check: Node 20 makes it in C++, whose errors carry no "[code]" in their name. */
export function validatedFdNative(fd: unknown): number {
  if (typeof fd !== 'number') throw codedErrorFromNative('ERR_INVALID_ARG_TYPE', 'fd', 'number', fd);
  if (!Number.isInteger(fd)) throw codedErrorFromNative('ERR_OUT_OF_RANGE', 'fd', 'an integer', fd);
  if (fd < 0 || fd > 2147483647) throw codedErrorFromNative('ERR_OUT_OF_RANGE', 'fd', '>= 0 && <= 2147483647', fd);
  return fd;
}

/** A file descriptor where a path may also be given (readFile, writeFile): Node's isUint32. */
export function isFd(value: unknown): value is number {
  return typeof value === 'number' && value >>> 0 === value;
}

/** Node's stringToFlags table. */
const FLAGS: Record<string, number> = (() => {
  const { O_RDONLY, O_RDWR, O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, O_SYNC } = hostFs.constants;
  return {
    r: O_RDONLY,
    rs: O_RDONLY | O_SYNC,
    sr: O_RDONLY | O_SYNC,
    'r+': O_RDWR,
    'rs+': O_RDWR | O_SYNC,
    'sr+': O_RDWR | O_SYNC,
    w: O_TRUNC | O_CREAT | O_WRONLY,
    wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
    xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
    'w+': O_TRUNC | O_CREAT | O_RDWR,
    'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
    'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
    a: O_APPEND | O_CREAT | O_WRONLY,
    ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
    xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
    as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
    sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
    'a+': O_APPEND | O_CREAT | O_RDWR,
    'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
    'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
    'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
    'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  };
})();

export function stringToFlags(flag: unknown, name = 'flags'): number {
  if (typeof flag === 'number') return flag;
  if (flag === undefined || flag === null) return FLAGS['r']!;
  if (typeof flag === 'string' && Object.hasOwn(FLAGS, flag)) return FLAGS[flag]!;
  throw codedError('ERR_INVALID_ARG_VALUE', name, flag);
}

/** Node's parseFileMode: a uint32, or an octal string. */
export function parseFileMode(value: unknown, name: string, def?: number): number {
  let mode = value ?? def;
  if (typeof mode === 'string') {
    if (!/^[0-7]+$/.test(mode))
      throw codedError('ERR_INVALID_ARG_VALUE', name, mode, 'must be a 32-bit unsigned integer or an octal string');
    mode = parseInt(mode, 8);
  }
  validateUint32(mode, name);
  return mode;
}

/** Options as Node's getOptions leaves them: an object (a string is its encoding). */
export type FsOptions = Record<string, unknown> & { encoding?: unknown; signal?: unknown; flag?: unknown; mode?: unknown };

/** Node's getOptions(options, defaults). */
export function getOptions(options: unknown, defaults: FsOptions = {}): FsOptions {
  if (options === null || options === undefined || typeof options === 'function') return defaults;
  let opts: FsOptions;
  if (typeof options === 'string') opts = { ...defaults, encoding: options };
  else if (typeof options !== 'object') throw codedError('ERR_INVALID_ARG_TYPE', 'options', ['string', 'Object'], options);
  else opts = options as FsOptions;
  if (opts.encoding !== 'buffer') assertEncoding(opts.encoding);
  if (opts.signal !== undefined) validateAbortSignal(opts.signal, 'options.signal');
  return opts;
}

export function assertEncoding(encoding: unknown): void {
  if (encoding !== undefined && encoding !== null && encoding !== '' && encoding !== false && !Buffer.isEncoding(String(encoding))) {
    throw codedError('ERR_INVALID_ARG_VALUE', 'encoding', encoding, 'is invalid encoding');
  }
}

/** A name or path in the encoding the options ask for: a Buffer for 'buffer', else a string. */
export function encoded(bytes: Buffer, encoding: unknown): string | Buffer {
  if (encoding === 'buffer') return bytes;
  return bytes.toString(typeof encoding === 'string' && encoding !== '' ? (encoding as BufferEncoding) : 'utf8');
}

/** A path argument turned back into bytes for re-encoding (realpath, mkdtemp answers). */
export function pathText(path: FsPath): string {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

/** Node 20's validatePosition: -1 (the current offset) or more as a number, any int64 as a bigint. */
export function validatePosition(position: unknown, name: string): number {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
    return position;
  }
  if (typeof position === 'bigint') {
    const limit = 2n ** 63n;
    if (!(position >= -limit && position <= limit - 1n))
      throw codedError('ERR_OUT_OF_RANGE', name, `>= ${-limit} && <= ${limit - 1n}`, position);
    return Number(position);
  }
  throw codedError('ERR_INVALID_ARG_TYPE', name, ['integer', 'bigint'], position);
}

export function validateOffsetLengthRead(offset: number, length: number, bufferLength: number): void {
  if (offset < 0) throw codedError('ERR_OUT_OF_RANGE', 'offset', '>= 0', offset);
  if (length < 0) throw codedError('ERR_OUT_OF_RANGE', 'length', '>= 0', length);
  if (offset + length > bufferLength) throw codedError('ERR_OUT_OF_RANGE', 'length', `<= ${bufferLength - offset}`, length);
}

export function validateOffsetLengthWrite(offset: number, length: number, byteLength: number): void {
  if (offset > byteLength) throw codedError('ERR_OUT_OF_RANGE', 'offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw codedError('ERR_OUT_OF_RANGE', 'length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw codedError('ERR_OUT_OF_RANGE', 'length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

export function validateBufferArray(buffers: unknown, name = 'buffers'): asserts buffers is ArrayBufferView[] {
  if (!Array.isArray(buffers)) throw codedError('ERR_INVALID_ARG_TYPE', name, 'ArrayBufferView[]', buffers);
  for (const b of buffers) if (!ArrayBuffer.isView(b)) throw codedError('ERR_INVALID_ARG_TYPE', name, 'ArrayBufferView[]', buffers);
}

export function validateStringAfterArrayBufferView(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw codedError('ERR_INVALID_ARG_TYPE', name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

/** Node's validateEncoding: hex text must have an even length. */
export function validateEncoding(data: string, encoding: unknown): void {
  if (encoding === 'hex' && data.length % 2 !== 0)
    throw codedError('ERR_INVALID_ARG_VALUE', 'encoding', encoding, `is invalid for data of length ${data.length}`);
}

/** Node's toUnixTimestamp: seconds from a number, numeric string or Date. */
export function toUnixTimestamp(time: unknown, name = 'time'): number {
  if (typeof time === 'string' && +time == (time as unknown as number)) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? DateNow() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw codedError('ERR_INVALID_ARG_TYPE', name, ['Date', 'Time in seconds'], time);
}

/** The bytes of a view, as a Uint8Array over the same memory. */
export function bytesOf(view: ArrayBufferView): Uint8Array {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** uid and gid: -1 (unchanged) up to 2^32 - 1. */
export function validateId(value: unknown, name: string): asserts value is number {
  validateInteger(value, name, -1, 2 ** 32 - 1);
}

/** A native check's error: Node's C++ layer words these messages itself. */
function nativeWorded<E extends Error>(err: E, message: string): E {
  err.message = message;
  Error.captureStackTrace(err, nativeMode);
  return err;
}

/** access and copyFile's mode, which Node 20 checks in C++ (GetValidMode): a number in 0..7, truncated; F_OK by default. */
export function nativeMode(mode: unknown): number {
  if (mode === null || mode === undefined) return 0;
  if (typeof mode !== 'number') {
    throw nativeWorded(codedErrorFromNative('ERR_INVALID_ARG_TYPE', 'mode', 'number', mode), 'mode must be int32 or null/undefined');
  }
  if (Number.isNaN(mode)) throw nativeWorded(codedErrorFromNative('ERR_OUT_OF_RANGE', 'mode', '', mode), 'mode is out of range');
  if (mode < 0 || mode > 7)
    throw nativeWorded(codedErrorFromNative('ERR_OUT_OF_RANGE', 'mode', '>= 0 && <= 7', mode), 'mode is out of range: >= 0 && <= 7');
  return Math.trunc(mode);
}
