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
const ObjectAssign = Object.assign;
const ObjectHasOwn = Object.hasOwn;

/**
 * `{ ...o }`, for an options object copied on a hot path. Once a spread
 * site has seen a few shapes of source (V8 11, Node 20: its clone cache
 * goes megamorphic), every copy it makes gets a map of its own: ~5.7 µs a
 * copy, and each later read of a property of the copy misses its inline
 * cache (*measured*: a net.Socket's options went through ~25 such misses
 * in the stream constructors). Object.assign onto `{}` follows the shared
 * transitions from the empty object's map, so copies of one shape share a
 * map (~0.1 µs). Both copy the own enumerable properties, strings then
 * symbols, getters read, in the same order, and so do several sources
 * (`{ ...a, ...b }`: a later source's value in an earlier one's key's
 * place). They differ only on an own '__proto__' key, which assign would
 * take as the prototype: a source with one keeps the spread.
 */
export function copyProperties<T extends object>(source: T): T;
export function copyProperties<T extends object>(...sources: readonly (object | null | undefined)[]): T;
export function copyProperties(...sources: readonly (object | null | undefined)[]): object {
  for (const source of sources) {
    if (source !== null && typeof source === 'object' && ObjectHasOwn(source, '__proto__')) {
      let copy = {};
      for (const s of sources) copy = { ...copy, ...s };
      return copy;
    }
  }
  return ObjectAssign({}, ...sources);
}

/** `promise.then(onFulfilled, onRejected)` through the original `then`. */
export function promiseThen<T, R1 = T, R2 = never>(
  promise: Promise<T>,
  onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
  // `never`: a handler typed for the rejection it expects (an Error) fits.
  onRejected?: ((reason: never) => R2 | PromiseLike<R2>) | null,
): Promise<R1 | R2> {
  return ReflectApply(PromisePrototypeThen, promise, [onFulfilled, onRejected]) as Promise<R1 | R2>;
}
