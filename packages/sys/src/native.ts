/**
 * libmini: our own native helpers, compiled from `native/*.c` at build time
 * into `dist/native/libmini.so` (see scripts/build-native.mjs). Today it
 * holds the thread pool's native half (native/pool.c); its header says how
 * requests travel.
 *
 * When the library is missing (no C compiler at build time, say), the same
 * interface is served by `inlineWork`: each request runs synchronously on
 * the calling thread at submission and completes through the same port and
 * eventfd, so everything above behaves the same, only without parallelism.
 * That fallback warns once, saying why; `nativeStatus()` tells which path
 * is in use, and the test suite fails when it is not the native one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import koffi, { type LibraryHandle } from 'koffi';
import { lastErrno, loadLibrary } from './ffi.js';
import type { BoundTable, CheckedTable } from './prototype.js';
import { unistd } from './libc/unistd.js';
import { UV_EBUSY, UV_EINVAL, UV_ENOENT } from './errno.js';

/** A koffi binding seen from here: what it takes is checked by the prototype it was declared with. */
type KoffiFunction = (...args: unknown[]) => unknown;

/** An argument of a pool request: a number, or a buffer whose address the thread uses. */
export type WorkArg = number | ArrayBufferView | null;

/** How the pool reads a function's result register. */
export type WorkResult = 'int' | 'long';

/** libuv's work kinds; slow I/O may occupy at most (n + 1) / 2 threads. */
export const WORK_KIND = { cpu: 0, 'fast-io': 1, 'slow-io': 2 } as const;
export type WorkKind = keyof typeof WORK_KIND;

/** An opaque native port: one loop's mailbox for finished requests. */
export type PortHandle = bigint | object;

/** Bytes per completion record written by `drain`: slot u32, errno i32, result i64. */
export const COMPLETION_SIZE = 16;

export interface WorkBackend {
  /** 'native' when libmini runs requests on its threads. */
  readonly kind: 'native' | 'inline';
  /** Resolve a C function (libc, the node binary, or libmini) for requests; negative errno if absent. */
  fn(name: string, result: WorkResult): number;
  /** Fix the pool's size (first call wins) and return it. */
  configure(size: number): number;
  /** Threads started so far. */
  threads(): number;
  /** A port for a loop whose wakeup is `wakeFd`; null when memory ran out. */
  open(wakeFd: number): PortHandle | null;
  /** 0, or UV_EBUSY while requests of the port are in flight. */
  close(port: PortHandle): number;
  /**
   * Queue a request: 0, or a negative errno when it was refused. While a
   * `hold()` is open it is only recorded (and answers 0); `release()` sends
   * what was recorded in one batch.
   */
  submit(port: PortHandle, slot: number, fn: number, kind: number, args: readonly WorkArg[]): number;
  /** Start collecting submissions (nests). */
  hold(): void;
  /** End a hold; the last one sends the batch and returns what it could not queue. */
  release(): readonly RefusedSubmission[];
  /** Send what an open hold recorded so far; what could not be queued is still returned by the last `release()`. */
  flush(): void;
  /**
   * `view` as a request argument worked out once (its native address, or
   * the view itself inline), for memory its owner keeps alive and reuses
   * in request after request.
   */
  pin(view: ArrayBufferView): WorkArg;
  /** 0, or UV_EBUSY when a thread already runs it. */
  cancel(port: PortHandle, slot: number): number;
  /** Read the port's eventfd and copy up to `max` completions into `out`; returns how many. */
  drain(port: PortHandle, out: Uint8Array, max: number): number;
  /** Requests queued that no thread has taken yet. */
  queued(): number;
  /** Start or stop recording each request's run on its thread (for a trace). */
  tracePool(on: boolean): void;
  /** The runs recorded since the last call. */
  takePoolTrace(): PoolRunRecord[];
}

/** One request's run on a pool thread: `fn` is the index `fn()` returned; times in ns on CLOCK_MONOTONIC. */
export interface PoolRunRecord {
  tid: number;
  fn: number;
  startNs: number;
  endNs: number;
}

/** native/pool.c's struct trace_record. */
const TRACE_RECORD_SIZE = 24;
const TRACE_TAKE_MAX = 4096;

/** A held submission that could not be queued when its batch was sent. */
export interface RefusedSubmission {
  port: PortHandle;
  slot: number;
  errno: number;
}

const NONE_REFUSED: readonly RefusedSubmission[] = [];

