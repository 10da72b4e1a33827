/**
 * The event loop, phase for phase as libuv's `uv_run` (1.45+):
 *
 *   timers (once, DEFAULT mode only)
 *   ┌─> pending ─> idle ─> prepare ─> poll ─> check ─> closing ─> timers ─┐
 *   └─────────────────────── while alive and not stopped ─────────────────┘
 *
 * Alive = active ref'd handles, requests in flight, pending callbacks, or
 * handles still closing. Poll blocks until the nearest timer, forever when
 * there is none, and not at all when idle handles run, callbacks are
 * pending or handles are closing.
 *
 * Who blocks is pluggable (see drive.ts): the `mini` command owns the
 * thread and blocks in epoll_wait itself; a plain Node program that imports
 * a package lets its host loop watch our epoll fd instead.
 */
import { EPOLLERR, EPOLLHUP, EPOLLIN, EPOLLOUT, UV_EINTR, hrtime } from '@mini/sys';
import { bindAsyncContext, runInAsyncContext } from './async-context.js';
import { Handle, RequestQueue, type Request } from './handle.js';
import { EpollBackend, MAX_EVENTS } from './io.js';
import { PhaseQueue } from './phase-handles.js';
import { Timer, TimerHeap } from './timer.js';
import { drainTicks } from './ticks.js';
import { tracing, type LoopTracer } from './trace/tracer.js';

export enum RunMode {
  DEFAULT = 0,
  ONCE = 1,
  NOWAIT = 2,
}

/**
 * What a driver may add around the poll phase: the thread-owning driver
 * shortens the wait to the host loop's own next timer and asks the loop to
 * yield when the host has work.
 */
export interface PollBridge {
  /** Adjust the computed poll timeout (ms, -1 = forever). */
  timeout(ours: number): number;
  /** Called after each wait with the number of events it returned. */
  afterWait(events: number, timeout: number): void;
}

const INT_MAX = 0x7fffffff;

/** The driver that owns the thread (drive.ts's ownThread), told when each run it scheduled starts and ends. */
export interface RunOwner {
  /** The run starts; true when it goes on from one that ended to give the host a turn. */
  starting(): boolean;
  /** The run is over: finished, or left by an exception on its way to the host's uncaught handler. */
  ended(finished: boolean): void;
}

export interface RunOptions {
  force?: boolean;
  resume?: boolean;
  owner?: RunOwner;
}

const NO_TIMERS: Timer[] = [];

/** The phases of an iteration, in order: where a run is, and where an interrupted one goes on. */
const enum Phase {
  PENDING,
  IDLE,
  PREPARE,
  POLL,
  /** The pending callbacks poll queued (libuv runs them right after poll). */
  AFTER_POLL,
  CHECK,
  CLOSING,
  TIMERS,
}

/**
 * Set by the thread pool: sends work a batch still holds. Requests started
 * by completion callbacks wait for the batch to end, but a loop that blocks
 * inside one (a nested run, from a callback or the microtasks after it)
 * would wait for work that was never sent.
 */
let sendHeldWork: (() => void) | undefined;

export function setSendHeldWork(fn: () => void): void {
  sendHeldWork = fn;
}

/** What a readiness event means, as a trace names the callback it runs. */
function ioEventName(events: number): string {
  if (events & (EPOLLERR | EPOLLHUP)) return events & EPOLLIN ? 'read' : 'hangup';
  if (events & EPOLLIN) return events & EPOLLOUT ? 'read/write' : 'read';
  return 'write';
}

export interface LoopOptions {
  /** Ready events read per wait (see EpollBackend); the default suits a loop with many fds. */
  maxEvents?: number;
}

