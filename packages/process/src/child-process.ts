/**
 * Node's ChildProcess over our Process handle, and `spawn`.
 *
 * Events, in Node's order:
 *   'spawn'  next tick after the child started
 *   'error'  the start failed (ENOENT…: then no 'exit'), or kill failed
 *   'exit'   (code, signal) when the child ended; stdin is destroyed then
 *   'close'  (code, signal) after 'exit' and after every readable stdio
 *            stream closed: the count starts at one (the exit) plus one per
 *            piped stdout/stderr/extra fd
 *
 * Stdio pipes are net.Sockets over Pipe handles on the default loop.
 */
import { EventEmitter } from 'node:events';
import { defaultLoop } from '@mini/loop';
import { net } from '@mini/net';
import {
  AbortError,
  UV_EACCES,
  UV_EAGAIN,
  UV_EINVAL,
  UV_EMFILE,
  UV_ENFILE,
  UV_ENOENT,
  UV_ENOSYS,
  UV_ESRCH,
  errnoException,
  validateOneOf,
} from '@mini/sys';
import { Process } from './handles/process.js';
import { setupChannel, type Control } from './ipc.js';
import type { SerializationMode } from './ipc-serialization.js';
import { signalName, signalNumber } from './signals.js';
import { normalizeSpawnArguments, normalizeStdio, validateSignal, validateTimeout, type SpawnOptions } from './spawn-options.js';
import { openPipes, prepareStdio, releaseStdio } from './stdio-pipes.js';
import { clearTimeout, setTimeout } from '@mini/timers';

type Socket = InstanceType<typeof net.Socket>;

export interface ChildSpawnOptions {
  file: string;
  args: string[];
  envPairs: string[];
  /** The child's environment is ours (environ), then envPairs. */
  inheritEnv?: boolean;
  cwd?: string | undefined;
  stdio?: unknown;
  detached?: boolean;
  serialization?: SerializationMode | undefined;
  uid?: number | undefined;
  gid?: number | undefined;
}

/** A failed start, as Node reports it: 'spawn <file>' with the path and the arguments after argv0. */
function spawnError(errno: number, file: string, args: readonly string[], syscall = 'spawn'): Error {
  const err = errnoException(errno, file ? `${syscall} ${file}` : syscall) as Error & { path?: string; spawnargs?: string[] };
  if (file) err.path = file;
  err.spawnargs = args.slice(1);
  return err;
}
export { spawnError };

/**
 * A stream of ours given as a child's stdio: the child reads from its fd
 * now, so we stop reading it (as Node does), or our loop would take the
 * data first.
 */
function stopReading(stream: object): void {
  const s = stream as { _handle?: { readStop?: () => number } | null; pause?: () => void; readableFlowing?: boolean | null };
  if (typeof s._handle?.readStop !== 'function') return;
  s._handle.readStop();
  s.pause?.();
  if ('readableFlowing' in s) s.readableFlowing = false;
}

/** Errors of a start that Node reports through 'error' instead of throwing. */
const RUNTIME_ERRORS = new Set([UV_EACCES, UV_EAGAIN, UV_EMFILE, UV_ENFILE, UV_ENOENT]);

export class ChildProcess extends EventEmitter {
  _closesNeeded = 1;
  _closesGot = 0;
  connected = false;
  signalCode: NodeJS.Signals | null = null;
  exitCode: number | null = null;
  killed = false;
  spawnfile: string | null = null;
  spawnargs: string[] = [];
  pid: number | undefined = undefined;
  stdin: Socket | null = null;
  stdout: Socket | null = null;
  stderr: Socket | null = null;
  stdio: (Socket | null)[] = [];
  _handle: Process | null;
  /** Set with an IPC channel (ipc.ts), as on Node's ChildProcess. */
  channel?: Control | null;
  send?: (...args: unknown[]) => boolean;
  disconnect?: () => void;
  _channelEnded?: () => void;

  constructor() {
    super();
    this._handle = new Process(defaultLoop());
    this._handle.onexit = (exitStatus, termSignal) => this.onExit(termSignal ? 0 : exitStatus, termSignal);
  }

