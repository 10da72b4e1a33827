/**
 * node:worker_threads' Worker, the parent's side of a thread.
 *
 * The host lends the thread (a host Worker: an OS thread with its own V8
 * isolate); inside it mini boots a fresh runtime of its own (apps/mini's
 * worker entry, then the runtime's bootWorker). What the two threads say
 * to each other goes over one channel of ours (port-handle.ts): the
 * program's messages, the worker's stdout and stderr, its 'online', in
 * the order the worker sent them. Only what the host alone knows comes
 * from the host Worker: that the thread ended (with its exit code) and
 * the uncaught exception that ended it; both wait until everything the
 * worker sent before has been delivered.
 *
 * The thread is woken through its slot in the thread table, so
 * terminate() also ends a worker blocked in our epoll_wait (V8's
 * TerminateExecution alone cannot interrupt a native call). Once the
 * host says the thread is gone, the fds its loop owned are closed here
 * (the fd ledger): a terminated worker runs nothing to close them itself.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { SHARE_ENV, Worker as HostWorker, MessageChannel as HostMessageChannel } from 'node:worker_threads';
import { Timer, defaultLoop, loopUtilization, type LoopUtilization } from '@mini/loop';
import { codedError, unistd } from '@mini/sys';
import type { WorkerBootstrap } from './bootstrap.js';
import { KeepAlive } from './keep-alive.js';
import { adoptPort, postEnvelope, portHandle, isMessagePort, type MessagePort } from './message-port.js';
import { Kind, TERMINATE_HEARD, newChannelState, type PortEvents } from './port-handle.js';
import { claimSlot, newWakeFd, retireSlot, threadTable, wakeSlot } from './thread-table.js';

/** How the runtime starts a worker's thread. */
export interface WorkerHost {
  /** The file a host Worker runs to boot mini (apps/mini's dist/worker.js). */
  workerEntry: string;
  /** process.execPath of the program (the mini launcher). */
  execPath: string;
  /** The parent's process.execArgv, which a worker inherits unless given its own. */
  execArgv(): string[];
  /** The parent's process.stdout and stderr, where a worker's output goes unless asked for. */
  stdout(): NodeJS.WritableStream;
  stderr(): NodeJS.WritableStream;
}

let host: WorkerHost | undefined;

/**
 * `execArgv` taken apart: the -r/--require modules, which our loader runs
 * in the worker, and the rest without them and without --import, for the
 * host's Worker (whose own require would load them in the host's realm).
 */
function splitPreloads(execArgv: readonly string[]): { required: string[]; rest: string[] } {
  const required: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (arg === '-r' || arg === '--require') {
      if (i + 1 < execArgv.length) required.push(execArgv[++i]!);
    } else if (arg.startsWith('--require=')) required.push(arg.slice('--require='.length));
    else if (arg === '--import') i++;
    else if (!arg.startsWith('--import=')) rest.push(arg);
  }
  return { required, rest };
}

export function setWorkerHost(h: WorkerHost): void {
  host = h;
}

/** How long a terminated worker has to end itself before V8 stops it. */
const TERMINATE_GRACE_MS = 20;

/** Words of a fd ledger: one bit per fd up to 64k. */
const LEDGER_WORDS = 2048;

export interface WorkerOptions {
  argv?: unknown[];
  env?: unknown;
  eval?: boolean;
  execArgv?: string[];
  stdin?: boolean;
  stdout?: boolean;
  stderr?: boolean;
  workerData?: unknown;
  transferList?: unknown[];
  resourceLimits?: Record<string, number>;
  trackUnmanagedFds?: boolean;
  name?: string;
}

