import { spawn } from 'node:child_process';

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
}

/**
 * Run `bin args…` with stdin on /dev/null (so a script that reads stdin sees
 * EOF at once, as it would with stdin closed) and both output streams piped.
 */
export function capture(bin: string, args: readonly string[], opts: CaptureOptions = {}): Promise<Capture> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(bin, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      opts.onStdout?.(b.toString('utf8'));
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
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
