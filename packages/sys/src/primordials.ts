/**
 * The builtins our machinery calls, captured when @mini/sys loads (at boot,
 * before any user code). A program may replace `process.hrtime`,
 * `Date.now`, `Function.prototype.call` or `Promise.prototype.then`; Node's
 * internals keep working because they captured the originals at startup,
 * and ours use these for the same reason.
 */
export const ReflectApply = Reflect.apply;
export const hrtime = process.hrtime;
export const DateNow = Date.now;
export const PromisePrototypeThen = Promise.prototype.then;
export const ArrayPrototypeSlice = Array.prototype.slice;

/** `promise.then(onFulfilled, onRejected)` through the original `then`. */
export function promiseThen<T, R1 = T, R2 = never>(
  promise: Promise<T>,
  onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
  // `never`: a handler typed for the rejection it expects (an Error) fits.
  onRejected?: ((reason: never) => R2 | PromiseLike<R2>) | null,
): Promise<R1 | R2> {
  return ReflectApply(PromisePrototypeThen, promise, [onFulfilled, onRejected]) as Promise<R1 | R2>;
}
