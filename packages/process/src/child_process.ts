/**
 * node:child_process, ours: spawn/exec/execFile on the default loop, the
 * sync forms on a loop of their own. Loaded only on the first
 * require('child_process'), so startup does not pay for it.
 */
import { promisify } from 'node:util';
import { codedError } from '@mini/sys';
import { ChildProcess, spawn } from './child-process.js';
import { exec, execFile } from './exec.js';
import { execFileSync, execSync, spawnSync } from './sync.js';

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

function fork(): never {
  throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'child_process.fork', 'IPC channels are not available yet');
}

/** The module object `require('child_process')` returns. */
export function createChildProcess(): Record<string, unknown> {
  return { ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync, fork, _forkChild: fork };
}

export { ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync };
