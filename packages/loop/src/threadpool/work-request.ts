/**
 * libuv's uv_work_t: one item of work for the pool. A request keeps its
 * loop alive from submission until its `done` callback has been called.
 */
import {
  ECANCELED,
  errnoDescription,
} from '@mini/sys';
import { Request } from '../handle.js';
import type { Loop } from '../loop.js';
import type { DoneMessage, WorkKind } from './protocol.js';
import { unpackError } from './protocol.js';
import type { QueuedWork } from './work-queue.js';

export interface Work {
  /** Absolute path of a CommonJS module, loaded by the pool thread. */
  module: string;
  /** Name of the function it exports; called with `args`, its return value goes to `done`. */
  fn: string;
  /** Structured-cloned to the thread. */
  args: unknown[];
  /** libuv's work kinds; slow I/O may occupy only (n + 1) / 2 threads. Default 'cpu'. */
  kind?: WorkKind;
}

export type WorkCallback = (err: Error | null, result?: unknown) => void;

/** What the request needs from the pool that runs it. */
export interface WorkScheduler {
  cancel(req: WorkRequest): boolean;
}


/** The outcome of a cancelled item. */
export const CANCELLED = 'cancelled';

export class WorkRequest extends Request implements QueuedWork {
  readonly id: number;
  readonly work: Work;
  readonly slow: boolean;
  seq = 0;
  queued = false;
  /** Set when the thread answered (or the item was cancelled), read when `done` runs. */
  outcome: DoneMessage | typeof CANCELLED | undefined;
  private readonly done: WorkCallback;
  private readonly scheduler: WorkScheduler;

  constructor(loop: Loop, id: number, work: Work, done: WorkCallback, scheduler: WorkScheduler) {
    super(loop);
    this.id = id;
    this.work = work;
    this.slow = work.kind === 'slow-io';
    this.done = done;
    this.scheduler = scheduler;
  }

  /**
   * uv_cancel: succeeds only while no thread has picked the item up; `done`
   * is then called with an ECANCELED error. Returns false once it runs.
   */
  cancel(): boolean {
    return this.scheduler.cancel(this);
  }

  /** Call `done` with the outcome; the request is no longer in flight. */
  deliver(): void {
    const outcome = this.outcome;
    this.outcome = undefined;
    this.finish();
    if (outcome === CANCELLED) this.done(cancelledError());
    else if (outcome === undefined) throw new Error('work request delivered without an outcome');
    else if (outcome.ok) this.done(null, outcome.value);
    else if ('error' in outcome) this.done(unpackError(outcome.error));
    else this.done(outcome.thrown as Error);
  }
}

function cancelledError(): Error {
  const err = new Error(`ECANCELED: ${errnoDescription(ECANCELED)}`) as Error & { errno: number; code: string };
  err.errno = -ECANCELED;
  err.code = 'ECANCELED';
  return err;
}
