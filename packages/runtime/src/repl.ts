/**
 * node:repl, and `mini` with no script on a terminal. The host's REPL is
 * pure JS (readline's line editing, vm evaluation, completion) and runs
 * over whatever streams it is given, ours; what it puts in its context is
 * the host's own `require` and builtin modules, so every REPL server gets
 * ours instead, again on each `.clear`. Readline's internals are loaded
 * first through our registry, so its key timeouts run on our timers.
 */
import path from 'node:path';
import type * as hostRepl from 'node:repl';
import { defineBuiltinGlobals } from './builtin-globals.js';
import type { createModuleSystem } from './loader/index.js';
import type { BuiltinRegistry } from './registry.js';

type ModuleSystem = ReturnType<typeof createModuleSystem>;

export function createRepl(registry: BuiltinRegistry, ms: ModuleSystem): typeof hostRepl {
  registry.load('readline');
  const host = require('node:repl') as typeof hostRepl;
  const ours = (context: object): void => {
    const require = ms.createRequire(path.join(process.cwd(), '<repl>'));
    Object.defineProperty(context, 'require', { value: require, writable: true, enumerable: false, configurable: true });
    defineBuiltinGlobals(context, require, ms.Module.builtinModules, true);
  };
  function start(...args: Parameters<typeof hostRepl.start>): hostRepl.REPLServer {
    const server = host.start(...args);
    ours(server.context);
    server.on('reset', ours);
    return server;
  }
  return { ...host, start };
}

/** The REPL of `mini` itself: node's greeting and prompt; .exit and Ctrl-D end the program. */
export function startRepl(registry: BuiltinRegistry, ms: ModuleSystem, proc: NodeJS.Process, version: string): void {
  const repl = registry.load('repl') as typeof hostRepl;
  proc.stdout.write(`Welcome to mini v${version} (on Node.js ${process.version}).\nType ".help" for more information.\n`);
  const server = repl.start({ prompt: '> ', input: proc.stdin, output: proc.stdout, useGlobal: true });
  server.on('exit', () => proc.exit());
}
