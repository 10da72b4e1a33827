/**
 * The `process` object user code sees.
 *
 * It is the host's process object, re-dressed: its event emitter, exit
 * sequence ('beforeExit', 'exit', exitCode), nextTick queue, unhandled
 * rejection and uncaught exception handling are exactly Node's, because
 * they are Node's pure-JS code. What belongs to the runtime is replaced:
 * argv/execPath name the mini launcher and the script, stdin/stdout/stderr
 * are our own streams (stdio.ts), and `binding` exposes our handle layer.
 */
import type { Loop } from '@mini/loop';
import { adoptEnvironment, installSignals } from '@mini/process';
import { createTimers } from '@mini/timers';
import { createStdin, createWritableStdio, type FsReadStreams } from './stdio.js';
import type { BuiltinRegistry } from './registry.js';

export interface ProcessSetup {
  /** The `mini` launcher, which is what `fork()` must start. */
  execPath: string;
  /** Absolute path of the main script, or undefined for -e / -p. */
  script: string | undefined;
  args: string[];
  registry: BuiltinRegistry;
  /** In a worker thread: stdio through the parent. */
  worker?: import('@mini/worker').WorkerThreadSide | undefined;
}

/** Bindings `process.binding()` hands out, as Node's public subset. */
const PUBLIC_BINDINGS = new Set(['timer_wrap', 'loop']);

export function dressProcess(setup: ProcessSetup): NodeJS.Process {
  const proc = process;
  proc.execPath = setup.execPath;
  // argv0 is read-only on the host's object and stays 'node', as do the
  // host's own messages that quote it ("Use `node --trace-uncaught …`").
  proc.argv = setup.script === undefined ? [setup.execPath, ...setup.args] : [setup.execPath, setup.script, ...setup.args];
  // execArgv is set by the boot: the command line's options as node lists
  // them (cli.ts), or a worker's own.

  const registry = setup.registry;
  // Made on first use, as Node's: a program that never reads stdin opens nothing for it.
  let stdin: NodeJS.ReadStream | undefined;
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  const fs = () => registry.load('fs') as FsReadStreams;
  const worker = setup.worker;
  if (worker !== undefined) {
    // A worker's stdio reaches its parent's through parentPort; signals and IPC are the main thread's.
    for (const [name, make] of [
      ['stdin', worker.stdin],
      ['stdout', worker.stdout],
      ['stderr', worker.stderr],
    ] as const) {
      Object.defineProperty(proc, name, { configurable: true, enumerable: true, get: make });
    }
    return withBinding(proc, registry);
  }
  Object.defineProperty(proc, 'stdin', {
    configurable: true,
    enumerable: true,
    get: () => (stdin ??= createStdin(fs) as unknown as NodeJS.ReadStream),
  });
  Object.defineProperty(proc, 'stdout', {
    configurable: true,
    enumerable: true,
    get: () => (stdout ??= createWritableStdio(1, proc) as unknown as NodeJS.WriteStream),
  });
  Object.defineProperty(proc, 'stderr', {
    configurable: true,
    enumerable: true,
    get: () => (stderr ??= createWritableStdio(2, proc) as unknown as NodeJS.WriteStream),
  });

  // Signal listeners start our Signal handles (signalfd), and process.kill is ours.
  installSignals(proc);
  // The main thread's process.env is environ: a child that inherits it is given environ itself.
  adoptEnvironment(proc.env);
  // Started by fork(): the IPC channel opens on our loop before the main module runs.
  if (proc.env['NODE_CHANNEL_FD'] !== undefined) {
    (require('@mini/process/ipc') as typeof import('@mini/process/ipc')).connectToParent(proc);
    // Forked by a cluster primary: a worker from the start, as in Node.
    if (proc.env['NODE_UNIQUE_ID'] !== undefined) {
      (require('@mini/process/cluster') as typeof import('@mini/process/cluster')).setupClusterWorker(proc);
    }
  }
  return withBinding(proc, registry);
}

function withBinding(proc: NodeJS.Process, registry: BuiltinRegistry): NodeJS.Process {
  // Our loop's resources by Node's names: requests, then handles, then ref'd timeouts and immediates.
  proc.getActiveResourcesInfo = function getActiveResourcesInfo(): string[] {
    const loop = registry.internalBinding('loop') as Loop;
    const { timeouts, immediates } = createTimers(loop);
    const names = loop.activeResourceNames();
    for (let i = 0; i < timeouts.refedCount; i++) names.push('Timeout');
    for (let i = 0; i < immediates.refedCount; i++) names.push('Immediate');
    return names;
  };

  Object.defineProperty(proc, 'binding', {
    configurable: true,
    writable: true,
    value(name: string): unknown {
      if (!PUBLIC_BINDINGS.has(name) || !registry.hasBinding(name)) throw new Error(`No such module: ${name}`);
      return registry.internalBinding(name);
    },
  });
  return proc;
}