export class Loop {
  readonly backend: EpollBackend;
  readonly timerHeap = new TimerHeap();
  readonly idleHandles = new PhaseQueue();
  readonly prepareHandles = new PhaseQueue();
  readonly checkHandles = new PhaseQueue();
  activeHandles = 0;
  activeRequests = 0;
  /**
   * The handles and requests Node names in process.getActiveResourcesInfo()
   * (libuv's handle queue and Node's request queue), in the order they were
   * made: a handle from its construction until it is closed, a request
   * while it is in flight. Internal handles (timers, immediates' idle and
   * check, wakeups, the pool's port) have no such name and are not here.
   */
  readonly handleQueue = new Set<Handle>();
  /**
   * The requests, as a list through the requests themselves: thousands
   * come and go per second (a lookup, a read), and a Set entry each cost a
   * hash and a rehash now and then.
   */
  readonly requestQueue = new RequestQueue();
  /** Requests finished during the callback being run: Node lists them until it returns (and its ticks ran). */
  private readonly finishedRequests: (Request | undefined)[] = [];
  private finishedCount = 0;
  nextTimerId = 0;
  /** Cached loop time in ms, as uv_now. */
  private time = 0;
  private stopFlag = false;
  private yieldFlag = false;
  private pending: (() => void)[] = [];
  private closingHead: Handle | null = null;
  private running = false;
  /** The phase running now (or last). */
  private phase = Phase.TIMERS;
  /** The timers phase's batch of due timers, and the next of them to fire. */
  private firing = NO_TIMERS;
  private firingNext = 0;
  /** Where the next run starts when the last one was left by an exception. */
  private interrupted: Phase | null = null;
  private closed = false;
  bridge: PollBridge | undefined;
  /**
   * Milliseconds spent blocked in epoll_wait, and when the loop first ran
   * (process.hrtime, in ms): libuv's uv_metrics_idle_time and Node's
   * loopStart, which performance.eventLoopUtilization() reads.
   */
  idleTime = 0;
  loopStart = -1;
  /**
   * Where a worker's loop publishes both for its parent's worker.performance,
   * and whether it is blocked in epoll_wait now (1) or running (0), which
   * tells the parent that a wakeup it sent will be heard: [idleTime, loopStart, waiting].
   */
  metrics: Float64Array | null = null;
  /**
   * The last clock reading in ms (unrounded), and whether no callback has
   * run since: then it is where a wait's idle time starts, and poll needs
   * no reading of its own before epoll_wait (a process.hrtime is ~35 ns,
   * a tenth of an fs.watch event's whole path from the kernel to 'change').
   */
  private clock = 0;
  private clockFresh = false;
  /** Called when work is added while the loop is not running, so a driver can come back. */
  wakeHook: (() => void) | undefined;

  constructor(options: LoopOptions = {}) {
    this.backend = new EpollBackend(options.maxEvents);
    this.updateTime();
  }

  now(): number {
    return this.time;
  }

  updateTime(): void {
    // process.hrtime (as captured at boot: a program may replace it), not
    // performance.now: the `performance` global loads perf_hooks on first
    // use, a few ms of startup.
    const [sec, nsec] = hrtime();
    this.time = sec * 1000 + Math.floor(nsec / 1e6);
    this.clock = sec * 1e3 + nsec / 1e6;
    this.clockFresh = true;
  }

  isRunning(): boolean {
    return this.running;
  }

  alive(): boolean {
    return this.activeHandles > 0 || this.activeRequests > 0 || this.pending.length > 0 || this.closingHead !== null;
  }

  /**
   * What Node's process.getActiveResourcesInfo() lists of the loop's own:
   * each request in flight, then each ref'd handle not yet closed (closing
   * ones still count, as in Node), by Node's names for them.
   */
  activeResourceNames(): string[] {
    const names: string[] = [];
    for (let req = this.requestQueue.head; req !== null; req = req.queueNext) names.push(req.resourceName()!);
    for (const handle of this.handleQueue) if (handle.hasRef()) names.push(handle.resourceName()!);
    return names;
  }

  stop(): void {
    this.stopFlag = true;
  }

  /** End the run after this iteration so the host loop gets a turn; the driver resumes us. */
  requestYield(): void {
    this.yieldFlag = true;
  }

  /** True once after a run that ended because the host asked for a turn. */
  takeYield(): boolean {
    const y = this.yieldFlag;
    this.yieldFlag = false;
    return y;
  }

