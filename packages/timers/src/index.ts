/**
 * Node's timers on our loop. `createTimers(loop)` gives one loop's API; the
 * functions exported here are bound to this thread's `defaultLoop()`, created
 * on first use.
 */
import { promisify } from 'node:util';
import { defaultLoop } from '@mini/loop';
import { createTimers, type Timers } from './api.js';
import type { TimersPromises } from './promises.js';
import { Timeout } from './timeout.js';

export { createTimers, type Timers, type SetTimeout, type SetImmediate } from './api.js';
export { Timeout, TimerQueue, TIMEOUT_MAX } from './timeout.js';
export { Immediate, ImmediateQueue } from './immediate.js';
export { Scheduler, createTimersPromises, type TimersPromises, type TimerOptions } from './promises.js';
export { AbortError } from '@mini/sys';

let defaults: Timers | undefined;

function timers(): Timers {
  return (defaults ??= createTimers(defaultLoop()));
}

// Wrappers keep Node's arities and pass the arguments through as given, so
// "no extra argument" and "undefined passed" stay distinct. The usual calls
// (no extra argument, or one: undici's timeouts pass a WeakRef) are plain
// calls; only more arguments go through apply, whose arguments object is
// most of a call's cost until V8 optimises the caller.
export const setTimeout = function setTimeout(callback: unknown, delay?: unknown, a1?: unknown, _a2?: unknown, _a3?: unknown) {
  const set = timers().setTimeout as (...a: unknown[]) => unknown;
  if (arguments.length <= 2) return set(callback, delay);
  if (arguments.length === 3) return set(callback, delay, a1);
  return set.apply(undefined, arguments as unknown as unknown[]);
} as unknown as Timers['setTimeout'];

export const setInterval = function setInterval(callback: unknown, delay?: unknown, a1?: unknown, _a2?: unknown, _a3?: unknown) {
  const set = timers().setInterval as (...a: unknown[]) => unknown;
  if (arguments.length <= 2) return set(callback, delay);
  if (arguments.length === 3) return set(callback, delay, a1);
  return set.apply(undefined, arguments as unknown as unknown[]);
} as Timers['setInterval'];

export const setImmediate = function setImmediate(callback: unknown, a1?: unknown, _a2?: unknown, _a3?: unknown) {
  const set = timers().setImmediate as (...a: unknown[]) => unknown;
  if (arguments.length <= 1) return set(callback);
  if (arguments.length === 2) return set(callback, a1);
  return set.apply(undefined, arguments as unknown as unknown[]);
} as unknown as Timers['setImmediate'];

/** Start `timer` over as a fresh setTimeout(callback, after) would be (see Timeout.restart). */
export function restartTimeout(timer: Timeout, after: number, callback: (...args: unknown[]) => void): void {
  Timeout.restart(timer, after, callback);
}

export function clearTimeout(timer: Parameters<Timers['clearTimeout']>[0]): void {
  timers().clearTimeout(timer);
}

export function clearInterval(timer: Parameters<Timers['clearInterval']>[0]): void {
  timers().clearInterval(timer);
}

export function clearImmediate(immediate: Parameters<Timers['clearImmediate']>[0]): void {
  timers().clearImmediate(immediate);
}

/** timers/promises on the default loop (same arities as Node's). */
export const timersPromises: TimersPromises = {
  setTimeout: function setTimeout(_delay?: unknown, _value?: unknown) {
    return (timers().promises.setTimeout as (...a: unknown[]) => unknown).apply(undefined, arguments as unknown as unknown[]);
  },
  setImmediate: function setImmediate(_value?: unknown) {
    return (timers().promises.setImmediate as (...a: unknown[]) => unknown).apply(undefined, arguments as unknown as unknown[]);
  },
  setInterval: function setInterval(_delay?: unknown, _value?: unknown) {
    return (timers().promises.setInterval as (...a: unknown[]) => unknown).apply(undefined, arguments as unknown as unknown[]);
  },
  get scheduler() {
    return timers().promises.scheduler;
  },
} as TimersPromises;

Object.defineProperty(setTimeout, promisify.custom, { enumerable: true, get: () => timersPromises.setTimeout });
Object.defineProperty(setImmediate, promisify.custom, { enumerable: true, get: () => timersPromises.setImmediate });

/** `require('timers').promises`. */
export { timersPromises as promises };
