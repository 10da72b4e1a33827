/**
 * The loop seen from inside (`mini --trace-loop`): every iteration, every
 * phase and every callback into user code as a slice, in the Trace Event
 * Format that Perfetto and chrome://tracing open.
 *
 * Off, it costs one null check at each point the loop would record. On,
 * each slice is two clock reads and one object; the file is written once,
 * at the end (see `TraceLog.toJSON`).
 *
 * The loop thread's track is the process's main thread (tid = pid, as
 * Linux numbers a process's first thread); each pool thread gets a track
 * of its own from the records libmini keeps while tracing is on.
 */
import { traceTicks } from '../ticks.js';
import { describeFunction } from './function-name.js';

/** One event of the Trace Event Format (the fields we use). */
export interface TraceEvent {
  name: string;
  /** 'X' complete slice, 'C' counter, 'i' instant, 'M' metadata. */
  ph: 'X' | 'C' | 'i' | 'M';
  /** Microseconds on CLOCK_MONOTONIC, the clock of process.hrtime and of libmini's threads. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  s?: 't' | 'p' | 'g';
  args?: Record<string, unknown>;
}

/** The loop's phases, in libuv's order; poll is recorded as its two halves. */
export type Phase = 'timers' | 'pending' | 'idle' | 'prepare' | 'poll (waiting)' | 'poll (dispatching)' | 'check' | 'closing';

/** What a pool thread ran, as libmini records it. */
export interface PoolRun {
  tid: number;
  name: string;
  startNs: number;
  endNs: number;
}

/** Where the pool's records come from (the thread pool registers itself). */
export interface PoolTraceSource {
  start(): void;
  stop(): void;
  /** Records gathered since the last call. */
  take(): PoolRun[];
  /** Requests queued and not yet taken by a thread. */
  queued(): number;
}

// Captured now: user code may replace process.hrtime, and the trace must not follow it.
const hrtime = process.hrtime;

function nowUs(): number {
  const [s, ns] = hrtime();
  return s * 1e6 + ns / 1e3;
}

/** A tick drain this short ran nothing; it is left out of the file. */
const EMPTY_DRAIN_US = 1;

/**
 * Events kept, at most (~100 MB of JSON). A million immediates make nine
 * million phase slices; the trace keeps the first ones and says how many it
 * left out, rather than growing until the process runs out of memory.
 */
export const MAX_EVENTS = 750_000;

/** What begin() pushes once the trace is full: ends match begins without reading the clock. */
const FULL: Open = { name: '', cat: '', ts: 0, args: undefined };

interface Open {
  name: string;
  cat: string;
  ts: number;
  args: Record<string, unknown> | undefined;
  /** The user function a callback slice ran, named when the trace is written. */
  fn?: object;
}

export class LoopTracer {
  readonly pid = process.pid;
  readonly tid: number;
  private readonly events: TraceEvent[] = [];
  private readonly open: Open[] = [];
  private iteration = 0;
  private pool: PoolTraceSource | undefined;
  private readonly poolThreads = new Map<number, number>();
  private dropped = 0;
  private fullAt = 0;
  /** Callback slices whose user function is named at the end: asking V8 where a function is costs ~0.1 ms. */
  private readonly unnamed: { event: TraceEvent; fn: object }[] = [];

  constructor(tid = process.pid, threadName = 'loop') {
    this.tid = tid;
    this.meta('process_name', { name: `mini ${process.argv[1] ?? ''}`.trim() });
    this.meta('thread_name', { name: threadName }, tid);
    this.meta('thread_sort_index', { sort_index: 0 }, tid);
  }

  attachPool(source: PoolTraceSource): void {
    if (this.pool !== undefined) return;
    this.pool = source;
    source.start();
  }

  // ---- slices -------------------------------------------------------------

  begin(name: string, cat: string, args?: Record<string, unknown>): void {
    this.open.push(this.dropped > 0 ? FULL : { name, cat, ts: nowUs(), args });
  }

  end(extra?: Record<string, unknown>): void {
    const o = this.open.pop();
    if (o === undefined) return;
    if (o === FULL) {
      this.dropped++;
      return;
    }
    const ts = nowUs();
    const args = extra === undefined ? o.args : { ...o.args, ...extra };
    const e: TraceEvent = { name: o.name, cat: o.cat, ph: 'X', ts: o.ts, dur: ts - o.ts, pid: this.pid, tid: this.tid };
    if (args !== undefined) e.args = args;
    this.record(e);
    if (o.fn !== undefined && this.events[this.events.length - 1] === e) this.unnamed.push({ event: e, fn: o.fn });
  }

  /**
   * Close every slice opened since `depth` (an exception is on its way
   * out of the loop: the slices it unwinds end now, not never).
   */
  unwindTo(depth: number): void {
    while (this.open.length > depth) this.end({ threw: true });
  }

  depth(): number {
    return this.open.length;
  }

  iterationBegin(): void {
    this.iteration++;
    this.begin(`iteration ${this.iteration}`, 'iteration', { iteration: this.iteration });
  }

  iterationEnd(): void {
    this.end();
    // Now and then, so a long trace does not fill libmini's buffer.
    if (this.iteration % 64 === 0) this.collectPool();
  }

  phaseBegin(phase: Phase): void {
    this.begin(phase, 'phase');
  }

  phaseEnd(): void {
    this.end();
  }