function validateOptions(filename: unknown, options: WorkerOptions): { file?: string; code?: string } {
  if (options.argv !== undefined && !Array.isArray(options.argv))
    throw codedError('ERR_INVALID_ARG_TYPE', 'options.argv', 'Array', options.argv);
  if (options.execArgv !== undefined && !Array.isArray(options.execArgv)) {
    throw codedError('ERR_INVALID_ARG_TYPE', 'options.execArgv', 'Array', options.execArgv);
  }
  if (options.env !== undefined && options.env !== null && options.env !== SHARE_ENV && typeof options.env !== 'object') {
    throw codedError('ERR_INVALID_ARG_TYPE', 'options.env', ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], options.env);
  }
  if (options.name !== undefined && typeof options.name !== 'string')
    throw codedError('ERR_INVALID_ARG_TYPE', 'options.name', 'string', options.name);
  if (options.eval === true) {
    if (typeof filename !== 'string' && !(filename instanceof URL)) {
      throw codedError('ERR_INVALID_ARG_VALUE', 'options.eval', options.eval, "must be false when 'filename' is not a string");
    }
    return { code: String(filename) };
  }
  if (filename instanceof URL) {
    if (filename.protocol !== 'file:') throw codedError('ERR_INVALID_URL_SCHEME', 'file');
    return { file: fileURLToPath(filename) };
  }
  if (typeof filename !== 'string') throw codedError('ERR_INVALID_ARG_TYPE', 'filename', ['string', 'URL'], filename);
  if (path.isAbsolute(filename) || /^\.\.?[\\/]/.test(filename)) return { file: path.resolve(filename) };
  throw codedError('ERR_WORKER_PATH', filename);
}

export class Worker extends EventEmitter {
  readonly stdin: Writable | null;
  readonly stdout: Readable;
  readonly stderr: Readable;
  threadId: number;
  private readonly hostWorker: HostWorker;
  private readonly port: MessagePort;
  /** Keeps the parent's loop alive while the worker runs (unless unref'd), as Node's Worker handle does. */
  private readonly thread: KeepAlive;
  private readonly slot: number;
  private readonly ledger: Int32Array;
  private readonly control: Int32Array;
  private readonly metrics: Float64Array;
  private exited = false;
  private exitCode: number | undefined;
  private online = false;
  /** The parent's stream a worker's stdout / stderr is piped into with its first chunk, until then. */
  private stdoutTo: (() => NodeJS.WritableStream) | undefined;
  private stderrTo: (() => NodeJS.WritableStream) | undefined;

