/**
 * Globals the program sees. Most (Buffer, URL, TextEncoder, AbortController,
 * structuredClone, queueMicrotask, performance) are the host's plain JS or
 * V8's own; timers and console are replaced by ours.
 */
import * as timers from '@mini/timers';

export function installGlobals(console: Console): void {
  const g = globalThis as Record<string, unknown>;
  const define = (name: string, value: unknown) =>
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: true });
  define('setTimeout', timers.setTimeout);
  define('clearTimeout', timers.clearTimeout);
  define('setInterval', timers.setInterval);
  define('clearInterval', timers.clearInterval);
  define('setImmediate', timers.setImmediate);
  define('clearImmediate', timers.clearImmediate);
  Object.defineProperty(g, 'console', { value: console, writable: true, configurable: true, enumerable: false });
}

/** `require('timers')` as Node shapes it. */
export function timersModule(): Record<string, unknown> {
  return {
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    setImmediate: timers.setImmediate,
    clearImmediate: timers.clearImmediate,
    promises: timers.timersPromises,
  };
}
