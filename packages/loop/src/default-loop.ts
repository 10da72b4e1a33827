import { driveFromHost, driverOf } from './drive.js';
import { Loop } from './loop.js';

let defaultLoopInstance: Loop | undefined;

/**
 * This thread's loop. Unless the runtime took the thread first (`ownThread`),
 * it is driven by the host loop, so importing a package into a plain Node
 * program just works.
 */
export function defaultLoop(): Loop {
  if (defaultLoopInstance === undefined) {
    defaultLoopInstance = new Loop();
    queueMicrotask(() => {
      if (defaultLoopInstance && driverOf(defaultLoopInstance) === undefined) driveFromHost(defaultLoopInstance);
    });
  }
  return defaultLoopInstance;
}

/**
 * This thread's loop for a runtime that drives it itself (it calls
 * `ownThread` on it at once): no hand-over to the host is queued. That
 * microtask would only find the loop taken, and the host's queueMicrotask
 * costs its first caller ~0.1 ms (an async resource, its hooks' checks),
 * all inside the program's first microtask checkpoint (measured: the drain
 * after a main module that starts an fs.stat went from ~180 to ~50 µs).
 */
export function claimDefaultLoop(): Loop {
  return (defaultLoopInstance ??= new Loop());
}