const MAX_ARGS = 6;
/** struct submission in native/pool.c, in 32-bit words: port, slot, fn, kind, status, six int64 args. */
const SUBMISSION_WORDS = 18;
const BATCH_MAX = 256;

/** Store a safe integer as a little-endian int64 at word `i`. */
function writeInt64(w: Int32Array, i: number, n: number): void {
  const hi = Math.floor(n / 4294967296);
  w[i] = (n - hi * 4294967296) | 0;
  w[i + 1] = hi;
}
const RESULT_KIND: Record<WorkResult, number> = { int: 0, long: 1 };

/**
 * Set by the `mini` bundle's build to the library's path relative to the
 * bundle; unbundled, this file sits in src/ or dist/ beside the package's
 * dist/native. (Not require.resolve: that costs ~0.8 ms on the first call.)
 */
declare const __MINI_LIBMINI__: string | undefined;

function libraryPath(): string {
  if (typeof __MINI_LIBMINI__ === 'string') return join(__dirname, __MINI_LIBMINI__);
  return join(__dirname, '..', 'dist', 'native', 'libmini.so');
}

/**
 * A table of libmini's own C functions (libc/signal.ts, libc/spawn.ts),
 * bound on first use. It throws when the library is missing: unlike the
 * pool, those have no fallback that would be safe.
 */
export function libminiTable<const T extends Record<string, string>>(table: CheckedTable<T>): () => BoundTable<T> {
  let bound: BoundTable<T> | undefined;
  return () => (bound ??= loadLibrary(libraryPath()).bind<T>(table));
}

/** Why the library is not there: the build leaves a note when it cannot compile it. */
function whyMissing(path: string): string {
  const note = join(dirname(path), 'unavailable.txt');
  if (existsSync(note)) return readFileSync(note, 'utf8').trim();
  return `${path} does not exist (run the build)`;
}

/** libmini's calls that no request's round trip makes (NativeBackend.rareCalls). */
interface RareCalls {
  threads: () => number;
  close: (port: PortHandle) => number;
  cancel: (port: PortHandle, slot: number) => number;
  queued: () => number;
  trace: (on: number) => number;
  traceTake: (out: Uint8Array, max: number) => number;
}

class NativeBackend implements WorkBackend {
  readonly kind = 'native';
  private readonly lib: LibraryHandle;
  private readonly fnOf: KoffiFunction;
  private readonly submitBatch: (subs: Uint8Array, n: number) => number;
  private readonly addressOf: (view: ArrayBufferView) => number;
  readonly configure: (size: number) => number;
  readonly open: (wakeFd: number) => PortHandle | null;
  readonly drain: (port: PortHandle, out: Uint8Array, max: number) => number;
  private rare: RareCalls | undefined;
  /** Submissions recorded and not yet sent, as native/pool.c's struct submission. */
  private readonly batch = new Int32Array(BATCH_MAX * SUBMISSION_WORDS);
  private readonly batchBytes = new Uint8Array(this.batch.buffer);
  private readonly batchPorts: PortHandle[] = [];
  private pending = 0;
  private holds = 0;
  private refused: RefusedSubmission[] = [];
  /**
   * Native address of each ArrayBuffer seen: a buffer goes to a thread as a
   * number, and koffi pins a backing store in place the first time it sees
   * it, so one call per ArrayBuffer (not per request) finds the address.
   */
  private readonly bases = new WeakMap<ArrayBufferLike, number>();

  /** Declares the calls every request's round trip makes; the others wait for rareCalls(). */
  constructor(path: string) {
    const lib = koffi.load(path);
    this.lib = lib;
    this.fnOf = lib.func('int mini_work_fn(const char *name, int result)') as KoffiFunction;
    this.submitBatch = lib.func('int mini_work_submit(_Inout_ void *subs, int n)') as (subs: Uint8Array, n: number) => number;
    this.addressOf = lib.func('intptr_t mini_address(void *p)') as (view: ArrayBufferView) => number;
    this.configure = lib.func('int mini_pool_configure(unsigned int size)') as (size: number) => number;
    this.open = lib.func('void *mini_port_open(int fd)') as (fd: number) => PortHandle | null;
    this.drain = lib.func('int mini_port_drain(void *port, _Inout_ void *out, int max)') as (
      p: PortHandle,
      out: Uint8Array,
      max: number,
    ) => number;
  }

