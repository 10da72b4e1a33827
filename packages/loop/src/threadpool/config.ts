/**
 * The pool's size, read from UV_THREADPOOL_SIZE once, at first use, so a
 * program may still set it at the top of its main module (as with Node).
 */

/** libuv's default when the variable is unset. */
const DEFAULT_SIZE = 4;
/** libuv's MAX_THREADPOOL_SIZE. */
const MAX_SIZE = 1024;

/**
 * Interpret the variable as libuv does: C `atoi` into an unsigned int, 0
 * becomes 1, anything above 1024 becomes 1024 (so a negative number, which
 * wraps to a huge unsigned value, also becomes 1024).
 */
export function parseThreadpoolSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SIZE;
  // atoi: optional leading whitespace and sign, then digits; garbage reads as 0.
  const m = /^[\t\n\v\f\r ]*([+-]?)(\d*)/.exec(value)!;
  const digits = m[2]!;
  if (digits === '') return 1;
  const n = Number(digits);
  if (n === 0) return 1;
  if (m[1] === '-' || n > MAX_SIZE) return MAX_SIZE;
  return n;
}

let size: number | undefined;

/** Number of threads the pool may start (UV_THREADPOOL_SIZE, read once). */
export function threadpoolSize(): number {
  return (size ??= parseThreadpoolSize(process.env.UV_THREADPOOL_SIZE));
}

/**
 * How many threads slow I/O (getaddrinfo) may occupy at once: libuv's
 * (n + 1) / 2, so slow lookups can never starve file system work.
 */
export function slowIoThreshold(): number {
  return (threadpoolSize() + 1) >> 1;
}
