/**
 * `execFile` and `exec`: spawn, collect stdout and stderr up to
 * `maxBuffer`, and call back once with (error, stdout, stderr) when the
 * child closed or could not start. A child that fails, is killed or
 * overflows gets Node's error: "Command failed: <cmd>\n<stderr>" with
 * code/killed/signal/cmd, or ERR_CHILD_PROCESS_STDIO_MAXBUFFER.
 */
import { codedError, errnoName, invalidArgType, validateFunction, validateObject } from '@mini/sys';
import { ChildProcess, spawn } from './child-process.js';
import { signalNumber } from './signals.js';
import { validateMaxBuffer, validateTimeout, type SpawnOptions } from './spawn-options.js';
import { clearTimeout, setTimeout } from '@mini/timers';

export const DEFAULT_MAX_BUFFER = 1024 * 1024;

export interface ExecOptions extends SpawnOptions {
  encoding?: BufferEncoding | 'buffer' | null | undefined;
  maxBuffer?: number | undefined;
}

type ExecCallback = (error: Error | null, stdout: string | Buffer, stderr: string | Buffer) => void;

interface ExecError extends Error {
  code?: number | string | null | undefined;
  killed?: boolean;
  signal?: NodeJS.Signals | null;
  cmd?: string;
}

/** `(file, args?, options?, callback?)`, any of the middle ones left out, as Node reads them. */
function execFileArguments(
  file: unknown,
  rest: unknown[],
): { file: unknown; args: string[]; options: ExecOptions; callback: ExecCallback | undefined } {
  let pos = 0;
  let args: string[] = [];
  let options: ExecOptions = {};
  let callback: ExecCallback | undefined;
  if (Array.isArray(rest[pos])) {
    args = rest[pos++] as string[];
  } else if (rest[pos] == null) {
    pos++;
  }
  const o = rest[pos];
  if (o != null && typeof o === 'object') {
    options = o as ExecOptions;
    pos++;
  } else if (o === null) {
    pos++;
  }
  const cb = rest[pos];
  if (typeof cb === 'function') {
    callback = cb as ExecCallback;
    pos++;
  }
  if (pos < rest.length && rest[pos] !== undefined) {
    const bad = rest[pos];
    if (typeof bad !== 'function' && bad !== null) throw invalidArgType('args', 'object', bad);
  }
  return { file, args, options, callback };
}

export function execFile(file: unknown, ...rest: unknown[]): ChildProcess {
  const a = execFileArguments(file, rest);
  const options: ExecOptions = { encoding: 'utf8', timeout: 0, maxBuffer: DEFAULT_MAX_BUFFER, killSignal: 'SIGTERM', ...a.options };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  signalNumber(options.killSignal!);
  const maxBuffer = options.maxBuffer!;
  const child = spawn(a.file, a.args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    argv0: options.argv0,
    windowsHide: Boolean(options.windowsHide),
    windowsVerbatimArguments: Boolean(options.windowsVerbatimArguments),
  });
  const encoding = options.encoding && options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const chunks: { stdout: (string | Buffer)[]; stderr: (string | Buffer)[] } = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let ex: ExecError | null = null;
  let killed = false;
  let exited = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const exithandler = (code?: number | null, signal?: NodeJS.Signals | null): void => {
    if (exited) return;
    exited = true;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (a.callback === undefined) return;
    const joined = (list: (string | Buffer)[]): string | Buffer => (encoding !== null ? list.join('') : Buffer.concat(list as Buffer[]));
    const stdout = joined(chunks.stdout);
    const stderr = joined(chunks.stderr);
    if (!ex && code === 0 && signal === null) {
      a.callback(null, stdout, stderr);
      return;
    }
    let cmd = String(a.file);
    if (a.args.length !== 0) cmd += ` ${a.args.join(' ')}`;
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${String(stderr)}`) as ExecError;
      ex.code = code != null && code < 0 ? errnoName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal ?? null;
    }
    ex.cmd = cmd;
    a.callback(ex, stdout, stderr);
  };

  const kill = (): void => {
    child.stdout?.destroy();
    child.stderr?.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (err) {
      ex = err as ExecError;
      exithandler();
    }
  };

  if (options.timeout! > 0) {
    timer = setTimeout(() => {
      kill();
      timer = null;
    }, options.timeout);
  }

  for (const which of ['stdout', 'stderr'] as const) {
    const stream = child[which];
    if (stream === null) continue;
    if (encoding !== null) stream.setEncoding(encoding);
    stream.on('data', (chunk: string | Buffer) => {
      if (lengths[which] === Infinity) return;
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding ?? 'utf8') : chunk.length;
      lengths[which] += size;
      if (lengths[which] > maxBuffer) {
        const keep = maxBuffer - (lengths[which] - size);
        chunks[which].push(chunk.slice(0, keep));
        lengths[which] = Infinity;
        ex = codedError('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', which);
        kill();
      } else {
        chunks[which].push(chunk);
      }
    });
  }

  child.addListener('close', exithandler);
  child.addListener('error', (e: ExecError) => {
    ex = e;
    child.stdout?.destroy();
    child.stderr?.destroy();
    exithandler();
  });
  return child;
}

/** `exec(command, options?, callback?)`: execFile of the command through the shell. */
export function exec(command: unknown, options?: unknown, callback?: unknown): ChildProcess {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (options != null) validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  const opts = { ...((options ?? {}) as ExecOptions) };
  opts.shell = typeof opts.shell === 'string' ? opts.shell : true;
  return execFile(command, opts, callback);
}
