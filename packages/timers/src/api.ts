/**
 * The public timers API for one loop: setTimeout/setInterval/setImmediate
 * and their clear* functions, with Node's argument handling (extra
 * arguments passed to the callback, the callback validated, the delay
 * coerced by Timeout).
 */
import { promisify } from 'node:util';
import type { Loop } from '@mini/loop';
import { validateFunction, ArrayPrototypeSlice, ReflectApply } from '@mini/sys';
import { Immediate, ImmediateQueue } from './immediate.js';
import { createTimersPromises, type TimersPromises } from './promises.js';
import { Timeout, TimerQueue } from './timeout.js';

type Callback<A extends unknown[]> = (...args: A) => void;

export interface SetTimeout {
  <A extends unknown[]>(callback: Callback<A>, delay?: number, ...args: A): Timeout;
  [promisify.custom]: TimersPromises['setTimeout'];
}

export interface SetImmediate {
  <A extends unknown[]>(callback: Callback<A>, ...args: A): Immediate;
  [promisify.custom]: TimersPromises['setImmediate'];
}

export interface Timers {
  setTimeout: SetTimeout;
  setInterval<A extends unknown[]>(callback: Callback<A>, delay?: number, ...args: A): Timeout;
  setImmediate: SetImmediate;
  clearTimeout(timeout: Timeout | string | number | undefined | null): void;
  clearInterval(timeout: Timeout | string | number | undefined | null): void;
  clearImmediate(immediate: Immediate | undefined | null): void;
  readonly promises: TimersPromises;
  /** The machinery, for the runtime and tests. */
  readonly timeouts: TimerQueue;
  readonly immediates: ImmediateQueue;
}

const byLoop = new WeakMap<Loop, Timers>();

/** The timers of `loop`; one set per loop, so ids and queues are shared by all callers. */
export function createTimers(loop: Loop): Timers {
  let timers = byLoop.get(loop);
  if (timers === undefined) {
    timers = buildTimers(loop);
    byLoop.set(loop, timers);
  }
  return timers;
}

function buildTimers(loop: Loop): Timers {
  const timeouts = new TimerQueue(loop);
  const immediates = new ImmediateQueue(loop);

  // Plain functions with Node's arities (setTimeout.length === 5); the
  // arguments object tells "no extra arguments" from "undefined passed".
  function setTimeout(callback: unknown, after?: unknown, arg1?: unknown, _arg2?: unknown, _arg3?: unknown): Timeout {
    validateFunction(callback, 'callback');
    const args = arguments.length <= 2 ? undefined : arguments.length === 3 ? [arg1] : ReflectApply(ArrayPrototypeSlice, arguments, [2]);
    const timeout = new Timeout(timeouts, callback, after, args, false, true);
    timeouts.insert(timeout, timeout._idleTimeout);
    return timeout;
  }

  function setInterval(callback: unknown, repeat?: unknown, arg1?: unknown, _arg2?: unknown, _arg3?: unknown): Timeout {
    validateFunction(callback, 'callback');
    const args = arguments.length <= 2 ? undefined : arguments.length === 3 ? [arg1] : ReflectApply(ArrayPrototypeSlice, arguments, [2]);
    const timeout = new Timeout(timeouts, callback, repeat, args, true, true);
    timeouts.insert(timeout, timeout._idleTimeout);
    return timeout;
  }

  function setImmediate(callback: unknown, arg1?: unknown, _arg2?: unknown, _arg3?: unknown): Immediate {
    validateFunction(callback, 'callback');
    const args = arguments.length <= 1 ? undefined : arguments.length === 2 ? [arg1] : ReflectApply(ArrayPrototypeSlice, arguments, [1]);
    return new Immediate(immediates, callback, args);
  }

  function clearTimeout(timer: unknown): void {
    timeouts.clearTimeout(timer);
  }

  // Either clear function takes either kind of timer, as in Node.
  function clearInterval(timer: unknown): void {
    timeouts.clearTimeout(timer);
  }

  function clearImmediate(immediate: unknown): void {
    immediates.clearImmediate(immediate);
  }

  const promises = createTimersPromises(timeouts, immediates);
  // util.promisify(setTimeout) is timers/promises' setTimeout, as in Node.
  Object.defineProperty(setTimeout, promisify.custom, { enumerable: true, get: () => promises.setTimeout });
  Object.defineProperty(setImmediate, promisify.custom, { enumerable: true, get: () => promises.setImmediate });

  return {
    setTimeout: setTimeout as unknown as SetTimeout,
    setInterval: setInterval as Timers['setInterval'],
    setImmediate: setImmediate as unknown as SetImmediate,
    clearTimeout,
    clearInterval,
    clearImmediate,
    promises,
    timeouts,
    immediates,
  };
}
