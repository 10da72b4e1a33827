/**
 * Boot, in the order Node's startup follows:
 *   1. the Environment: this thread's loop, owned by us;
 *   2. the builtin registry, every module registered as a linked-list node;
 *   3. process and globals dressed for the program;
 *   4. the module loader, then the main module (run_main_module);
 *   5. nextTicks and microtasks queued by the main module, then the loop
 *      (from the host's first turn), until nothing keeps it alive; the
 *      host's exit sequence does the rest
 *      ('beforeExit' may bring work back, then 'exit' and exitCode).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Async, drainTicks, tracing } from '@mini/loop';
import * as timers from '@mini/timers';
import { defineBuiltinGlobals } from './builtin-globals.js';
import { registerBuiltins } from './builtins.js';
import { HELP, parseCommandLine, type RunOptions } from './cli.js';
import { createConsole } from './console.js';
import { Environment } from './environment.js';
import { loadUndici, type Undici } from './fetch.js';
import { installGlobals, timersModule } from './globals.js';
import { LAUNCHER_FLAGS } from './launcher-flags.js';
import { createModuleSystem } from './loader/index.js';
import { hostOption, programGaveVmModules, setProgramOptions, unsupportedOption } from './node-options.js';
import { codedError, defineLazy, hostBinding } from '@mini/sys';
import { dressProcess } from './process.js';

export const VERSION = '0.1.0';

export interface BootOptions {
  /** Path of the `mini` launcher (process.execPath). */
  execPath: string;
  /** Arguments after the launcher. */
  argv: string[];
  /** The file a worker thread boots from (apps/mini's dist/worker.js). */
  workerEntry: string;
}

export function boot(opts: BootOptions): void {
  const action = parseCommandLine(opts.argv, givenHostFlags());
  if (action.kind !== 'version' && action.kind !== 'help' && action.kind !== 'error') setProgramOptions(action.execArgv ?? []);
  switch (action.kind) {
    case 'version':
      process.stdout.write(`v${VERSION}\n`);
      return;
    case 'help':
      process.stdout.write(HELP);
      return;
    case 'error':
      process.stderr.write(`mini: ${action.message}\n`);
      process.exitCode = 9;
      return;
  }

  if (action.check === true && action.kind === 'eval') {
    process.stderr.write('mini: either --check or --eval can be used, not both\n');
    process.exitCode = 9;
    return;
  }
  const unsupported = unsupportedOption();
  if (unsupported !== undefined) {
    process.stderr.write(`mini: ${unsupported} is not supported yet\n`);
    process.exitCode = 9;
    return;
  }
  takeNodeOptions(action);
  // --env-file: before anything reads process.env, as node loads them at
  // startup. The host's parser (a missing file: node's message, exit 9).
  for (const file of action.envFiles ?? []) process.loadEnvFile(file);
  for (const file of action.optionalEnvFiles ?? []) if (existsSync(file)) process.loadEnvFile(file);

  // No script: the program is stdin, as node reads it when stdin is not a terminal.
  let stdinCode: string | undefined;
  // No script and stdin a terminal: the REPL.
  let interactive = false;
  if (action.kind === 'stdin') {
    // node:tty only here: loading it costs every start a few ms.
    if (!action.dash && (require('node:tty') as typeof import('node:tty')).isatty(0)) interactive = true;
    else stdinCode = readFileSync(0, 'utf8');
  }
  // The loader derives Node's global folder (<prefix>/lib/node) from the real node binary.
  const hostExecPath = process.execPath;
  // Before the Environment: its loop's first iteration is already in the trace.
  if (action.traceLoop !== undefined) (require('./trace-loop.js') as typeof import('./trace-loop.js')).traceLoopTo(action.traceLoop);
  const script = action.kind === 'script' ? path.resolve(action.script) : undefined;
  // --test: process.argv names the files as given, node's runner resolves them.
  const args = action.kind === 'test' ? action.files : action.kind === 'stdin' && action.dash ? ['-', ...action.args] : action.args;
  const { env, proc, moduleSystem, entryTurn } = setUpRuntime({
    execPath: opts.execPath,
    workerEntry: opts.workerEntry,
    script,
    args,
    hostExecPath,
    inspectBrk: action.inspectBrk,
    execArgv: action.execArgv,
  });

  // The loop starts from the host's first check phase, not from here: the
  // host registers its own watchers (the thread pool's async wakeup among
  // them) with the kernel only when it first polls, and until it has, our
  // epoll could not see the host's work complete. Scheduled first, so the
  // loop also runs when the main module throws and an uncaughtException
  // handler keeps the process alive; the exception itself goes to the host
  // untouched (never caught and rethrown, which would report our line).
  env.driver.schedule();
  if (action.kind === 'test') {
    (require('./test-runner.js') as typeof import('./test-runner.js')).runTests(env.registry);
    return;
  }
  // A trace shows the main module as the slice before the loop's first iteration (ended by the trace if it throws).
  const tr = tracing.tracer;
  tr?.begin('main module', 'startup', { file: script ?? (stdinCode !== undefined ? '[stdin]' : '[eval]') });
  if (action.check === true && action.kind === 'script') {
    moduleSystem.checkSyntax(script!);
    tr?.end();
    return;
  }
  // --inspect-brk: nothing of the program runs before a debugger has attached and said to go on.
  // The host's inspector opens only now, already waiting: a debugger that
  // attached during our boot could say to go on before anyone waited, and
  // the wait would never end (the host forgets a go-on nobody waited for).
  if (action.inspectBrk !== undefined) {
    const { host, port } = inspectAddress(action.inspectBrk);
    (require('node:inspector') as typeof import('node:inspector')).open(port, host, true);
  }
  // -r modules load before the main one; --import modules are evaluated first, the main one after them.
  moduleSystem.Module._preloadModules(action.preloadRequire);
  if (action.preloadImport !== undefined && action.preloadImport.length > 0) {
    const runMain = (): void => runEntry(moduleSystem, action, script, stdinCode);
    importInOrder(moduleSystem, action.preloadImport, () => entryTurn(runMain));
    tr?.end();
    return;
  }
  if (interactive) (require('./repl.js') as typeof import('./repl.js')).startRepl(env.registry, moduleSystem, proc, VERSION);
  else runEntry(moduleSystem, action, script, stdinCode);
  tr?.end();
  drainTicks();
}

