/**
 * libuv's uv_work_t, for native work: one call of a C function on a pool
 * thread. A request keeps its loop alive from submission until its `done`
 * callback has been called, and holds the buffers it passed by address, so
 * they stay alive (and in place) while a thread may write them.
 */
import type { WorkArg, WorkKind, WorkResult } from '@mini/sys';
import { captureAsyncContext, type AsyncContext } from '../async-context.js';
import { Request } from '../handle.js';
import type { Loop } from '../loop.js';

/**
 * A C function that pool requests call, declared once by the package that
 * owns the work (fs declares `open`, `read`, `statx`…). Resolved on first
 * use, so declaring it costs nothing at startup.
 */
export class WorkFunction {
  /** Symbol name in libc, the node binary or libmini. */
  readonly name: string;
  /** Result register read as a C int (sign-extended) or a full word (ssize_t, off_t). */
  readonly result: WorkResult;
  /** Slow I/O (getaddrinfo) may occupy at most (n + 1) / 2 threads. */
  readonly kind: WorkKind;
  /** How a trace names its requests ('fs.stat'); a request may say more precisely. */
  readonly label: string;
  /** The pool's index for it, once resolved. */
  id = -1;
  /**
   * Its result, when not negative, is a new fd (open): one nobody will see
   * is closed by the port (a request outliving its thread, settle()).
   */
  readonly yieldsFd: boolean;

  constructor(name: string, result: WorkResult = 'int', kind: WorkKind = 'cpu', label = name, yieldsFd = false) {
    this.name = name;
    this.result = result;
    this.kind = kind;
    this.label = label;
    this.yieldsFd = yieldsFd;
  }
}

/**
 * Called on the loop with the function's return value and its errno
 * (negative, libuv style; 0 when the call left errno unset). A request
 * cancelled before any thread took it completes with both -ECANCELED.
 */
export type WorkCallback = (result: number, errno: number) => void;

/** What the request needs from the pool that runs it. */
export interface WorkScheduler {
  cancel(req: WorkRequest): boolean;
}

export class WorkRequest extends Request {
  readonly fn: WorkFunction;
  /** Kept for the thread: buffers passed by address must outlive the call. */
  args: readonly WorkArg[];
  /** Index in its loop's table while in flight. */
  slot = -1;
  readonly done: WorkCallback;
  /** Names its callback in a trace: the function's label unless the caller says more ('fs.lstat'). */
  label: string;
  /** The context `done` runs in: where the request was made. */
  readonly context: AsyncContext;
  /** Made for a promise (fs/promises): Node's FSReqPromise rather than FSReqCallback. */
  forPromise = false;
  private readonly scheduler: WorkScheduler;

  constructor(loop: Loop, fn: WorkFunction, args: readonly WorkArg[], done: WorkCallback, scheduler: WorkScheduler) {
    super(loop);
    this.fn = fn;
    this.args = args;
    this.done = done;
    this.label = fn.label;
    this.scheduler = scheduler;
    this.context = captureAsyncContext(fn.kind === 'slow-io' ? 'GETADDRINFOREQWRAP' : 'FSREQCALLBACK');
  }

  override resourceName(): string {
    if (this.fn.kind === 'slow-io') return 'GetAddrInfoReqWrap';
    return this.forPromise ? 'FSReqPromise' : 'FSReqCallback';
  }

  /**
   * uv_cancel: succeeds only while no thread has picked the item up; `done`
   * then runs in the poll phase with -ECANCELED. False once it runs.
   */
  cancel(): boolean {
    return this.scheduler.cancel(this);
  }
}
