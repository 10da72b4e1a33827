/**
 * After every callback into user code Node drains the nextTick queue, then
 * all promise jobs, repeatedly until both are empty. The host's
 * `process._tickCallback` does exactly that — provided it is called from a
 * host macrotask (or a CommonJS top level), never from inside a promise job,
 * where V8 refuses a nested microtask checkpoint. That is why every loop
 * entry point is a host macrotask.
 */
import { tracing } from './trace/tracer.js';

const hostProcess = process as unknown as { _tickCallback(): void };
const tickCallback = hostProcess._tickCallback.bind(hostProcess);

/** Open holds: while any is, drains are skipped (see holdTicks). */
let holds = 0;

export function drainTicks(): void {
  if (holds > 0) return;
  const tr = tracing.tracer;
  if (tr === null) {
    tickCallback();
    return;
  }
  tr.ticksBegin();
  tickCallback();
  tr.ticksEnd();
}

/**
 * Run `fn` with drains skipped: a loop run nested inside a synchronous
 * call (spawnSync's own loop) calls back only into that call's code, and
 * the program's queued ticks and promise jobs must wait until it returns,
 * as in Node.
 */
export function holdTicks<T>(fn: () => T): T {
  holds++;
  try {
    return fn();
  } finally {
    holds--;
  }
}