  /**
   * Options beyond libuv's: `force` runs the iteration even when nothing of
   * ours keeps the loop alive (host-driven mode: the host decides whether
   * the process lives, and while it does, unref'd timers still fire, as in
   * Node). `resume` continues a run that ended to give the host a turn: the
   * iteration it finished already ran its timers, so the next one starts at
   * the pending phase, as if the run had never stopped. `owner` is the
   * driver that owns the thread, told when a run it scheduled starts and
   * ends (it says itself whether the run resumes).
   *
   * One function, uv_run and its iteration together, calling the callbacks
   * of timers, check handles and I/O watchers itself and draining ticks
   * right after each: a program's callback sits on as few frames of ours as
   * can be. V8 counts every frame below it against Error.stackTraceLimit
   * before it appends a promise job's async frames ("at async f"), and
   * node's own stacks have one or two frames there, its loop being native.
   * Traced or not, the same code runs: a trace costs a test of `tr` per
   * phase and per callback.
   */
  run(mode: RunMode = RunMode.DEFAULT, opts?: RunOptions): boolean {
    if (this.running) throw new Error('loop is already running');
    const owner = opts?.owner;
    const resume = owner !== undefined ? owner.starting() : opts?.resume === true;
    this.running = true;
    const tr = tracing.tracer;
    const depth = tr === null ? 0 : tr.depth();
    const backend = this.backend;
    let finished = false;
    try {
      // The host (or the caller) ran code since the loop last read the clock.
      this.clockFresh = false;
      if (this.loopStart < 0) {
        const [sec, nsec] = hrtime();
        this.loopStart = sec * 1e3 + nsec / 1e6;
        if (this.metrics !== null) this.metrics[1] = this.loopStart;
      }
      const force = opts?.force === true;
      let alive = this.alive() || force;
      if (!alive) this.updateTime();
      // The phase this pass starts from. A callback threw out of the last
      // run: finish that iteration from the phase it stopped in, as Node goes
      // on with the timers (or the immediates) left after an uncaught
      // exception before anything else.
      let from = this.interrupted;
      const resumed = from !== null;
      // The timers libuv runs once before the first iteration in DEFAULT
      // mode, for backwards compatibility: a pass of the timers phase alone.
      let prelude = false;
      // Whether this pass is the rest of an interrupted iteration.
      let partial = resumed;
      this.interrupted = null;
      if (resumed) {
        // Node retries the timers and immediates lists at once, so the ticks
        // queued meanwhile wait for the next callback; after any other
        // callback they run as soon as the exception is handled.
        if (from !== Phase.TIMERS && from !== Phase.CHECK) drainTicks();
      } else if (mode === RunMode.DEFAULT && alive && !this.stopFlag && !resume) {
        from = Phase.TIMERS;
        prelude = true;
      } else if (alive && !this.stopFlag && !this.yieldFlag) {
        from = Phase.PENDING;
      }
      while (from !== null) {
        if (tr !== null && !prelude) tr.iterationBegin();
        const canSleep = this.pending.length === 0 && this.idleHandles.size === 0;
        if (from <= Phase.PENDING) {
          this.phase = Phase.PENDING;
          tr?.phaseBegin('pending');
          this.runPending();
          tr?.phaseEnd();
        }
        if (from <= Phase.IDLE) {
          this.phase = Phase.IDLE;
          tr?.phaseBegin('idle');
          this.idleHandles.run(this);
          tr?.phaseEnd();
        }
        if (from <= Phase.PREPARE) {
          this.phase = Phase.PREPARE;
          tr?.phaseBegin('prepare');
          this.prepareHandles.run(this);
          tr?.phaseEnd();
        }
        if (from <= Phase.POLL) {
          this.phase = Phase.POLL;
          // A resumed poll goes on with the batch a callback threw out of, and waits no more.
          let n = 0;
          if (from === Phase.POLL) {
            tr?.phaseBegin('poll (dispatching)');
          } else {
            const waits = (mode === RunMode.ONCE && canSleep) || mode === RunMode.DEFAULT;
            n = this.poll(waits ? this.backendTimeout() : 0, waits, tr);
          }
          // libuv re-polls with zero timeout while the buffer comes back full.
          for (let rounds = 48; ;) {
            for (let w = backend.next(); w !== null; w = backend.next()) {
              const events = backend.readyEvents;
              const label = tr !== null ? w.label : null;
              if (label !== null) tr!.callbackBegin(label.includes(' ') ? label : `${label} ${ioEventName(events)}`);
              if (w.context === undefined) w.callback(events);
              else runInAsyncContext(w.context, w.callback, undefined, [events]);
              if (label !== null) tr!.callbackEnd();
              drainTicks();
              this.callbackDone();
            }
            if (n < MAX_EVENTS || --rounds === 0) break;
            n = this.pollWait(0);
            if (n === 0) break;
            backend.begin(n);
          }
          tr?.phaseEnd();
        }
        if (from <= Phase.AFTER_POLL) {
          this.phase = Phase.AFTER_POLL;
          // Callbacks queued by poll (e.g. write completions) run now, a bounded
          // number of rounds so a callback that queues another cannot starve I/O.
          // Only when poll queued some: libuv's "immediate callbacks (e.g. write_cb)".
          if (this.pending.length > 0) {
            tr?.phaseBegin('pending');
            for (let i = 0; i < 8 && this.pending.length > 0; i++) this.runPending();
            tr?.phaseEnd();
          }
        }
        if (from <= Phase.CHECK) {
          this.phase = Phase.CHECK;
          tr?.phaseBegin('check');
          for (const h of this.checkHandles.snapshot()) {
            // A handle a callback of this phase stopped is skipped.
            if (!h.isActive() || h.callback === undefined) continue;
            const label = tr !== null ? h.traceLabel : null;
            if (label !== null) tr!.callbackBegin(label);
            const cb = h.callback;
            cb();
            if (label !== null) tr!.callbackEnd();
            drainTicks();
            this.callbackDone();
          }
          tr?.phaseEnd();
        }
        if (from <= Phase.CLOSING) {
          this.phase = Phase.CLOSING;
          tr?.phaseBegin('closing');
          this.runClosing();
          tr?.phaseEnd();
        }
        this.phase = Phase.TIMERS;
        this.updateTime();
        tr?.phaseBegin('timers');
        // Everything due is collected first, then fired in heap order: a
        // timer started by a callback, even with timeout 0, waits for the
        // next iteration. An exception leaves the rest to the finally below.
        const ready = this.collectDueTimers();
        for (let i = 0; i < ready.length; i++) {
          const t = ready[i]!;
          this.firingNext = i + 1;
          // A callback earlier in this batch may have stopped or restarted it.
          if (!t.ready) continue;
          t.ready = false;
          if (t.repeat > 0) t.again();
          const label = tr !== null ? t.traceLabel : null;
          if (label !== null) tr!.callbackBegin(label);
          const cb = t.callback!;
          cb();
          if (label !== null) tr!.callbackEnd();
          drainTicks();
          this.callbackDone();
        }
        this.firing = NO_TIMERS;
        tr?.phaseEnd();
        if (prelude) {
          prelude = false;
        } else {
          tr?.iterationEnd();
          alive = this.alive() || (partial && force);
          partial = false;
          if (mode !== RunMode.DEFAULT) break;
        }
        from = alive && !this.stopFlag && !this.yieldFlag ? Phase.PENDING : null;
      }
      finished = true;
      return alive;
    } finally {
      if (!finished) {
        // An exception is on its way out: the next run goes on from the phase
        // it left. One thrown in poll's dispatch goes on with the events of
        // that batch not yet dispatched; one thrown elsewhere in poll, after it.
        this.interrupted = this.phase !== Phase.POLL ? this.phase : backend.interrupted ? Phase.POLL : Phase.AFTER_POLL;
        // Timers left in the batch go back into the heap, still due.
        if (this.phase === Phase.TIMERS) this.requeueFiring();
      }
      // An exception on its way out ends the slices it unwinds.
      if (tr !== null) tr.unwindTo(depth);
      this.running = false;
      this.stopFlag = false;
      owner?.ended(finished);
    }
  }