  private onExit(exitCode: number, termSignal: number): void {
    if (termSignal) this.signalCode = (signalName(termSignal) ?? null) as NodeJS.Signals | null;
    else this.exitCode = exitCode;
    this.stdin?.destroy();
    if (this._handle !== null && !this._handle.isClosing()) this._handle.close();
    this._handle = null;
    if (exitCode < 0) {
      this.emit('error', spawnError(exitCode, this.spawnfile ?? '', this.spawnargs));
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Streams nobody reads would never see their end: let them flow.
    process.nextTick(() => this.flushStdio());
    this.maybeClose();
  }

  private flushStdio(): void {
    for (const s of this.stdio) {
      if (s === null || !s.readable) continue;
      const state = (s as unknown as { _readableState?: { readableListening?: boolean } })._readableState;
      if (state?.readableListening) continue;
      s.resume();
    }
  }

  maybeClose(): void {
    if (++this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  /** Start the child with options already normalized (Node's ChildProcess#spawn). */
  spawn(options: ChildSpawnOptions): number {
    const handle = this._handle;
    if (handle === null) throw errnoException(UV_EINVAL, 'spawn');
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    const specs = normalizeStdio(options.stdio ?? 'pipe', false);
    const ipcIndex = specs.findIndex((s) => s.type === 'ipc');
    let envPairs = options.envPairs;
    if (ipcIndex >= 0) {
      // Which fd is the channel, for the child's runtime (node's or ours).
      envPairs = [...envPairs, `NODE_CHANNEL_FD=${ipcIndex}`, `NODE_CHANNEL_SERIALIZATION_MODE=${options.serialization ?? 'json'}`];
    }
    for (const spec of specs) if (spec.type === 'fd' && spec.stream !== undefined) stopReading(spec.stream);
    const prepared = prepareStdio(handle.loop, specs);
    const err = handle.spawn({
      file: options.file,
      args: options.args,
      env: envPairs,
      inheritEnv: options.inheritEnv ?? false,
      cwd: options.cwd,
      stdio: prepared.slots,
      detached: options.detached ?? false,
      uid: options.uid,
      gid: options.gid,
    });
    openPipes(prepared);
    if (RUNTIME_ERRORS.has(err)) {
      process.nextTick(() => this.onExit(err, 0));
      // As Node: out of descriptors, there is no stdio to set up.
      if (err === UV_EMFILE || err === UV_ENFILE) {
        releaseStdio(prepared);
        return err;
      }
    } else if (err < 0) {
      handle.close();
      this._handle = null;
      releaseStdio(prepared);
      throw errnoException(err, 'spawn');
    } else {
      this.pid = handle.pid;
      process.nextTick(() => this.emit('spawn'));
    }
    this.stdio = prepared.pipes.map((pipe, i) => {
      if (pipe === null) return null;
      if (i === ipcIndex) {
        if (err < 0) {
          pipe.close();
          return null;
        }
        this._closesNeeded++;
        this._channelEnded = () => this.maybeClose();
        setupChannel(this, pipe, options.serialization ?? 'json');
        return null;
      }
      // Also after a start that failed, as Node: the streams are there, the
      // child's ends are closed, so writes fail with EPIPE and reads end.
      const socket = new net.Socket({ handle: pipe, readable: i > 0 });
      if (i > 0) {
        this._closesNeeded++;
        socket.on('close', () => this.maybeClose());
      }
      return socket;
    });
    this.stdin = this.stdio[0] ?? null;
    this.stdout = this.stdio[1] ?? null;
    this.stderr = this.stdio[2] ?? null;
    return err;
  }

  kill(sig?: string | number): boolean {
    const signum = sig === 0 ? 0 : signalNumber(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle === null) return false;
    const err = this._handle.kill(signum);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) return false;
    if (err === UV_EINVAL || err === UV_ENOSYS) throw errnoException(err, 'kill');
    this.emit('error', errnoException(err, 'kill'));
    return false;
  }

  ref(): void {
    this._handle?.ref();
  }

  unref(): void {
    this._handle?.unref();
  }

  [Symbol.dispose](): void {
    if (!this.killed) this.kill();
  }
}

/** `child_process.spawn(file, args?, options?)`. */
export function spawn(file: unknown, args?: unknown, options?: unknown): ChildProcess {
  const n = normalizeSpawnArguments(file, args, options);
  const opts = n.options;
  validateTimeout(opts.timeout);
  validateSignal(opts.signal);
  const killSignal = opts.killSignal === undefined ? 'SIGTERM' : opts.killSignal;
  if (opts.killSignal !== undefined) signalNumber(opts.killSignal);
  if (opts.serialization !== undefined) validateOneOf(opts.serialization, 'options.serialization', ['json', 'advanced']);
  const child = new ChildProcess();
  child.spawn({
    file: n.file,
    args: n.args,
    envPairs: n.envPairs,
    inheritEnv: n.inheritEnv,
    cwd: n.cwd,
    stdio: opts.stdio,
    detached: n.detached,
    serialization: opts.serialization as SerializationMode | undefined,
    uid: opts.uid ?? undefined,
    gid: opts.gid ?? undefined,
  });
  if (opts.timeout !== undefined && opts.timeout > 0) armTimeout(child, opts.timeout, killSignal);
  if (opts.signal !== undefined) armAbort(child, opts, killSignal);
  return child;
}

function armTimeout(child: ChildProcess, ms: number, killSignal: string | number): void {
  let timer: ReturnType<typeof setTimeout> | null = setTimeout(() => {
    if (timer === null) return;
    timer = null;
    try {
      child.kill(killSignal);
    } catch (err) {
      child.emit('error', err);
    }
  }, ms);
  child.once('exit', () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  });
}

function armAbort(child: ChildProcess, opts: SpawnOptions, killSignal: string | number): void {
  const signal = opts.signal!;
  const onAbort = (): void => {
    try {
      if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    } catch (err) {
      child.emit('error', err);
    }
  };
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    child.once('exit', () => signal.removeEventListener('abort', onAbort));
  }
}
