import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import type { StdinSpec } from './corpus.js';

/** What one run of a program left behind. */
export interface Capture {
  stdout: string;
  stderr: string;
  /** Exit status, or null when the process was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From spawn to the close of both output pipes, in milliseconds. */
  wallMs: number;
  /** True when we killed it for running past `timeoutMs`. */
  timedOut: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES…). */
  spawnError?: string;
}

export interface CaptureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Called once with the child's pid, right after spawn (used to sample RSS). */
  onSpawn?: (pid: number) => void;
  /** Called with each stdout chunk as it arrives. */
  onStdout?: (chunk: string) => void;
  /** What the program reads on stdin; /dev/null without it. */
  stdin?: StdinSpec;
}

/**
 * Run `bin args…` with both output streams piped and stdin as `opts.stdin`
 * says: by default /dev/null (so a script that reads stdin sees EOF at
 * once, as it would with stdin closed); a file as fd 0; a socketpair we
 * write the file into; or a pipe(2) that `cat` fills, through `sh`, which
 * Node's child_process cannot make.
 */
export function capture(bin: string, args: readonly string[], opts: CaptureOptions = {}): Promise<Capture> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const input = opts.stdin;
    let file: 'ignore' | 'pipe' | number = 'ignore';
    if (input?.kind === 'file') file = openSync(input.path, 'r');
    else if (input?.kind === 'pipe') file = 'pipe';
    const [command, argv] =
      input?.kind === 'fifo' ? ['sh', ['-c', 'f=$1; shift; cat -- "$f" | "$@"', 'sh', input.path, bin, ...args]] : [bin, args];
    const child = spawn(command, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: [file, 'pipe', 'pipe'],
    });
    if (typeof file === 'number') closeSync(file);
    if (input?.kind === 'pipe') {
      // A program that stops reading early closes its end: not our failure.
      child.stdin!.on('error', () => {});
      child.stdin!.end(readFileSync(input.path));
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let spawnError: string | undefined;
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, opts.timeoutMs);
    child.stdout!.on('data', (b: Buffer) => {
      out.push(b);
      opts.onStdout?.(b.toString('utf8'));
    });
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    child.on('error', (e) => {
      spawnError = e.message;
    });
    // 'close' (not 'exit') so that everything the child wrote has been read.
    child.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      const result: Capture = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
        signal,
        wallMs: elapsed(),
        timedOut,
      };
      if (spawnError !== undefined) result.spawnError = spawnError;
      resolve(result);
    });
  });
}