  /** Why backendTimeout chose `timeout`, in words, for a trace. */
  private waitReason(timeout: number): string {
    if (timeout < 0) return 'no timer: until I/O';
    if (timeout > 0) return 'next timer';
    if (this.stopFlag || this.yieldFlag) return 'stopping';
    if (this.activeHandles === 0 && this.activeRequests === 0) return 'nothing keeps the loop alive';
    if (this.idleHandles.size > 0) return 'idle handles';
    if (this.pending.length > 0) return 'pending callbacks';
    if (this.closingHead !== null) return 'closing handles';
    return 'timer due';
  }

  /** Ms until the nearest timer is due: 0 if overdue, -1 with none. */
  nextTimeout(): number {
    const t = this.timerHeap.min();
    if (t === undefined) return -1;
    const diff = t.due - this.time;
    if (diff <= 0) return 0;
    return diff > INT_MAX ? INT_MAX : diff;
  }

  /** How long poll may block: libuv's uv_backend_timeout. */
  backendTimeout(): number {
    if (this.stopFlag || this.yieldFlag) return 0;
    if (this.activeHandles === 0 && this.activeRequests === 0) return 0;
    if (this.idleHandles.size > 0 || this.pending.length > 0 || this.closingHead !== null) return 0;
    return this.nextTimeout();
  }

