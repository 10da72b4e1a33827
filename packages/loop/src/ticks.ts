/**
 * After every callback into user code Node drains the nextTick queue, then
 * all promise jobs, repeatedly until both are empty. The host's
 * `process._tickCallback` does exactly that — provided it is called from a
 * host macrotask (or a CommonJS top level), never from inside a promise job,
 * where V8 refuses a nested microtask checkpoint. That is why every loop
 * entry point is a host macrotask.
 */
const hostProcess = process as unknown as { _tickCallback(): void };
const tickCallback = hostProcess._tickCallback.bind(hostProcess);

export function drainTicks(): void {
  tickCallback();
}
