/**
 * A loop trace as written by `mini --trace-loop`, read back into the shape
 * the summary and the picture need: the loop thread's slices in order,
 * each callback with the phase and iteration it ran in.
 */
import { readFileSync } from 'node:fs';

export interface Slice {
  name: string;
  cat: string;
  /** µs */
  ts: number;
  dur: number;
  tid: number;
  args: Record<string, unknown>;
}

export interface Iteration {
  index: number;
  slice: Slice;
  phases: Slice[];
  /** The poll phase's wait (absent when the iteration did not poll). */
  wait: Slice | undefined;
}

export interface LoopTrace {
  file: string;
  /** The loop thread's slices, by start time (outer before inner on ties). */
  slices: Slice[];
  iterations: Iteration[];
  callbacks: { slice: Slice; phase: string; iteration: number }[];
  /** Pool threads' runs. */
  pool: Slice[];
  start: number;
  end: number;
  /** Set when the recorder stopped keeping events (its note, as written). */
  full: string | undefined;
  /** The child processes the program started, in order. */
  children: { pid: number; file: string; ts: number }[];
}

interface RawEvent {
  name?: unknown;
  cat?: unknown;
  ph?: unknown;
  ts?: unknown;
  dur?: unknown;
  tid?: unknown;
  args?: unknown;
}

export function readTrace(file: string): LoopTrace {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: unknown } | unknown[];
  const events = (Array.isArray(parsed) ? parsed : (parsed as { traceEvents?: unknown }).traceEvents) as RawEvent[] | undefined;
  if (!Array.isArray(events)) throw new Error(`${file}: not a trace (no traceEvents)`);
  const loopTid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: unknown })?.name === 'loop')?.tid;
  const slices: Slice[] = [];
  const pool: Slice[] = [];
  let full: string | undefined;
  const children: LoopTrace['children'] = [];
  for (const e of events) {
    if (e.ph === 'i' && typeof e.name === 'string' && e.name.startsWith('trace full')) full = e.name;
    if (e.ph === 'i' && e.name === 'child process' && typeof e.ts === 'number') {
      const a = (e.args ?? {}) as { pid?: unknown; file?: unknown };
      children.push({ pid: Number(a.pid), file: String(a.file), ts: e.ts });
    }
    if (e.ph !== 'X' || typeof e.ts !== 'number' || typeof e.dur !== 'number') continue;
    const s: Slice = {
      name: String(e.name),
      cat: typeof e.cat === 'string' ? e.cat : '',
      ts: e.ts,
      dur: e.dur,
      tid: Number(e.tid),
      args: (e.args ?? {}) as Record<string, unknown>,
    };
    if (s.cat === 'pool') pool.push(s);
    else if (loopTid === undefined || s.tid === loopTid) slices.push(s);
  }
  slices.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  pool.sort((a, b) => a.ts - b.ts);

  const iterations: Iteration[] = [];
  const callbacks: LoopTrace['callbacks'] = [];
  // One pass with a stack of enclosing slices: phases and iterations are found by containment.
  const stack: Slice[] = [];
  for (const s of slices) {
    while (stack.length > 0 && s.ts >= stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur) stack.pop();
    const iteration = innermost(stack, 'iteration');
    const phase = innermost(stack, 'phase');
    if (s.cat === 'iteration') {
      iterations.push({ index: Number(s.args['iteration'] ?? iterations.length + 1), slice: s, phases: [], wait: undefined });
    } else if (s.cat === 'phase' && iteration !== undefined) {
      const it = iterations[iterations.length - 1]!;
      it.phases.push(s);
      if (s.name === 'poll (waiting)') it.wait = s;
    } else if (s.cat === 'callback') {
      callbacks.push({
        slice: s,
        phase: phase?.name ?? (s.ts < (iterations[0]?.slice.ts ?? Infinity) ? 'before the loop' : 'between iterations'),
        iteration: iteration === undefined ? 0 : Number(iteration.args['iteration']),
      });
    }
    stack.push(s);
  }
  let start = Infinity;
  let end = -Infinity;
  for (const s of slices.concat(pool)) {
    if (s.ts < start) start = s.ts;
    if (s.ts + s.dur > end) end = s.ts + s.dur;
  }
  if (start === Infinity) start = end = 0;
  return { file, slices, iterations, callbacks, pool, start, end, full, children };
}

function innermost(stack: readonly Slice[], cat: string): Slice | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.cat === cat) return stack[i];
  return undefined;
}
