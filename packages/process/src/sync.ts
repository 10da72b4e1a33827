/**
 * spawnSync, execFileSync, execSync: the child runs on a fresh loop of its
 * own while the caller's loop waits, as Node's SyncProcessRunner does. That
 * loop holds only this child: its Process handle, the stdio pipes (input
 * written to stdin, then shut down; stdout/stderr read to EOF), and the
 * timeout timer. Nothing on it is user code, so no nextTick or promise job
 * of the program runs until the call returns (holdTicks).
 *
 * maxBuffer overflow and timeout kill the child with killSignal and report
 * ENOBUFS / ETIMEDOUT in `error`, as Node does; what was read stays in
 * `output`.
 */
import { Loop, RunMode, Timer, holdTicks } from '@mini/loop';
import { ShutdownReq, WriteReq } from '@mini/net';
import { UV_ENOBUFS, UV_ETIMEDOUT, codedError, invalidArgType } from '@mini/sys';
import { spawnError } from './child-process.js';
import { DEFAULT_MAX_BUFFER } from './exec.js';
import { Process } from './handles/process.js';
import { signalName, signalNumber } from './signals.js';
import { normalizeSpawnArguments, normalizeStdio, validateMaxBuffer, validateTimeout, type SpawnOptions } from './spawn-options.js';
import { openPipes, prepareStdio, releaseStdio } from './stdio-pipes.js';

export interface SpawnSyncOptions extends SpawnOptions {
  input?: string | ArrayBufferView | undefined;
  maxBuffer?: number | undefined;
  encoding?: BufferEncoding | 'buffer' | null | undefined;
}

export interface SpawnSyncResult {
  error?: Error;
  status: number | null;
  signal: NodeJS.Signals | null;
  output: (Buffer | string | null)[] | null;
  pid: number;
  stdout: Buffer | string | null;
  stderr: Buffer | string | null;
}

function inputBytes(input: unknown, encoding: BufferEncoding | undefined): Buffer | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'string') return Buffer.from(input, encoding ?? 'utf8');
  if (ArrayBuffer.isView(input)) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  throw invalidArgType('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
}

interface Run {
  status: number;
  termSignal: number;
  /** A negative errno: the start failed, or ENOBUFS / ETIMEDOUT. */
  error: number;
  pid: number;
  output: (Buffer[] | null)[];
}

/** Run the child to its end on a loop of its own. */
/** Ready events per wait on a sync child's loop: its pidfd, its pipes and little else are there. */
const SYNC_LOOP_EVENTS = 16;

function runSync(n: ReturnType<typeof normalizeSpawnArguments>, opts: SpawnSyncOptions, killSignal: number): Run {
  const loop = new Loop({ maxEvents: SYNC_LOOP_EVENTS });
  const run: Run = { status: 0, termSignal: 0, error: 0, pid: 0, output: [] };
  const stdioOption = opts.stdio ?? 'pipe';
  const specs = normalizeStdio(stdioOption, true);
  // An input given as a stdio slot (Node's { input } form) counts as opts.input.
  const prepared = prepareStdio(loop, specs);
  const proc = new Process(loop);
  const err = proc.spawn({
    file: n.file,
    args: n.args,
    env: n.envPairs,
    inheritEnv: n.inheritEnv,
    cwd: n.cwd,
    stdio: prepared.slots,
    detached: n.detached,
    uid: opts.uid ?? undefined,
    gid: opts.gid ?? undefined,
  });
  openPipes(prepared);
  if (err < 0) {
    run.error = err;
    releaseStdio(prepared);
    proc.close();
    loop.run(RunMode.DEFAULT);
    loop.close();
    return run;
  }
  run.pid = proc.pid;
  const maxBuffer = opts.maxBuffer ?? DEFAULT_MAX_BUFFER;
  let total = 0;
  let timer: Timer | undefined;
  // As Node's SyncProcessRunner::Kill: the pipes close with the kill, so a
  // grandchild that inherited them cannot keep the call waiting.
  const kill = (why: number): void => {
    if (run.error === 0) run.error = why;
    proc.kill(killSignal);
    for (const pipe of prepared.pipes) if (pipe !== null && !pipe.isClosing()) pipe.close();
  };
  proc.onexit = (status, termSignal) => {
    run.status = status;
    run.termSignal = termSignal;
    if (timer !== undefined && !timer.isClosing()) timer.close();
    proc.close();
  };
  if (opts.timeout !== undefined && opts.timeout > 0) {
    timer = new Timer(loop);
    timer.start(() => kill(UV_ETIMEDOUT), opts.timeout);
  }
  const input = inputBytes(opts.input, opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : undefined);
  prepared.pipes.forEach((pipe, i) => {
    run.output[i] = null;
    if (pipe === null) return;
    if (i === 0) {
      const finish = (): void => {
        // A kill may have closed it already (a pending write then completes as canceled).
        if (pipe.isClosing()) return;
        const shut = new ShutdownReq(loop);
        shut.oncomplete = () => {
          if (!pipe.isClosing()) pipe.close();
        };
        if (pipe.shutdown(shut) < 0) pipe.close();
      };
      if (input === undefined || input.length === 0) {
        finish();
        return;
      }
      const req = new WriteReq(loop);
      req.oncomplete = () => finish();
      const r = pipe.writeBuffer(req, input);
      if (r < 0) pipe.close();
      else if (!req.async) finish();
      return;
    }
    const chunks: Buffer[] = [];
    run.output[i] = chunks;
    pipe.onread = (nread, buf) => {
      if (nread > 0 && buf !== undefined) {
        chunks.push(buf);
        total += nread;
        if (total > maxBuffer) kill(UV_ENOBUFS);
        return;
      }
      if (!pipe.isClosing()) pipe.close();
    };
    pipe.readStart();
  });
  holdTicks(() => loop.run(RunMode.DEFAULT));
  loop.close();
  return run;
}

