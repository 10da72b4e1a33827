/**
 * A syscall's return value turned into libuv's status, once, where it is
 * read: ≥ 0 on success, a negative UV_E* on failure (see ./errno.ts).
 */
import { lastError } from './errno.js';
import { uvException, type UVExceptionContext } from './errors.js';

/** `ret` if it succeeded, else the failure as a negative errno. Hot paths branch on the sign instead of catching. */
export function check(ret: number): number {
  return ret < 0 ? lastError() : ret;
}

/** Throw a Node-style error for a failed call; return the result otherwise. */
export function orThrow(ret: number, ctx: UVExceptionContext): number {
  if (ret < 0) throw uvException(lastError(), ctx);
  return ret;
}