interface RuntimeSetup {
  execPath: string;
  /** The file a worker thread boots from (apps/mini's dist/worker.js). */
  workerEntry: string;
  script: string | undefined;
  args: string[];
  hostExecPath: string;
  /** Set in a worker thread: what its parent handed it. */
  worker?: import('@mini/worker').WorkerBootstrap;
  /** --inspect-brk, as given. */
  inspectBrk?: string | undefined;
  /** process.execArgv, as the command line gave it (a worker's is its host thread's). */
  execArgv?: string[] | undefined;
}

/** Steps 1–4 of the boot: the Environment, the registry, process and globals, the module loader. */
function setUpRuntime(setup: RuntimeSetup) {
  const env = new Environment();
  // A worker's parentPort and stdio need its loop, and its process needs them.
  const worker = setup.worker && (require('@mini/worker') as typeof import('@mini/worker')).startWorkerSide(setup.worker);
  const proc = dressProcess({ execPath: setup.execPath, script: setup.script, args: setup.args, registry: env.registry, worker });
  proc.execArgv = setup.execArgv ?? proc.execArgv.filter((flag) => !LAUNCHER_FLAGS.has(flag));
  const console = createConsole(proc);

  registerBuiltins(env.registry, {
    timers: timersModule,
    'timers/promises': () => timers.timersPromises,
    // Called on the first require('module'), after the module system exists.
    module: () => moduleSystem.Module,
    console: () => console,
    process: () => proc,
    fs: () =>
      (require('@mini/fs-watch') as typeof import('@mini/fs-watch')).installWatch(
        (require('@mini/fs') as typeof import('@mini/fs')).createFs(),
      ),
    dns: () => (require('@mini/dns') as typeof import('@mini/dns')).createDns(),
    'dns/promises': () => (env.registry.load('dns') as { promises: unknown }).promises,
    // Loaded on first require: a program that never opens a socket does not pay for them.
    net: () => plainExports(withLookup().net),
    dgram: () => plainExports(withLookup().dgram),
    tty: () => (require('@mini/net/tty') as typeof import('@mini/net/tty')).createTty(),
    // The host's pure JavaScript, over our streams and with our timers.
    readline: () => (require('@mini/net/tty') as typeof import('@mini/net/tty')).readline(),
    'readline/promises': () => (require('@mini/net/tty') as typeof import('@mini/net/tty')).readlinePromises(),
    http: () => plainExports((require('@mini/http') as typeof import('@mini/http')).http),
    // Our TLS over our net: the lookup is set on it before the first socket.
    tls: () => (withLookup(), require('@mini/tls') as typeof import('@mini/tls')).createTls(),
    https: () => (withLookup(), require('@mini/http/https') as typeof import('@mini/http/https')).createHttps(),
    _tls_common: () => (require('@mini/tls') as typeof import('@mini/tls')).createTlsCommon(),
    _tls_wrap: () => (withLookup(), require('@mini/tls') as typeof import('@mini/tls')).createTlsWrap(),
    // Internal ids packages require: the same classes as node:http.
    ...Object.fromEntries(
      ['_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server'].map((id) => [
        id,
        () => (require('@mini/http') as typeof import('@mini/http')).httpInternalModules[id]!(),
      ]),
    ),
    'fs/promises': () => (env.registry.load('fs') as { promises: unknown }).promises,
    // The host's vm has SourceTextModule and SyntheticModule only because the
    // launcher enables them for our loader; node's has neither without the flag.
    vm: () => (programGaveVmModules() ? plainExports(vm) : hostVmWithoutModules()),
    child_process: () => (require('@mini/process/child_process') as typeof import('@mini/process/child_process')).createChildProcess(),
    cluster: () => (require('@mini/process/cluster') as typeof import('@mini/process/cluster')).createCluster(),
    perf_hooks: () => (require('./perf-hooks.js') as typeof import('./perf-hooks.js')).createPerfHooks(),
    async_hooks: () => (require('./async-hooks.js') as typeof import('./async-hooks.js')).createAsyncHooks(),
    repl: () => (require('./repl.js') as typeof import('./repl.js')).createRepl(env.registry, moduleSystem),
    worker_threads: () => {
      const workerPackage = require('@mini/worker') as typeof import('@mini/worker');
      workerPackage.setWorkerHost({
        workerEntry: setup.workerEntry,
        execPath: setup.execPath,
        execArgv: () => proc.execArgv,
        stdout: () => proc.stdout,
        stderr: () => proc.stderr,
      });
      return workerPackage.createWorkerThreads();
    },
  });
  env.registry.registerBinding('loop', () => env.loop);
  /** @mini/net, resolving names with our dns.lookup (loaded with the first name to resolve). */
  const withLookup = (): typeof import('@mini/net') => {
    const netPackage = require('@mini/net') as typeof import('@mini/net');
    netPackage.setSystemLookup((hostname, options, callback) =>
      (env.registry.load('dns') as { lookup: import('@mini/net').LookupFunction }).lookup(hostname, options, callback),
    );
    return netPackage;
  };
  let undici: Undici | undefined;
  installGlobals(
    console,
    () => (undici ??= loadUndici((id) => env.registry.load(id))),
    (id) => env.registry.load(id),
  );
  (require('./perf-hooks.js') as typeof import('./perf-hooks.js')).installPerformanceGlobal();
  // An eventfd wakeup is a callback from the poll phase, as libuv's uv_async.
  const entryTurn = (callback: () => void): void => {
    const wakeup = new Async(env.loop, () => {
      wakeup.close();
      callback();
    });
    wakeup.send();
  };
  const moduleSystem = createModuleSystem(env.registry, {
    process: proc,
    execPath: setup.hostExecPath,
    preserveSymlinks: hostOption('--preserve-symlinks') === true,
    entryTurn,
    // Node's own pause on a main module's first statement, reason "Break on start".
    ...(setup.inspectBrk !== undefined && {
      callMainAndPause: (fn, thisArg, args) =>
        hostBinding<{ callAndPauseOnStart(fn: unknown, thisArg: unknown, ...args: unknown[]): unknown }>('inspector').callAndPauseOnStart(
          fn,
          thisArg,
          ...args,
        ),
    }),
  });

  return { env, proc, moduleSystem, entryTurn };
}