/** `child_process.spawnSync(file, args?, options?)`. */
export function spawnSync(file: unknown, args?: unknown, options?: unknown): SpawnSyncResult {
  const n = normalizeSpawnArguments(file, args, options);
  const opts = n.options as SpawnSyncOptions;
  validateTimeout(opts.timeout);
  validateMaxBuffer(opts.maxBuffer);
  const killSignal = signalNumber(opts.killSignal ?? 'SIGTERM');
  if (opts.input !== undefined && typeof opts.input !== 'string' && !ArrayBuffer.isView(opts.input)) {
    throw invalidArgType('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], opts.input);
  }
  const run = runSync(n, opts, killSignal);
  if (run.pid === 0 && run.error < 0) {
    return {
      error: spawnError(run.error, n.file, n.args, 'spawnSync'),
      status: null,
      signal: null,
      output: null,
      pid: 0,
      stdout: null,
      stderr: null,
    };
  }
  const encoding = opts.encoding && opts.encoding !== 'buffer' && Buffer.isEncoding(opts.encoding) ? opts.encoding : undefined;
  const output = run.output.map((chunks) => {
    if (chunks === null) return null;
    const buf = Buffer.concat(chunks);
    return encoding !== undefined ? buf.toString(encoding) : buf;
  });
  const result: SpawnSyncResult = {
    status: run.termSignal ? null : run.status,
    signal: run.termSignal ? ((signalName(run.termSignal) ?? null) as NodeJS.Signals | null) : null,
    output,
    pid: run.pid,
    stdout: output[1] ?? null,
    stderr: output[2] ?? null,
  };
  if (run.error < 0) return { error: spawnError(run.error, n.file, n.args, 'spawnSync'), ...result };
  return result;
}

interface CheckedError extends Error, Partial<SpawnSyncResult> {}

/** The error execFileSync/execSync throw for a result that is not a clean exit. */
function checkExecSyncError(ret: SpawnSyncResult, args: readonly string[], cmd: string | undefined): CheckedError | undefined {
  if (ret.error) {
    const err = ret.error as CheckedError;
    Object.assign(err, ret);
    return err;
  }
  if (ret.status === 0) return undefined;
  let msg = 'Command failed: ';
  msg += cmd ?? args.join(' ');
  if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
  const err = new Error(msg) as CheckedError;
  Object.assign(err, ret);
  return err;
}

/** Inherited stderr, as Node: a sync child's stderr goes to ours unless the caller asked otherwise. */
function withStderrInherited(opts: SpawnSyncOptions): SpawnSyncOptions {
  if (opts.stdio !== undefined) return opts;
  return { ...opts, stdio: ['pipe', 'pipe', 'inherit'] };
}

/** `child_process.execFileSync(file, args?, options?)`: stdout, or a throw. */
export function execFileSync(file: unknown, args?: unknown, options?: unknown): Buffer | string {
  let argList: unknown = args;
  let opts: unknown = options;
  if (!Array.isArray(argList) && argList != null && typeof argList === 'object') {
    opts = argList;
    argList = [];
  }
  const n = normalizeSpawnArguments(file, argList, opts);
  const o = withStderrInherited(n.options as SpawnSyncOptions);
  const ret = spawnSync(file, argList ?? [], o);
  const err = checkExecSyncError(ret, n.options.shell ? n.args.slice(2) : [String(file), ...n.args.slice(1)], undefined);
  if (err) throw err;
  return ret.stdout!;
}

/** `child_process.execSync(command, options?)`: the shell's stdout, or a throw. */
export function execSync(command: unknown, options?: unknown): Buffer | string {
  if (options != null && typeof options !== 'object') throw codedError('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
  const o = withStderrInherited({ ...((options ?? {}) as SpawnSyncOptions) });
  o.shell = typeof o.shell === 'string' ? o.shell : true;
  const ret = spawnSync(command, [], o);
  const err = checkExecSyncError(ret, [], String(command));
  if (err) throw err;
  return ret.stdout!;
}
