/**
 * Globals the program sees. Most (Buffer, URL, TextEncoder, AbortController,
 * structuredClone, queueMicrotask, performance) are the host's plain JS or
 * V8's own; timers and console are replaced by ours.
 */
import { defineLazy } from '@mini/sys';
import * as timers from '@mini/timers';
import { nameAsNode } from './builtin-names.js';
import { UNDICI_GLOBALS, type Undici } from './fetch.js';

/** The message classes node exposes as lazy globals; ours, from our worker_threads. */
const MESSAGING_GLOBALS = ['BroadcastChannel', 'MessageChannel', 'MessagePort'] as const;

export function installGlobals(console: Console, undici: () => Undici, builtin: (id: string) => unknown): void {
  const g = globalThis as Record<string, unknown>;
  const define = (name: string, value: unknown) =>
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: true });
  // Named as node names them before anything requires 'timers' (the registry names a module's functions when it loads).
  const timerGlobals = timersModule();
  nameAsNode('timers', timerGlobals);
  // Every function of the module is a global; its promises are not.
  for (const [name, value] of Object.entries(timerGlobals)) if (name !== 'promises') define(name, value);
  Object.defineProperty(g, 'console', { value: console, writable: true, configurable: true, enumerable: false });
  // fetch is a plain function that loads undici on its first call; the
  // classes are accessors that load it on first read and then become plain
  // writable values, as node's own lazy globals do.
  define('fetch', function fetch(input: unknown, init: unknown = undefined) {
    return undici().fetch(input, init);
  });
  for (const name of UNDICI_GLOBALS) defineLazy(g, name, () => undici()[name], false);
  // Read on first use, as node's: a program that never touches them does not load worker_threads.
  for (const name of MESSAGING_GLOBALS) defineLazy(g, name, () => (builtin('worker_threads') as Record<string, unknown>)[name], false);
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
