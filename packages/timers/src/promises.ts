/**
 * timers/promises for one loop: setTimeout and setImmediate as promises,
 * setInterval as an async iterator, and `scheduler.wait`/`scheduler.yield`.
 * Arguments are validated in Node's order (delay, options, options.signal,
 * options.ref) and a validation error becomes a rejection, never a throw.
 * An abort rejects with an AbortError whose `cause` is the signal's reason.
 */
import { AbortError, codedError, validateAbortSignal, validateBoolean, validateNumber, validateObject } from '@mini/sys';
import { Immediate, type ImmediateQueue } from './immediate.js';
import { Timeout, type TimerQueue } from './timeout.js';

export interface TimerOptions {
  signal?: AbortSignal | undefined;
  ref?: boolean | undefined;
}

export interface TimersPromises {
  setTimeout<T = void>(delay?: number, value?: T, options?: TimerOptions): Promise<T>;
  setImmediate<T = void>(value?: T, options?: TimerOptions): Promise<T>;
  setInterval<T = void>(delay?: number, value?: T, options?: TimerOptions): AsyncGenerator<T, void, unknown>;
  readonly scheduler: Scheduler;
}

interface ParsedOptions {
  signal: AbortSignal | undefined;
  ref: boolean;
}

/** Validate as Node does; throws the Node error for the first bad argument. */
function parseOptions(delay: unknown, options: unknown, checkDelay: boolean): ParsedOptions {
  if (checkDelay && delay !== undefined) validateNumber(delay, 'delay');
  validateObject(options, 'options');
  const { signal, ref = true } = options as { signal?: unknown; ref?: unknown };
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function abortError(signal: AbortSignal | undefined): AbortError {
  return new AbortError(undefined, { cause: signal?.reason });
}

const kPromises = Symbol('kScheduler');

/** timers/promises' `scheduler`: not constructible, methods check their receiver. */
export class Scheduler {
  declare private [kPromises]: TimersPromises | undefined;

  constructor() {
    throw codedError('ERR_ILLEGAL_CONSTRUCTOR');
  }

  /** Resolves on the next turn of the immediate queue. */
  yield(): Promise<void> {
    // Like Node, a missing receiver fails on the property read itself.
    const promises = this[kPromises];
    if (!promises) throw codedError('ERR_INVALID_THIS', 'Scheduler');
    return promises.setImmediate();
  }

  /** Resolves after `delay` ms; `options` as setTimeout's. */
  wait(delay?: number, options?: TimerOptions): Promise<void> {
    const promises = this[kPromises];
    if (!promises) throw codedError('ERR_INVALID_THIS', 'Scheduler');
    return promises.setTimeout(delay, undefined, options);
  }
}

export function createTimersPromises(timeouts: TimerQueue, immediates: ImmediateQueue): TimersPromises {
  function setTimeout<T>(delay?: number, value?: T, options: TimerOptions = {}): Promise<T> {
    let parsed: ParsedOptions;
    try {
      parsed = parseOptions(delay, options, true);
    } catch (err) {
      return Promise.reject(err);
    }
    const { signal, ref } = parsed;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const args = value !== undefined ? [value] : undefined;
    let onAbort: (() => void) | undefined;
    const promise = new Promise<T>((resolve, reject) => {
      const timeout = new Timeout(timeouts, resolve as (...a: unknown[]) => void, delay, args, false, ref);
      timeouts.insert(timeout, timeout._idleTimeout);
      if (signal) {
        onAbort = () => {
          if (timeout._destroyed) return;
          timeouts.clearTimeout(timeout);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort);
      }
    });
    if (onAbort === undefined) return promise;
    const listener = onAbort;
    return promise.finally(() => signal!.removeEventListener('abort', listener));
  }

  function setImmediate<T>(value?: T, options: TimerOptions = {}): Promise<T> {
    let parsed: ParsedOptions;
    try {
      parsed = parseOptions(undefined, options, false);
    } catch (err) {
      return Promise.reject(err);
    }
    const { signal, ref } = parsed;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let onAbort: (() => void) | undefined;
    const promise = new Promise<T>((resolve, reject) => {
      const immediate = new Immediate(immediates, resolve as (...a: unknown[]) => void, [value]);
      if (!ref) immediate.unref();
      if (signal) {
        onAbort = () => {
          if (immediate._destroyed) return;
          immediates.clearImmediate(immediate);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort);
      }
    });
    if (onAbort === undefined) return promise;
    const listener = onAbort;
    return promise.finally(() => signal!.removeEventListener('abort', listener));
  }

  async function* setInterval<T>(delay?: number, value?: T, options: TimerOptions = {}): AsyncGenerator<T, void, unknown> {
    const { signal, ref } = parseOptions(delay, options, true);
    if (signal?.aborted) throw abortError(signal);
    let onAbort: (() => void) | undefined;
    let interval: Timeout | undefined;
    try {
      // Ticks that fired while the consumer was busy are not lost: each one
      // is yielded, in order, once the consumer asks again.
      let notYielded = 0;
      let wake: ((v?: Promise<never>) => void) | undefined;
      interval = new Timeout(
        timeouts,
        () => {
          notYielded++;
          if (wake) {
            wake();
            wake = undefined;
          }
        },
        delay,
        undefined,
        true,
        ref,
      );
      timeouts.insert(interval, interval._idleTimeout);
      if (signal) {
        onAbort = () => {
          timeouts.clearTimeout(interval);
          if (wake) {
            wake(Promise.reject(abortError(signal)));
            wake = undefined;
          }
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      while (!signal?.aborted) {
        if (notYielded === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve as (v?: Promise<never>) => void;
          });
        }
        for (; notYielded > 0; notYielded--) yield value as T;
      }
      throw abortError(signal);
    } finally {
      timeouts.clearTimeout(interval);
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
  }

  const api = { setTimeout, setImmediate, setInterval } as Omit<TimersPromises, 'scheduler'>;
  const scheduler = Object.create(Scheduler.prototype) as Scheduler;
  Object.defineProperty(scheduler, kPromises, { value: api });
  return Object.assign(api, { scheduler }) as TimersPromises;
}
