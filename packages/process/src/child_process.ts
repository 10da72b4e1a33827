/**
 * node:child_process, ours: spawn/exec/execFile on the default loop, the
 * sync forms on a loop of their own. Loaded only on the first
 * require('child_process'), so startup does not pay for it.
 */
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { codedError, invalidArgType, validateArray, validateObject } from '@mini/sys';
import { ChildProcess, spawn } from './child-process.js';
import { exec, execFile } from './exec.js';
import { execFileSync, execSync, spawnSync } from './sync.js';
import type { SpawnOptions } from './spawn-options.js';

type Settled = (err: (Error & { stdout?: unknown; stderr?: unknown }) | null, stdout: unknown, stderr: unknown) => void;

/** util.promisify(exec) resolves with { stdout, stderr } and carries the child, as Node's. */
function promisified(fn: (...args: unknown[]) => ChildProcess): (...args: unknown[]) => Promise<{ stdout: unknown; stderr: unknown }> {
  return (...args: unknown[]) => {
    let child: ChildProcess | undefined;
    const p = new Promise<{ stdout: unknown; stderr: unknown }>((resolve, reject) => {
      const done: Settled = (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      };
      child = fn(...args, done);
    }) as Promise<{ stdout: unknown; stderr: unknown }> & { child?: ChildProcess };
    p.child = child;
    return p;
  };
}

Object.defineProperty(exec, promisify.custom, { enumerable: false, value: promisified(exec as (...args: unknown[]) => ChildProcess) });
Object.defineProperty(execFile, promisify.custom, {
  enumerable: false,
  value: promisified(execFile as (...args: unknown[]) => ChildProcess),
});

interface ForkOptions extends SpawnOptions {
  execPath?: string;
  execArgv?: string[];
  silent?: boolean;
}

/** `fork(modulePath, args?, options?)`: the runtime again (process.execPath), with an IPC channel. */
function fork(modulePath: unknown, args?: unknown, options?: unknown): ChildProcess {
  if (modulePath instanceof URL) modulePath = fileURLToPath(modulePath);
  else if (Buffer.isBuffer(modulePath)) modulePath = modulePath.toString();
  if (typeof modulePath !== 'string') throw invalidArgType('modulePath', ['string', 'Buffer', 'URL'], modulePath);
  let argList: unknown[] = [];
  if (args == null) {
    argList = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
  } else {
    validateArray(args, 'args');
    argList = args;
  }
  if (options !== undefined) validateObject(options, 'options');
  const opts: ForkOptions = { ...((options ?? {}) as ForkOptions), shell: false };
  const execArgv = opts.execArgv ?? process.execArgv;
  const stdio = opts.stdio;
  if (typeof stdio === 'string') opts.stdio = [stdio, stdio, stdio, 'ipc'];
  else if (!Array.isArray(stdio)) opts.stdio = opts.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : [0, 1, 2, 'ipc'];
  else if (!stdio.includes('ipc')) throw codedError('ERR_CHILD_PROCESS_IPC_REQUIRED', 'options.stdio');
  return spawn(opts.execPath ?? process.execPath, [...execArgv, modulePath, ...argList], opts);
}

/** The module object `require('child_process')` returns. */
export function createChildProcess(): Record<string, unknown> {
  return { ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync, fork };
}

export { ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync, fork };