/**
 * A worker thread's boot (apps/mini's worker entry): the same runtime on
 * this thread's own loop, then the worker's script or code.
 */
export function bootWorker(): void {
  const hostThreads = require('node:worker_threads') as typeof import('node:worker_threads');
  const workerPackage = require('@mini/worker') as typeof import('@mini/worker');
  const boot: unknown = hostThreads.workerData;
  if (!workerPackage.isWorkerBootstrap(boot)) throw new Error('mini: a worker thread started without its bootstrap');
  // Before the Environment: the fd ledger must see the loop's epoll fd.
  workerPackage.becomeWorker(boot);
  const script = boot.code === undefined ? boot.filename : '[worker eval]';
  const { env, moduleSystem } = setUpRuntime({
    execPath: boot.execPath,
    workerEntry: boot.workerEntry,
    script,
    args: boot.argv,
    hostExecPath: process.execPath,
    worker: boot,
    execArgv: boot.execArgv,
  });
  setProgramOptions(boot.execArgv);
  env.driver.schedule();
  // As node's workers, the -r modules of the options it runs under.
  moduleSystem.Module._preloadModules(boot.preloads);
  if (boot.code !== undefined) runEval(moduleSystem, boot.code, false, '[worker eval]');
  else moduleSystem.runMain(boot.filename!);
  drainTicks();
}