  /** A callback into user code: `kind` says who called it, `fn` (when known) what ran. */
  callbackBegin(kind: string, fn?: unknown): void {
    if (this.dropped > 0) {
      this.open.push(FULL);
      return;
    }
    const o: Open = { name: kind, cat: 'callback', ts: 0, args: { kind } };
    if (typeof fn === 'function') o.fn = fn;
    this.open.push(o);
    o.ts = nowUs();
  }

  callbackEnd(): void {
    this.end();
  }

  ticksBegin(): void {
    if (this.dropped > 0) {
      this.open.push(FULL);
      return;
    }
    this.open.push({ name: 'nextTick + microtasks', cat: 'ticks', ts: nowUs(), args: undefined });
  }

  ticksEnd(): void {
    const o = this.open.pop();
    if (o === undefined || o === FULL) return;
    const dur = nowUs() - o.ts;
    if (dur < EMPTY_DRAIN_US) return;
    this.record({ name: o.name, cat: o.cat, ph: 'X', ts: o.ts, dur, pid: this.pid, tid: this.tid });
  }

  // ---- counters and marks -------------------------------------------------

  /** The loop's state as the poll phase decides how long to wait. */
  pollDecision(state: { handles: number; requests: number; pending: number; timeout: number; reason: string }): void {
    if (this.dropped > 0) return;
    const ts = nowUs();
    const queue = this.pool?.queued() ?? 0;
    this.record({
      name: 'loop',
      ph: 'C',
      ts,
      pid: this.pid,
      tid: this.tid,
      args: { 'active handles': state.handles, 'active requests': state.requests, 'pending callbacks': state.pending, 'pool queue': queue },
    });
    this.record({
      name: 'poll timeout (ms)',
      ph: 'C',
      ts,
      pid: this.pid,
      tid: this.tid,
      args: { timeout: state.timeout },
    });
    const top = this.open[this.open.length - 1];
    if (top !== undefined) top.args = { ...top.args, timeout: state.timeout, reason: state.reason };
  }

  /** A point in time worth marking on the loop's track (a child started, …). */
  instant(name: string, args?: Record<string, unknown>): void {
    const e: TraceEvent = { name, ph: 'i', s: 't', ts: nowUs(), pid: this.pid, tid: this.tid };
    if (args !== undefined) e.args = args;
    this.record(e);
  }

  private meta(name: string, args: Record<string, unknown>, tid = 0): void {
    // Metadata names the tracks: always kept, however full the trace is.
    this.events.push({ name, ph: 'M', ts: 0, pid: this.pid, tid, args });
  }

  private record(e: TraceEvent): void {
    if (this.events.length < MAX_EVENTS) {
      this.events.push(e);
      return;
    }
    if (this.dropped++ === 0) this.fullAt = e.ts;
  }

  // ---- output -------------------------------------------------------------

  /** Everything recorded, pool threads included; slices still open end now. */
  finish(): { traceEvents: TraceEvent[]; displayTimeUnit: 'ms' } {
    this.unwindTo(0);
    for (const { event, fn } of this.unnamed) {
      const where = describeFunction(fn);
      event.name = `${event.name}: ${where}`;
      event.args = { ...event.args, fn: where };
    }
    this.unnamed.length = 0;
    if (this.dropped > 0) {
      this.events.push({
        name: `trace full: ${this.dropped} later events not recorded`,
        ph: 'i',
        s: 'g',
        ts: this.fullAt,
        pid: this.pid,
        tid: this.tid,
        args: { kept: MAX_EVENTS, dropped: this.dropped },
      });
    }
    if (this.pool !== undefined) {
      for (const run of this.pool.take()) this.addPoolRun(run);
      this.pool.stop();
    }
    return { traceEvents: this.events, displayTimeUnit: 'ms' };
  }

  private addPoolRun(run: PoolRun): void {
    if (!this.poolThreads.has(run.tid)) {
      const n = this.poolThreads.size + 1;
      this.poolThreads.set(run.tid, n);
      this.meta('thread_name', { name: `pool thread ${n}` }, run.tid);
      this.meta('thread_sort_index', { sort_index: n }, run.tid);
    }
    this.record({
      name: run.name,
      cat: 'pool',
      ph: 'X',
      ts: run.startNs / 1e3,
      dur: (run.endNs - run.startNs) / 1e3,
      pid: this.pid,
      tid: run.tid,
    });
  }

  private collectPool(): void {
    if (this.pool === undefined) return;
    for (const run of this.pool.take()) this.addPoolRun(run);
  }
}

/**
 * The tracer of this thread's loops, or null (the usual case). One per
 * thread: a worker thread has its own module instances and so its own. A
 * property of a constant object, so each check is one load.
 */
export const tracing: { tracer: LoopTracer | null } = { tracer: null };

let poolSource: PoolTraceSource | undefined;

/** Called by the thread pool when it starts, so a trace can show its threads. */
export function registerPoolTraceSource(source: PoolTraceSource): void {
  poolSource = source;
  tracing.tracer?.attachPool(source);
}

export function startTracing(): LoopTracer {
  let t = tracing.tracer;
  if (t === null) {
    t = new LoopTracer();
    tracing.tracer = t;
    traceTicks(t);
    if (poolSource !== undefined) t.attachPool(poolSource);
  }
  return t;
}

/** Stop recording and return what was recorded. */
export function stopTracing(): ReturnType<LoopTracer['finish']> | undefined {
  const t = tracing.tracer;
  if (t === null) return undefined;
  tracing.tracer = null;
  traceTicks(null);
  return t.finish();
}
