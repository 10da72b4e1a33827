import { lastErrno } from './ffi.js';
import { uvException, type UVExceptionContext } from './errors.js';

export const EINTR = 4;
export const EAGAIN = 11;
export const EBADF = 9;
export const EINVAL = 22;
export const EMFILE = 24;
export const ENOENT = 2;

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