  constructor(filename: string | URL, options: WorkerOptions = {}) {
    super();
    if (host === undefined) throw new Error('worker_threads needs the mini runtime');
    const what = validateOptions(filename, options);
    const loop = defaultLoop();

    // The channel between this object and the thread's parentPort.
    const hostChannel = new HostMessageChannel();
    const state = newChannelState();

    const userPorts: MessagePort[] = [];
    for (const item of options.transferList ?? []) if (isMessagePort(item)) userPorts.push(item);
    const wakeFd = newWakeFd();
    this.slot = claimSlot(wakeFd);
    this.ledger = new Int32Array(new SharedArrayBuffer(LEDGER_WORDS * 4));
    this.control = new Int32Array(new SharedArrayBuffer(4));
    this.metrics = new Float64Array(new SharedArrayBuffer(24));
    this.metrics[1] = -1;
    // The parent's options unless it gives its own, as node's workers.
    const execArgv = options.execArgv === undefined ? [...host.execArgv()] : options.execArgv.map(String);
    const { required, rest } = splitPreloads(execArgv);
    const bootstrap: WorkerBootstrap = {
      miniWorker: true,
      table: threadTable(),
      slot: this.slot,
      wakeFd,
      ledger: this.ledger,
      control: this.control,
      metrics: this.metrics,
      port: hostChannel.port2,
      portState: state.buffer as SharedArrayBuffer,
      filename: what.file,
      code: what.code,
      argv: (options.argv ?? []).map(String),
      execArgv,
      preloads: required,
      execPath: host.execPath,
      workerEntry: host.workerEntry,
      workerData: options.workerData,
      ports: userPorts as never[],
      portStates: userPorts.map((p) => portHandle(p)!.describe()),
      stdin: options.stdin === true,
      name: options.name ?? '',
    };
    try {
      this.hostWorker = new HostWorker(host.workerEntry, {
        workerData: bootstrap,
        transferList: [hostChannel.port2, ...((options.transferList ?? []) as never[])],
        env: options.env as never,
        // The launcher's own flags, which a worker given its own execArgv would
        // lose: our ES module loader needs V8's module API, and BroadcastChannel
        // and the stack formatter node's internals. The worker hides them again.
        // Its -r and --import modules are our loader's to run, not the host's.
        execArgv: options.execArgv === undefined ? undefined : ['--experimental-vm-modules', '--expose-internals', ...rest],
        resourceLimits: options.resourceLimits,
        trackUnmanagedFds: options.trackUnmanagedFds,
        name: options.name,
        stdout: true,
        stderr: true,
      });
    } catch (err) {
      retireSlot(this.slot);
      hostChannel.port1.close();
      throw err;
    }
    // Our end, made ours once the thread is on its way (what the thread needs
    // comes first: its start is what the program waits for). It delivers on
    // our loop and never keeps it alive (the thread handle does); what the
    // worker sends before is waiting in the channel, and the adoption looks.
    this.port = adoptPort(hostChannel.port1, state, 0, () => this.portEvents());
    const handle = portHandle(this.port)!;
    handle.unref();
    handle.start();
    for (const p of userPorts) portHandle(p)?.detach();
    this.threadId = this.hostWorker.threadId;
    // The host's Worker must not keep the process alive: our thread handle decides.
    this.hostWorker.unref();
    this.hostWorker.on('error', (err: unknown) => this.onHostError(err));
    this.hostWorker.on('exit', (code: number) => this.onHostExit(code));
    this.thread = new KeepAlive(loop, 'Worker');

    this.stdout = new Readable({ read() {} });
    this.stderr = new Readable({ read() {} });
    // Unless asked for, a worker's output goes to the parent's stdout and
    // stderr, piped there with its first chunk: a worker that prints nothing
    // costs no stream of the parent's at its start.
    const parent = host;
    if (options.stdout !== true) this.stdoutTo = () => parent.stdout();
    if (options.stderr !== true) this.stderrTo = () => parent.stderr();
    if (options.stdin === true) {
      const h = handle;
      this.stdin = new Writable({
        decodeStrings: false,
        write(chunk: unknown, _enc, cb) {
          h.post([Kind.STDIN, chunk]);
          cb();
        },
        final(cb) {
          h.post([Kind.STDIN_END, undefined]);
          cb();
        },
      });
    } else {
      this.stdin = null;
    }
  }

  private portEvents(): PortEvents {
    return {
      onMessage: (payload) => {
        this.markOnline();
        this.emit('message', payload);
      },
      onControl: (kind, payload) => {
        if (kind === Kind.ONLINE) this.markOnline();
        else if (kind === Kind.STDOUT) {
          if (this.stdoutTo !== undefined) this.stdout.pipe(this.stdoutTo() as Writable, { end: false });
          this.stdoutTo = undefined;
          this.stdout.push(payload as Buffer | string);
        } else if (kind === Kind.STDERR) {
          if (this.stderrTo !== undefined) this.stderr.pipe(this.stderrTo() as Writable, { end: false });
          this.stderrTo = undefined;
          this.stderr.push(payload as Buffer | string);
        }
      },
      onClose: () => {},
      adopt: (p, s, e) => adoptPort(p, s, e),
    };
  }

  private markOnline(): void {
    if (this.online) return;
    this.online = true;
    if (Atomics.load(this.control, 0) !== 0) this.armTerminateFallback();
    this.emit('online');
  }

  private armTerminateFallback(): void {
    if (this.exited) return;
    const fallback = new Timer(defaultLoop());
    fallback.unref();
    const check = (): void => {
      if (this.exited || Atomics.load(this.control, 0) === TERMINATE_HEARD) {
        if (!fallback.isClosing()) fallback.close();
        return;
      }
      // Blocked in our epoll_wait, the worker hears the wakeup once it gets
      // the CPU (on a loaded machine, maybe after the grace): look again. A
      // V8 stop meanwhile would end it without waiting for its requests on
      // the pool, which then write into freed memory and leave fds open.
      if (this.metrics[2] === 1) {
        fallback.start(check, TERMINATE_GRACE_MS);
        return;
      }
      fallback.close();
      void this.hostWorker.terminate();
    };
    fallback.start(check, TERMINATE_GRACE_MS);
    this.once('exit', () => {
      if (!fallback.isClosing()) fallback.close();
    });
  }

