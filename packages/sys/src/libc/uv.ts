import { bindTable, hostNodeEnv, nativeCallback, viewMemory, type Pointer } from '../ffi.js';

/**
 * The host node's own libuv, exported by the node binary. We only read its
 * state (backend fd and timeout) to share the thread with it; we never drive
 * it from inside a native call.
 */
export const hostUv = bindTable({
  uv_default_loop: 'void *uv_default_loop()',
  uv_backend_fd: 'int uv_backend_fd(void *loop)',
  uv_backend_timeout: 'int uv_backend_timeout(void *loop)',
  uv_handle_get_type: 'int uv_handle_get_type(void *handle)',
  uv_walk: 'void uv_walk(void *loop, void *cb, _In_opt_ void *arg)',
  napi_get_uv_event_loop: 'int napi_get_uv_event_loop(void *env, _Out_ void *loop)',
});

/** uv_handle_type's UV_TIMER (uv.h: the handle types in alphabetical order after UV_UNKNOWN_HANDLE). */
const UV_TIMER = 13;

/**
 * uv_timer_t on 64-bit Linux, as uv.h lays it out (libuv keeps its ABI
 * across 1.x): the handle's `type` at 16 and its private `flags` at 88
 * (UV_HANDLE_ACTIVE = 0x4), then timer_cb, the heap node and, at 128, the
 * absolute `timeout` in the loop's clock.
 */
const TIMER_TYPE_OFFSET = 16;
const TIMER_FLAGS_OFFSET = 88;
const TIMER_TIMEOUT_OFFSET = 128;
const UV_HANDLE_ACTIVE = 0x4;

/** A host timer seen through its struct: reading it is a memory load, not a call. */
interface HostTimer {
  readonly words: Uint32Array;
}

/** Where uv_walk's callback puts the handles of the walk in progress. */
let walked: bigint[] = [];
let walkCallback: Pointer | undefined;

/** Every handle of a libuv loop (uv_walk), as pointers. */
function loopHandles(loop: bigint): bigint[] {
  walkCallback ??= nativeCallback('void mini_uv_walk_cb(void *handle, void *arg)', ((handle: bigint) => {
    walked.push(handle);
  }) as (...args: never[]) => unknown);
  walked = [];
  hostUv.uv_walk(loop, walkCallback, null);
  return walked;
}

/**
 * The host loop's timer handles. Node keeps all of its JS timers on one
 * uv_timer_t per environment, made at bootstrap, so one walk finds it.
 */
function hostTimers(loop: bigint): HostTimer[] {
  const timers: HostTimer[] = [];
  for (const handle of loopHandles(loop)) {
    if (hostUv.uv_handle_get_type(handle) !== UV_TIMER) continue;
    const memory = viewMemory(handle, TIMER_TIMEOUT_OFFSET + 8);
    const timer = { words: new Uint32Array(memory) };
    // The layout read here is the one uv_handle_get_type answered from.
    if (timer.words[TIMER_TYPE_OFFSET / 4] === UV_TIMER) timers.push(timer);
  }
  return timers;
}

/**
 * When the earliest active timer is due, in the host loop's clock (which is
 * ours: CLOCK_MONOTONIC in ms), or -1 when none is. This sees unref'd timers
 * too, which uv_backend_timeout does not: it answers 0 for a loop with no
 * active handle, whatever its timers.
 */
function hostTimerDeadline(timers: readonly HostTimer[]): number {
  let deadline = -1;
  for (const timer of timers) {
    const words = timer.words;
    if ((words[TIMER_FLAGS_OFFSET / 4]! & UV_HANDLE_ACTIVE) === 0) continue;
    // Two words rather than the BigUint64Array: no BigInt on every poll.
    const due = words[TIMER_TIMEOUT_OFFSET / 4]! + words[TIMER_TIMEOUT_OFFSET / 4 + 1]! * 4294967296;
    if (deadline < 0 || due < deadline) deadline = due;
  }
  return deadline;
}

/**
 * uv_loop_t begins `void *data; unsigned int active_handles; struct
 * uv__queue handle_queue;` (uv.h, public across 1.x; UV_LOOP_PRIVATE_FIELDS
 * come later): the count of active handles at 8, and the queue's `prev`,
 * its last handle, at 24. Every new handle is inserted there.
 */
const ACTIVE_HANDLES_OFFSET = 8;
const HANDLE_QUEUE_TAIL_OFFSET = 24;

/**
 * The host loop's timers, read on every blocking poll without a call: the
 * handles are walked again only when the loop's last handle changed (one was
 * made, or the last one closed) or the count of its active handles did, so
 * a timer made after the first walk is seen too.
 */
export class HostTimerSet {
  private readonly head: Uint32Array;
  private tailLo = -1;
  private tailHi = -1;
  private active = -1;
  private timers: HostTimer[] = [];
  private readonly loop: bigint;

  constructor(loop: bigint) {
    this.loop = loop;
    this.head = new Uint32Array(viewMemory(loop, HANDLE_QUEUE_TAIL_OFFSET + 8));
  }

  /** When the earliest active host timer is due (see hostTimerDeadline), or -1. */
  deadline(): number {
    const head = this.head;
    const lo = head[HANDLE_QUEUE_TAIL_OFFSET / 4]!;
    const hi = head[HANDLE_QUEUE_TAIL_OFFSET / 4 + 1]!;
    const active = head[ACTIVE_HANDLES_OFFSET / 4]!;
    if (lo !== this.tailLo || hi !== this.tailHi || active !== this.active) {
      this.tailLo = lo;
      this.tailHi = hi;
      this.active = active;
      this.timers = hostTimers(this.loop);
    }
    return hostTimerDeadline(this.timers);
  }
}

/**
 * This thread's host loop. `uv_default_loop()` is the main thread's loop
 * even when called from a worker thread, so the loop is asked of N-API with
 * this isolate's environment (each worker has its own). One call at boot.
 */
export function hostLoopOfThisThread(): bigint | null {
  const out = new BigUint64Array(1);
  if (hostUv.napi_get_uv_event_loop(hostNodeEnv(), new Uint8Array(out.buffer)) !== 0 || out[0] === 0n) return null;
  return out[0]!;
}

let view: { loop: bigint; words: Uint32Array } | undefined;

/**
 * Read on every blocking poll, so through a typed-array view of the struct's
 * head (a plain memory read) rather than a decode call (~0.5 µs each).
 */
export function hostActiveHandles(loop: bigint): number {
  if (view === undefined || view.loop !== loop) view = { loop, words: new Uint32Array(viewMemory(loop, 16)) };
  return view.words[ACTIVE_HANDLES_OFFSET / 4]!;
}