  /**
   * The calls no round trip makes, declared when first wanted: a
   * declaration costs ~9 µs, and these six were half of what the first
   * request spent declaring (measured).
   */
  private rareCalls(): RareCalls {
    if (this.rare !== undefined) return this.rare;
    const lib = this.lib;
    return (this.rare = {
      threads: lib.func('int mini_pool_threads()') as () => number,
      close: lib.func('int mini_port_close(void *port)') as (port: PortHandle) => number,
      cancel: lib.func('int mini_work_cancel(void *port, uint32_t slot)') as (p: PortHandle, s: number) => number,
      queued: lib.func('int mini_pool_queued()') as () => number,
      trace: lib.func('int mini_trace_pool(int on)') as (on: number) => number,
      traceTake: lib.func('int mini_trace_take(_Inout_ void *out, int max)') as (out: Uint8Array, max: number) => number,
    });
  }

  fn(name: string, result: WorkResult): number {
    return this.fnOf(name, RESULT_KIND[result]) as number;
  }

  threads(): number {
    return this.rareCalls().threads();
  }

  close(port: PortHandle): number {
    return this.rareCalls().close(port);
  }

  private address(view: ArrayBufferView): number {
    let base = this.bases.get(view.buffer);
    if (base === undefined) {
      base = this.addressOf(view) - view.byteOffset;
      this.bases.set(view.buffer, base);
    }
    return base + view.byteOffset;
  }

  pin(view: ArrayBufferView): WorkArg {
    return this.address(view);
  }

  submit(port: PortHandle, slot: number, fn: number, kind: number, args: readonly WorkArg[]): number {
    if (args.length > MAX_ARGS) return UV_EINVAL;
    const w = this.batch;
    const o = this.pending * SUBMISSION_WORDS;
    writeInt64(w, o, Number(port as bigint));
    w[o + 2] = slot;
    w[o + 3] = fn;
    w[o + 4] = kind;
    for (let i = 0; i < MAX_ARGS; i++) {
      const a = args[i];
      writeInt64(w, o + 6 + 2 * i, a === undefined || a === null ? 0 : typeof a === 'number' ? a : this.address(a));
    }
    this.batchPorts[this.pending++] = port;
    if (this.holds > 0 && this.pending < BATCH_MAX) return 0;
    this.flush();
    if (this.holds > 0) return 0;
    // Sent at once: a refusal is the caller's to report.
    const refused = this.refused;
    this.refused = [];
    return refused.length > 0 ? refused[0]!.errno : 0;
  }

  cancel(port: PortHandle, slot: number): number {
    // A request still in the batch is not queued yet: send the batch first, so it can be withdrawn there.
    this.flush();
    return this.rareCalls().cancel(port, slot);
  }

  hold(): void {
    this.holds++;
  }

  release(): readonly RefusedSubmission[] {
    if (--this.holds > 0) return NONE_REFUSED;
    this.flush();
    if (this.refused.length === 0) return NONE_REFUSED;
    const refused = this.refused;
    this.refused = [];
    return refused;
  }

  queued(): number {
    return this.rareCalls().queued();
  }

  tracePool(on: boolean): void {
    this.rareCalls().trace(on ? 1 : 0);
  }

  takePoolTrace(): PoolRunRecord[] {
    const out: PoolRunRecord[] = [];
    const buf = new Uint8Array(TRACE_TAKE_MAX * TRACE_RECORD_SIZE);
    const view = new DataView(buf.buffer);
    for (;;) {
      const n = this.rareCalls().traceTake(buf, TRACE_TAKE_MAX);
      for (let i = 0; i < n; i++) {
        const o = i * TRACE_RECORD_SIZE;
        out.push({
          tid: view.getInt32(o, true),
          fn: view.getUint32(o + 4, true),
          startNs: Number(view.getBigInt64(o + 8, true)),
          endNs: Number(view.getBigInt64(o + 16, true)),
        });
      }
      if (n < TRACE_TAKE_MAX) return out;
    }
  }

  /** One FFI call for everything recorded; records that were not queued carry their errno. */
  flush(): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    const queued = this.submitBatch(this.batchBytes, n);
    if (queued < n) {
      for (let i = 0; i < n; i++) {
        const status = this.batch[i * SUBMISSION_WORDS + 5]!;
        if (status < 0) this.refused.push({ port: this.batchPorts[i]!, slot: this.batch[i * SUBMISSION_WORDS + 2]!, errno: status });
      }
    }
    this.batchPorts.length = 0;
  }
}

interface InlinePort {
  wakeFd: number;
  done: { slot: number; err: number; result: number }[];
}