  /**
   * Poll's wait: up to `timeout` ms (as the driver's bridge adjusts it), or
   * none at all when nothing is watched and no timer is due. Returns how
   * many events came, which the backend then holds as its batch.
   */
  private poll(timeout: number, waits: boolean, tr: LoopTracer | null): number {
    const bridge = this.bridge;
    const ours = timeout;
    if (bridge) timeout = bridge.timeout(timeout);
    if (tr !== null) {
      tr.phaseBegin('poll (waiting)');
      let reason = waits ? this.waitReason(ours) : 'run mode NOWAIT/ONCE';
      if (timeout !== ours) reason = timeout === 0 ? 'the host has work' : 'the host has a timer';
      tr.pollDecision({
        handles: this.activeHandles,
        requests: this.activeRequests,
        pending: this.pending.length,
        timeout,
        reason,
      });
    }
    // Nothing to watch: just wait out the timer, as libuv does.
    if (this.backend.size === 0 && timeout < 0) return 0;
    if (timeout !== 0) sendHeldWork?.();
    const n = this.pollWait(timeout);
    if (n === 0) return 0;
    if (tr !== null) {
      tr.phaseEnd();
      tr.phaseBegin('poll (dispatching)');
    }
    this.backend.begin(n);
    return n;
  }

  /** One epoll_wait, again after a signal interrupted it; a wait that blocks counts as idle time. */
  private pollWait(timeout: number): number {
    const base = this.time;
    for (;;) {
      let n: number;
      if (timeout !== 0) {
        let start = this.clock;
        if (!this.clockFresh) {
          const [s0, ns0] = hrtime();
          start = s0 * 1e3 + ns0 / 1e6;
        }
        const metrics = this.metrics;
        if (metrics !== null) metrics[2] = 1;
        n = this.backend.wait(timeout);
        this.updateTime();
        this.idleTime += this.clock - start;
        if (metrics !== null) {
          metrics[2] = 0;
          metrics[0] = this.idleTime;
        }
      } else {
        n = this.backend.wait(0);
      }
      if (n >= 0) {
        this.bridge?.afterWait(n, timeout);
        return n;
      }
      if (n !== UV_EINTR) throw new Error(`epoll_wait failed: ${-n}`);
      if (timeout > 0) timeout = Math.max(0, timeout - (this.time - base));
    }
  }

  private runPending(): void {
    if (this.pending.length === 0) return;
    const queue = this.pending;
    this.pending = [];
    let i = 0;
    // try/finally, never catch-and-rethrow: a rethrow would move the error's
    // reported location from the user's throw to this line.
    try {
      const tr = tracing.tracer;
      for (; i < queue.length; i++) {
        if (tr !== null) tr.callbackBegin('pending callback');
        const cb = queue[i]!;
        cb();
        if (tr !== null) tr.callbackEnd();
        drainTicks();
        this.callbackDone();
      }
    } finally {
      // On an exception, keep the callbacks not yet run.
      if (i < queue.length) this.pending = queue.slice(i + 1).concat(this.pending);
    }
  }

