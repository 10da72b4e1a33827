/**
 * After every callback into user code Node drains the nextTick queue, then
 * all promise jobs, repeatedly until both are empty. The host's
 * `process._tickCallback` does exactly that — provided it is called from a
 * host macrotask (or a CommonJS top level), never from inside a promise job,
 * where V8 refuses a nested microtask checkpoint. That is why every loop
 * entry point is a host macrotask.
 *
 * `drainTicks` is the host's function itself (bound), not a function of
 * ours that calls it: a tick or a promise job runs with no frame of ours
 * between it and the callback that queued it, and V8 counts every frame
 * below a job against Error.stackTraceLimit before it appends the job's
 * async frames ("at async f"). What it is changes while a drain is held or
 * the loop is traced.
 */
const hostProcess = process as unknown as { _tickCallback(): void };
const runHostTicks: () => void = hostProcess._tickCallback.bind(hostProcess);

/** What a traced drain records (the loop's tracer). */
interface TickTracer {
  ticksBegin(): void;
  ticksEnd(): void;
}

let tracer: TickTracer | null = null;
/** Open holds: while any is, drains are skipped (see holdTicks). */
let holds = 0;

function tracedDrain(): void {
  tracer!.ticksBegin();
  runHostTicks();
  tracer!.ticksEnd();
}

function skipDrain(): void {}

export let drainTicks: () => void = runHostTicks;

function chooseDrain(): void {
  drainTicks = holds > 0 ? skipDrain : tracer !== null ? tracedDrain : runHostTicks;
}

/** Record each drain in `t`'s trace (null: stop recording). */
export function traceTicks(t: TickTracer | null): void {
  tracer = t;
  chooseDrain();
}

/**
 * Run `fn` with drains skipped: a loop run nested inside a synchronous
 * call (spawnSync's own loop) calls back only into that call's code, and
 * the program's queued ticks and promise jobs must wait until it returns,
 * as in Node.
 */
export function holdTicks<T>(fn: () => T): T {
  holds++;
  chooseDrain();
  try {
    return fn();
  } finally {
    holds--;
    chooseDrain();
  }
}
