import { execFileSync } from 'node:child_process';
import { setImmediate as hostSetImmediate } from 'node:timers';
import type { Loop } from '@mini/loop';

/**
 * Run `loop` to completion from a host macrotask: only there does draining
 * ticks also run promise jobs (a test body is itself a promise job).
 */
export function runLoop(loop: Loop): Promise<void> {
  return new Promise((resolve, reject) => {
    hostSetImmediate(() => {
      try {
        loop.run();
        resolve();
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** Run `fn` inside a host macrotask (e.g. to schedule before a run). */
export function inMacrotask<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    hostSetImmediate(() => {
      try {
        resolve(fn());
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** Real Node's output for a script: the specification. */
export function nodeEval(script: string): string {
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

/** Spin until the loop clock has moved `ms` on. */
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}
