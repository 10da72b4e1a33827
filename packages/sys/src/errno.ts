/**
 * errno, one convention for the whole tree: NEGATIVE, as libuv reports it.
 *
 *   the kernel     koffi.errno() / lastErrno()   11      (positive, raw)
 *   everything     lastError(), UV_E*, results    -11     (negative, libuv)
 *
 * A failed call is turned negative exactly once, where it is read from the
 * kernel: `lastError()` (or `check(ret)`). From there on a status is what
 * libuv's is — `0`/`>= 0` for success, a negative `UV_E*` for failure — and
 * that is what handles return, callbacks receive, `err.errno` holds and the
 * error helpers of ./errors.ts accept (they reject a positive value rather
 * than guess). Code branches on the sign (`r < 0`) and compares with these
 * names, never with a literal: the lint rule in eslint.config.mjs holds
 * everything outside this package to that.
 *
 * The values are Linux's (x86_64); a test checks each against the host's
 * libuv error map, so a name here is the code Node prints. UV_EOF is
 * libuv's own (not a kernel errno); UV_EINPROGRESS is the kernel's, used
 * inside handles only, and absent from libuv's map.
 */
import { lastErrno } from './ffi.js';

export const UV_EPERM = -1;
export const UV_ENOENT = -2;
export const UV_ESRCH = -3;
export const UV_EINTR = -4;
export const UV_EIO = -5;
export const UV_EBADF = -9;
export const UV_EAGAIN = -11;
export const UV_ENOMEM = -12;
export const UV_EACCES = -13;
export const UV_EBUSY = -16;
export const UV_EEXIST = -17;
export const UV_ENOTDIR = -20;
export const UV_EISDIR = -21;
export const UV_EINVAL = -22;
export const UV_ENFILE = -23;
export const UV_EMFILE = -24;
export const UV_ENOSPC = -28;
export const UV_EPIPE = -32;
export const UV_ENAMETOOLONG = -36;
export const UV_ENOSYS = -38;
export const UV_ENOTSOCK = -88;
export const UV_EDESTADDRREQ = -89;
export const UV_EMSGSIZE = -90;
export const UV_ENOTSUP = -95;
export const UV_EAFNOSUPPORT = -97;
export const UV_EADDRINUSE = -98;
export const UV_EADDRNOTAVAIL = -99;
export const UV_ENETUNREACH = -101;
export const UV_ECONNABORTED = -103;
export const UV_ECONNRESET = -104;
export const UV_ENOBUFS = -105;
export const UV_EISCONN = -106;
export const UV_ENOTCONN = -107;
export const UV_ETIMEDOUT = -110;
export const UV_ECONNREFUSED = -111;
export const UV_EHOSTUNREACH = -113;
export const UV_EALREADY = -114;
export const UV_EINPROGRESS = -115;
export const UV_ECANCELED = -125;
export const UV_EOF = -4095;

/** errno of the last failed call on this thread, negated: libuv's status for it (UV_EAGAIN…). */
export function lastError(): number {
  return -lastErrno();
}
