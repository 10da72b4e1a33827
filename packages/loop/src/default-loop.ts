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