  /** Deliver what the worker sent before the host's news, each as a callback of its own. */
  private drainPort(): void {
    const handle = portHandle(this.port);
    if (handle === undefined || handle.isClosing()) return;
    for (;;) {
      const env = handle.receive();
      if (env === undefined) return;
      handle.loop.invoke(() => handle.dispatch(env), 'Worker message');
    }
  }

  private onHostError(err: unknown): void {
    this.drainPort();
    this.emit('error', err);
  }

  private onHostExit(code: number): void {
    this.drainPort();
    this.exited = true;
    this.exitCode = code;
    const handle = portHandle(this.port);
    if (handle !== undefined && !handle.isClosing()) handle.close();
    this.releaseThreadFds();
    this.threadId = -1;
    this.stdout.push(null);
    this.stderr.push(null);
    if (!this.thread.isClosing()) this.thread.close();
    this.emit('exit', code);
  }

  /** The thread is gone: close what its loop owned, then its wakeup. */
  private releaseThreadFds(): void {
    const ledger = this.ledger;
    for (let word = 0; word < ledger.length; word++) {
      let bits = Atomics.exchange(ledger, word, 0);
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits);
        bits &= ~(1 << bit);
        unistd.close(word * 32 + bit);
      }
    }
    retireSlot(this.slot);
  }

  postMessage(value: unknown, transferList?: unknown): void {
    if (arguments.length === 0) {
      this.port.postMessage(...([] as unknown as [unknown]));
      return;
    }
    const handle = portHandle(this.port);
    if (handle === undefined || this.exited) return;
    postEnvelope(handle, value, transferList);
  }

  ref(): void {
    if (!this.exited) this.thread.ref();
  }

  unref(): void {
    if (!this.exited) this.thread.unref();
  }

  terminate(callback?: (err: Error | null, code?: number) => void): Promise<number | undefined> {
    if (this.exited) {
      if (typeof callback === 'function') process.nextTick(callback, null, this.exitCode);
      return Promise.resolve(undefined);
    }
    const done = new Promise<number>((resolve) => this.once('exit', resolve));
    if (typeof callback === 'function') void done.then((code) => callback(null, code));
    if (Atomics.exchange(this.control, 0, 1) === 0) {
      // A worker in our loop (blocked in epoll_wait, or between callbacks)
      // ends itself at this wakeup. V8's TerminateExecution is kept for one
      // that does not answer (spinning in JavaScript): landing inside a
      // native call, it can make koffi throw into a dying isolate, which
      // aborts the process (measured: inside koffi.load).
      wakeSlot(this.slot);
      // Armed once the thread is up: during its boot it is inside koffi most of the time.
      if (this.online) this.armTerminateFallback();
    }
    return done;
  }

  get resourceLimits(): object {
    return this.exited ? {} : (this.hostWorker.resourceLimits ?? {});
  }

  getHeapSnapshot(): Promise<Readable> {
    return this.hostWorker.getHeapSnapshot();
  }

  /** The worker's loop's utilization, from the metrics it publishes (see @mini/loop's metrics.ts). */
  get performance(): { eventLoopUtilization(util1?: LoopUtilization, util2?: LoopUtilization): LoopUtilization } {
    return {
      eventLoopUtilization: (util1, util2) =>
        this.exited ? { idle: 0, active: 0, utilization: 0 } : loopUtilization(this.metrics[0]!, this.metrics[1]!, util1, util2),
    };
  }
}
// The bundle has other classes named Worker (cluster's): its name stays Node's whatever esbuild renames.
Object.defineProperty(Worker, 'name', { value: 'Worker' });
