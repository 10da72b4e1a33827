import { lastErrno } from './ffi.js';
import { uvException, type UVExceptionContext } from './errors.js';

// errno values (Linux, x86_64), one list for every package.
export const ENOENT = 2;
export const EINTR = 4;
export const EBADF = 9;
export const EAGAIN = 11;
export const EBUSY = 16;
export const EINVAL = 22;
export const ENFILE = 23;
export const EMFILE = 24;
export const EPIPE = 32;
export const EDESTADDRREQ = 89;
export const EADDRINUSE = 98;
export const ECONNABORTED = 103;
export const ECONNRESET = 104;
export const ENOBUFS = 105;
export const EISCONN = 106;
export const ENOTCONN = 107;
export const ECONNREFUSED = 111;
export const EALREADY = 114;
export const EINPROGRESS = 115;
export const ECANCELED = 125;

/**
 * A syscall's return value as libuv reports it: ≥ 0 on success, `-errno` on
 * failure. Hot paths branch on the sign instead of catching exceptions.
 */
export function check(ret: number): number {
  return ret < 0 ? -lastErrno() : ret;
}

/** Throw a Node-style error for a failed call; return the result otherwise. */
export function orThrow(ret: number, ctx: UVExceptionContext): number {
  if (ret < 0) throw uvException(lastErrno(), ctx);
  return ret;
}