/**
 * The fallback: the same requests, run at submission on this thread through
 * koffi. Completions still wait for the port's drain, so callbacks run in
 * the poll phase and never inside the submitting call.
 */
class InlineBackend implements WorkBackend {
  readonly kind = 'inline';
  private readonly process = koffi.load(null);
  private readonly fns: { name: string; result: WorkResult; calls: Map<string, KoffiFunction> }[] = [];
  private size = 0;
  private readonly one = new Uint8Array(new BigUint64Array([1n]).buffer);
  private readonly scratch = new Uint8Array(8);

  fn(name: string, result: WorkResult): number {
    const found = this.fns.findIndex((f) => f.name === name && f.result === result);
    if (found >= 0) return found;
    try {
      this.process.func(name, result, []);
    } catch {
      return UV_ENOENT;
    }
    return this.fns.push({ name, result, calls: new Map() }) - 1;
  }

  configure(size: number): number {
    if (this.size === 0) this.size = Math.min(Math.max(size, 1), 1024);
    return this.size;
  }

  threads(): number {
    return 0;
  }

  open(wakeFd: number): PortHandle {
    return { wakeFd, done: [] } satisfies InlinePort;
  }

  close(port: PortHandle): number {
    return (port as InlinePort).done.length > 0 ? UV_EBUSY : 0;
  }

  submit(port: PortHandle, slot: number, fn: number, _kind: number, args: readonly WorkArg[]): number {
    const f = this.fns[fn];
    if (f === undefined || args.length > MAX_ARGS) return UV_EINVAL;
    let shape = '';
    for (const a of args) shape += typeof a === 'number' ? 'i' : 'p';
    let call = f.calls.get(shape);
    if (call === undefined) {
      const params = [...shape].map((c) => (c === 'p' ? 'void *' : 'intptr_t'));
      call = this.process.func(f.name, f.result === 'int' ? 'int' : 'intptr_t', params) as KoffiFunction;
      f.calls.set(shape, call);
    }
    const result = Number(call(...args));
    const p = port as InlinePort;
    p.done.push({ slot, err: result < 0 ? lastErrno() : 0, result });
    if (p.done.length === 1) unistd.write(p.wakeFd, this.one, 8);
    return 0;
  }

  pin(view: ArrayBufferView): WorkArg {
    return view;
  }

  cancel(): number {
    // Every request already ran at submission.
    return UV_EBUSY;
  }

  hold(): void {}

  release(): readonly RefusedSubmission[] {
    return NONE_REFUSED;
  }

  flush(): void {}

  queued(): number {
    return 0;
  }

  // Requests run on the loop thread as they are submitted: there are no pool threads to show.
  tracePool(): void {}

  takePoolTrace(): PoolRunRecord[] {
    return [];
  }

  drain(port: PortHandle, out: Uint8Array, max: number): number {
    const p = port as InlinePort;
    unistd.read(p.wakeFd, this.scratch, 8);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    const n = Math.min(max, p.done.length);
    for (let i = 0; i < n; i++) {
      const c = p.done[i]!;
      view.setUint32(i * COMPLETION_SIZE, c.slot, true);
      view.setInt32(i * COMPLETION_SIZE + 4, c.err, true);
      view.setBigInt64(i * COMPLETION_SIZE + 8, BigInt(c.result), true);
    }
    p.done.splice(0, n);
    if (p.done.length > 0) unistd.write(p.wakeFd, this.one, 8);
    return n;
  }
}

let backend: WorkBackend | undefined;
let reason: string | undefined;

/** The pool's backend, loaded on first use: libmini's threads, or the inline fallback with one warning. */
export function workBackend(): WorkBackend {
  if (backend !== undefined) return backend;
  const path = libraryPath();
  try {
    backend = new NativeBackend(path);
  } catch (err) {
    // Asked only now: an existsSync first cost every program's first pool request ~30 µs.
    reason = existsSync(path) ? (err as Error).message : whyMissing(path);
    process.emitWarning(`mini: the native thread pool is unavailable (${reason}); pool requests run inline on the loop thread`, {
      code: 'MINI_NATIVE_POOL',
    });
    backend = new InlineBackend();
  }
  return backend;
}

/** Which path the pool uses, and why when it is not native. */
export function nativeStatus(): { kind: 'native' | 'inline'; reason?: string } {
  const b = workBackend();
  return reason === undefined ? { kind: b.kind } : { kind: b.kind, reason };
}
