/**
 * Async context: each callback the loop runs for a program runs in the
 * async context of the operation that scheduled it, as Node's own
 * resources do (a Timeout, a TCPWRAP, an FSREQCALLBACK…). That is what
 * AsyncLocalStorage, async_hooks and everything built on them (request-scoped
 * loggers, tracing) read.
 *
 * The host keeps the context (executionAsyncResource, the hooks, promise
 * tracking); an operation takes part by owning one of the host's
 * AsyncResources and running its callback in that resource's scope. Creating
 * one per timer costs about as much as the timer itself, so nothing is
 * captured until a program asks for async context: the first
 * AsyncLocalStorage used or async hook enabled (the runtime's async_hooks
 * module calls `trackAsyncContext`). Operations started before that run in
 * whatever context the loop is in, which holds no store.
 */
import { AsyncResource } from 'node:async_hooks';
import { ReflectApply } from '@mini/sys';

/** The host's, taken at load: a program may replace the prototype's method. */
const runInAsyncScope = AsyncResource.prototype.runInAsyncScope;

export const asyncContext = {
  tracked: false,
  /** Above 0 while our machinery makes a resource of its own (see hideFromHooks). */
  hiding: 0,
};

/**
 * Resources of our machinery, which async hooks a program enables never
 * see (the runtime's async_hooks module filters by this set): the host
 * immediates that hand the thread back and forth between the two loops, and
 * the contexts that carry close and pending callbacks, which on Node run in
 * their handle's own resource.
 */
export const hiddenAsyncIds = new Set<number>();

/** `fn(arg)`, with whatever async resource it makes kept from the program's hooks. */
export function hideFromHooks<A, R>(fn: (arg: A) => R, arg: A): R {
  asyncContext.hiding++;
  try {
    return fn(arg);
  } finally {
    asyncContext.hiding--;
  }
}

/**
 * A context that holds no store: made at load, before any storage exists.
 * What the kernel starts (an accepted connection) begins there, not in the
 * context of the callback that happens to pick it up, as on Node.
 */
const root = new AsyncResource('MINI_ROOT');

/** From now on, operations capture the context they start in. */
export function trackAsyncContext(): void {
  asyncContext.tracked = true;
}

const newResource = (type: string): AsyncResource => new AsyncResource(type);

/** An operation's context: undefined while nothing is tracked. */
export type AsyncContext = AsyncResource | undefined;

/** The current context, as a resource of `type` (Node's names: 'Timeout', 'TCPWRAP', …). */
export function captureAsyncContext(type: string): AsyncContext {
  return asyncContext.tracked ? new AsyncResource(type) : undefined;
}

/** `fn.apply(thisArg, args)` in `context`, or as it is when there is none. */
export function runInAsyncContext<R>(context: AsyncContext, fn: (...args: never[]) => R, thisArg: unknown, args: readonly unknown[]): R {
  if (context === undefined) return ReflectApply(fn, thisArg, args);
  return ReflectApply(runInAsyncScope, context, [fn, thisArg, ...args]) as R;
}

/** `cb`, bound to the current context when one is tracked. */
export function bindAsyncContext<F extends (...args: never[]) => unknown>(cb: F, type: string): F {
  if (!asyncContext.tracked) return cb;
  const context = hideFromHooks(newResource, type);
  return function (this: unknown, ...args: Parameters<F>) {
    return ReflectApply(runInAsyncScope, context, [cb, this, ...args]);
  } as F;
}

/** `fn()` with the root context current, so what it creates captures no store. */
export function outsideAsyncContext<R>(fn: () => R): R {
  if (!asyncContext.tracked) return fn();
  return ReflectApply(runInAsyncScope, root, [fn, undefined]) as R;
}