  private runClosing(): void {
    let h = this.closingHead;
    this.closingHead = null;
    while (h !== null) {
      const next: Handle | null = h.nextClosing;
      h.nextClosing = null;
      let done = false;
      try {
        h.finishClose();
        done = true;
      } finally {
        // On an exception, re-queue the rest so their callbacks still run.
        if (!done && next !== null) this.requeueClosing(next);
      }
      h = next;
    }
  }

  /** Put the unrun rest of a closing list back in front, order kept. */
  private requeueClosing(first: Handle): void {
    let last = first;
    while (last.nextClosing !== null) last = last.nextClosing;
    last.nextClosing = this.closingHead;
    this.closingHead = first;
  }

  /** The timers due now, taken out of the heap and marked ready, in the order they fire. */
  private collectDueTimers(): Timer[] {
    const heap = this.timerHeap;
    let ready: Timer[] | undefined;
    for (;;) {
      const t = heap.min();
      if (t === undefined || t.due > this.time) break;
      t.stop();
      t.ready = true;
      (ready ??= []).push(t);
    }
    if (ready === undefined) return NO_TIMERS;
    this.firing = ready;
    this.firingNext = 0;
    return ready;
  }

  /** After an exception in the timers phase: the batch's timers not yet fired go back into the heap, still due. */
  private requeueFiring(): void {
    const ready = this.firing;
    this.firing = NO_TIMERS;
    for (let j = this.firingNext; j < ready.length; j++) {
      const r = ready[j]!;
      if (r.ready) {
        r.ready = false;
        r.start(r.callback!, r.due - this.time, r.repeat);
      }
    }
  }

  /** What follows every callback into user code once its ticks have run. */
  private callbackDone(): void {
    // Stale once the callback is done, not before it runs: a callback can
    // read the clock itself (a setTimeout brings the loop's time up to
    // date) and go on working, and that work is not idle time.
    this.clockFresh = false;
    this.releaseFinishedRequests();
  }

  /**
   * Call into user code, then drain nextTicks and microtasks as Node does.
   * `label` names the callback in a trace (null: whoever runs the user's
   * functions records them, as the timers package does per Timeout).
   */
  invoke(cb: () => void, label: string | null = 'callback'): void {
    const tr = tracing.tracer;
    if (tr !== null && label !== null) {
      tr.callbackBegin(label);
      cb();
      tr.callbackEnd();
    } else {
      cb();
    }
    drainTicks();
    this.callbackDone();
  }

  /** A request's callback is about to run: it leaves the list once the callback has returned. */
  requestFinished(req: Request): void {
    this.finishedRequests[this.finishedCount++] = req;
  }

  releaseFinishedRequests(): void {
    const n = this.finishedCount;
    if (n === 0) return;
    const finished = this.finishedRequests;
    for (let i = 0; i < n; i++) {
      this.requestQueue.remove(finished[i]!);
      finished[i] = undefined;
    }
    this.finishedCount = 0;
  }

  /**
   * Queue a callback for the pending phase (libuv's uv__io_feed / pending
   * queue). It runs in the async context it was queued in.
   */
  queuePending(cb: () => void): void {
    this.pending.push(bindAsyncContext(cb, 'PENDING'));
    this.onStateChange();
  }

  /**
   * As libuv, a closing handle goes to the front of the list: close
   * callbacks run newest first (observable: two sockets destroyed a then b
   * emit 'close' b then a).
   */
  queueClosing(h: Handle): void {
    h.nextClosing = this.closingHead;
    this.closingHead = h;
    this.onStateChange();
  }

  /** Work was added; a driver that is not running may need to come back. */
  onStateChange(): void {
    if (!this.running && this.wakeHook !== undefined) this.wakeHook();
  }

  /** Release the loop's own fds. Handles must be closed first. */
  close(): void {
    if (this.closed) return;
    if (this.alive()) throw Object.assign(new Error('loop is busy'), { code: 'EBUSY' });
    this.closed = true;
    this.backend.close();
  }
}
