/**
 * Who blocks: two ways to wait for events.
 *
 * 1. `ownThread(loop)` — for the `mini` command. We call epoll_wait
 *    ourselves with the computed timeout (the fastest way: no host loop
 *    between an event and its callback). The host loop's backend fd sits in
 *    our epoll set, so when the host has work (crypto or zlib completions,
 *    a wasm compile, FinalizationRegistry jobs) we end the run after this
 *    iteration and resume from a host `setImmediate`, which runs after the
 *    host has polled. We only yield on that fd, the host's own next timer,
 *    or a change in its count of active handles (a new host watcher needs
 *    one host poll to be registered); yielding whenever the host's timeout
 *    is 0 spins.
 *
 * 2. `driveFromHost(loop)` — for packages imported into a plain Node
 *    program, which must stay responsive. The host loop watches our epoll
 *    fd (a uv_poll), a timerfd in our epoll set stands for our next timer,
 *    and each wakeup runs one non-blocking iteration.
 *
 * Both re-enter the loop only from host macrotasks, so microtasks drain
 * after every callback (see ticks.ts).
 */
import { setImmediate as hostSetImmediate } from 'node:timers';
import {
  CLOCK_MONOTONIC,
  EPOLLIN,
  TFD_CLOEXEC,
  TFD_NONBLOCK,
  errnoException,
  eventfd,
  hostActiveHandles,
  hostPoll,
  HostTimerSet,
  hostLoopOfThisThread,
  hostUv,
  lastError,
  unistd,
  type PollWatcher,
} from '@mini/sys';
import { hideFromHooks } from './async-context.js';
import { IoWatcher } from './io.js';
import { RunMode, type Loop, type RunOwner } from './loop.js';

/** A host immediate of ours: the program's async hooks never see it. */
function hostImmediate(fn: () => void): void {
  hideFromHooks(hostSetImmediate, fn);
}

export interface Driver {
  readonly mode: 'own' | 'host';
  /** Run the loop now (own mode) or on the next host turn (host mode). */
  drive(): void;
  /** Run the loop from the next host macrotask. */
  schedule(): void;
}

const drivers = new WeakMap<Loop, Driver>();

export function driverOf(loop: Loop): Driver | undefined {
  return drivers.get(loop);
}

export function ownThread(loop: Loop): Driver {
  const existing = drivers.get(loop);
  if (existing) {
    if (existing.mode !== 'own') throw new Error('loop is already driven by the host');
    return existing;
  }
  // This thread's host loop: in a worker, uv_default_loop() would be the main thread's.
  const hostLoop = hostLoopOfThisThread();
  // NULL only when libuv cannot set up its loop, which the host would not have survived.
  if (hostLoop === null) throw new Error('napi_get_uv_event_loop failed: the host has no libuv loop');
  const hostFd = hostUv.uv_backend_fd(hostLoop);
  const hostWatcher = new IoWatcher(loop, hostFd, () => loop.requestYield(), 'host loop');
  hostWatcher.borrowed = true;
  hostWatcher.start(EPOLLIN);

  let hostDeadline = -1;
  const hostTimers = new HostTimerSet(hostLoop);
  // The host registers a watcher with the kernel only when it next polls, so
  // a host handle started from one of our callbacks (process.stdin, say)
  // would never wake our epoll. When the host's count of active handles
  // changed, it gets one turn before we block.
  let hostHandlesSeen = hostActiveHandles(hostLoop);
  loop.bridge = {
    timeout(ours) {
      if (ours !== 0) {
        const handles = hostActiveHandles(hostLoop);
        if (handles !== hostHandlesSeen) {
          hostHandlesSeen = handles;
          loop.requestYield();
          return 0;
        }
      }
      // Our poll does not block: the host's timers cannot be kept waiting by it.
      if (ours === 0) {
        hostDeadline = -1;
        return 0;
      }
      // The host's earliest timer, unref'd ones included (AbortSignal.timeout's
      // is, and may be due while we keep the process alive), read from its
      // structs rather than asked of uv_backend_timeout on every poll. The
      // host's clock is CLOCK_MONOTONIC_COARSE, up to a millisecond behind
      // ours: a yield made sooner would find its timer not yet due.
      const due = hostTimers.deadline();
      hostDeadline = due < 0 ? -1 : due + 1;
      if (hostDeadline < 0) return ours;
      const wait = Math.max(0, hostDeadline - loop.now());
      if (ours < 0 || wait < ours) {
        if (wait === 0) loop.requestYield();
        return wait;
      }
      hostDeadline = -1;
      return ours;
    },
    afterWait(events) {
      if (events === 0 && hostDeadline >= 0 && loop.now() >= hostDeadline) loop.requestYield();
    },
  };

  let scheduled = false;
  let resumeAfterYield = false;
  const owner: RunOwner = {
    starting() {
      scheduled = false;
      const resume = resumeAfterYield;
      resumeAfterYield = false;
      return resume;
    },
    ended(finished) {
      // A yield, or an exception on its way to the host's uncaught handler:
      // either way we come back once the host had its turn. After a yield
      // the finished iteration is not repeated (its timers ran). After an
      // exception the loop itself goes on from the phase it left, as Node's
      // timers go on after a handled exception, whether or not the host had
      // also asked for a turn.
      const yielded = loop.takeYield();
      if (finished && yielded) {
        resumeAfterYield = true;
        schedule();
      } else if (!finished && (yielded || loop.alive())) {
        schedule();
      }
    },
  };
  // The host immediate calls the loop's run itself (a bound function is no
  // frame of its own): a program's callbacks sit on the host's
  // processImmediate and run, and nothing else of ours (see Loop.run).
  const resume = loop.run.bind(loop, RunMode.DEFAULT, { owner });
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    hostImmediate(resume);
  };
  loop.wakeHook = schedule;

  const driver: Driver = {
    mode: 'own',
    schedule,
    drive() {
      if (!loop.isRunning()) resume();
    },
  };
  drivers.set(loop, driver);
  return driver;
}