/** The main module, -e/-p code or the program from stdin, run as node runs each. */
function runEntry(
  moduleSystem: ReturnType<typeof createModuleSystem>,
  action: Exclude<ReturnType<typeof parseCommandLine>, { kind: 'version' | 'help' | 'error' | 'test' }>,
  script: string | undefined,
  stdinCode: string | undefined,
): void {
  const asModule = action.inputType === 'module';
  if (action.kind === 'script') {
    if (action.inputType !== undefined) throw codedError('ERR_INPUT_TYPE_NOT_ALLOWED');
    moduleSystem.runMain(script!);
  } else if (action.kind === 'stdin') {
    if (asModule) moduleSystem.evalModule(stdinCode!, '[eval1]');
    else runEval(moduleSystem, stdinCode!, false, '[stdin]');
  } else if (asModule) {
    if (action.print) throw codedError('ERR_EVAL_ESM_CANNOT_PRINT');
    moduleSystem.evalModule(action.code, '[eval1]');
  } else {
    runEval(moduleSystem, action.code, action.print);
  }
}

/**
 * --import: each module imported (resolved from the working directory) and
 * evaluated, one after the other, then `done`. A failure is left unhandled:
 * the host reports it as node reports a failed preload, and nothing more runs.
 */
function importInOrder(moduleSystem: ReturnType<typeof createModuleSystem>, specifiers: string[], done: () => void): void {
  const importer = moduleSystem.dynamicImport(path.join(process.cwd(), '/'));
  let chain: Promise<unknown> = Promise.resolve();
  for (const specifier of specifiers) chain = chain.then(() => importer(specifier, undefined, {}));
  void chain.then(done);
}

/**
 * The options the launcher gave the host node besides its own (which come
 * first), in the order given: the program's options that are node's.
 */
function givenHostFlags(): string[] {
  const flags = process.execArgv;
  let own = 0;
  while (own < flags.length && own < LAUNCHER_FLAGS.size && LAUNCHER_FLAGS.has(flags[own]!)) own++;
  return flags.slice(own);
}

/**
 * NODE_OPTIONS' options of mini's own, which the launcher kept from the
 * host (MINI_NODE_OPTIONS): as node, they come before the command line's
 * and are not in execArgv.
 */
function takeNodeOptions(action: RunOptions): void {
  const words = process.env['MINI_NODE_OPTIONS'];
  if (words === undefined) return;
  delete process.env['MINI_NODE_OPTIONS'];
  const fromEnv = parseCommandLine(words.split(/\s+/).filter((word) => word !== ''));
  if (fromEnv.kind !== 'stdin') return;
  if (fromEnv.preloadRequire) action.preloadRequire = [...fromEnv.preloadRequire, ...(action.preloadRequire ?? [])];
  if (fromEnv.preloadImport) action.preloadImport = [...fromEnv.preloadImport, ...(action.preloadImport ?? [])];
  action.inspectBrk ??= fromEnv.inspectBrk;
  action.inputType ??= fromEnv.inputType;
}

/** --inspect-brk[=[host:]port]'s address, node's defaults where it names none. */
function inspectAddress(flag: string): { host: string; port: number } {
  const value = flag.startsWith('--inspect-brk=') ? flag.slice('--inspect-brk='.length) : '';
  const colon = value.lastIndexOf(':');
  if (colon >= 0) return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
  if (/^\d+$/.test(value)) return { host: '127.0.0.1', port: Number(value) };
  return { host: value === '' ? '127.0.0.1' : value, port: 9229 };
}

function hostVmWithoutModules(): Record<string, unknown> {
  const exports = plainExports(vm);
  for (const name of ['Module', 'SourceTextModule', 'SyntheticModule']) delete exports[name];
  return exports;
}

/**
 * A package's API namespace as a builtin's exports: a plain object whose
 * properties are writable data, as Node's are, so a program (nock, an
 * agent library) can replace `http.request` or `net.connect`.
 */
function plainExports(namespace: object): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  const members = namespace as Record<string, unknown> & { lazyExports?: Record<string, () => unknown> };
  for (const key of Object.keys(namespace)) if (key !== 'lazyExports') exports[key] = members[key];
  for (const [key, make] of Object.entries(members.lazyExports ?? {})) defineLazy(exports, key, make, true);
  return exports;
}

/** -e/-p code, or a program read from stdin (`name` '[stdin]'), run as node runs them. */
function runEval(ms: ReturnType<typeof createModuleSystem>, code: string, print: boolean, name = '[eval]'): void {
  const filename = path.join(process.cwd(), name);
  const g = globalThis as Record<string, unknown>;
  const module = { exports: {}, id: name, filename, loaded: false, paths: [] as string[] };
  const require = ms.createRequire(filename);
  g['require'] = require;
  g['module'] = module;
  g['exports'] = module.exports;
  g['__filename'] = name;
  g['__dirname'] = '.';
  // -e/-p code sees the builtins as globals (a program read from stdin does not).
  if (name === '[eval]') defineBuiltinGlobals(globalThis, require, ms.Module.builtinModules);
  const result: unknown = vm.runInThisContext(code, { filename: name, importModuleDynamically: ms.dynamicImport(filename) as never });
  if (print) (globalThis.console as Console).log(result);
}