export function driveFromHost(loop: Loop): Driver {
  const existing = drivers.get(loop);
  if (existing) return existing;

  const tfd = eventfd.timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  if (tfd < 0) throw errnoException(lastError(), 'timerfd_create');
  const drain = new Uint8Array(8);
  // The timers phase at the end of the iteration does the real work.
  const timerWatcher = new IoWatcher(loop, tfd, () => unistd.read(tfd, drain, 8), null);
  timerWatcher.start(EPOLLIN);
  const spec = new BigInt64Array(4);
  const specBytes = new Uint8Array(spec.buffer);
  const arm = (timeout: number) => {
    // it_interval = 0; it_value = timeout. A zero it_value disarms, so a due
    // timer is armed 1 ns ahead instead.
    spec[2] = timeout < 0 ? 0n : BigInt(Math.floor(timeout / 1000));
    spec[3] = timeout < 0 ? 0n : BigInt((timeout % 1000) * 1_000_000 + 1);
    eventfd.timerfd_settime(tfd, 0, specBytes, null);
  };

  let poller: PollWatcher | undefined;
  let scheduled = false;
  let exiting = false;
  // A poll callback that lands while the host tears down aborts the process
  // (koffi cannot call into JS any more): stop watching once 'exit' is emitted.
  process.once('exit', () => {
    exiting = true;
    poller?.close();
  });
  const tick = () => {
    scheduled = false;
    if (loop.isRunning()) return;
    try {
      // Forced: while the host keeps the process alive, our unref'd timers
      // and handles still run, as Node's would.
      loop.run(RunMode.NOWAIT, { force: true });
    } finally {
      rearm();
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    hostImmediate(tick);
  };
  const rearm = () => {
    if (exiting) return;
    poller ??= hostPoll(loop.backend.fd, tick);
    // Only our ref'd work may keep the host process alive.
    if (loop.alive()) poller.ref();
    else poller.unref();
    const t = loop.alive() ? loop.backendTimeout() : loop.nextTimeout();
    if (t === 0) {
      arm(-1);
      schedule();
    } else {
      arm(t);
    }
  };
  loop.wakeHook = schedule;
  const driver: Driver = { mode: 'host', drive: schedule, schedule };
  drivers.set(loop, driver);
  // Handles may have been started before we were installed.
  rearm();
  return driver;
}
