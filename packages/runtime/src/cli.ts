/** The command line, parsed as node parses its own. */

/** Options of mini's own that come before the script. */
export interface RunOptions {
  /** --trace-loop[=FILE]: record the loop to FILE ('' = mini-trace-<pid>.json in the current folder). */
  traceLoop?: string;
  /** --input-type=module: -e, -p and stdin code is an ES module. */
  inputType?: 'module' | 'commonjs';
  /** -r/--require: CommonJS modules loaded before the main one, in order. */
  preloadRequire?: string[];
  /** --import: ES modules loaded (and evaluated) before the main one, in order. */
  preloadImport?: string[];
  /** --env-file: files of variables set in process.env before anything runs. */
  envFiles?: string[];
  /** --env-file-if-exists: the same, where a missing file is no error. */
  optionalEnvFiles?: string[];
  /** -c/--check: check the script's syntax without running it. */
  check?: boolean;
  /**
   * --inspect-brk[=[host:]port], as given: the runtime opens the host's
   * inspector on that address, waits for a debugger and pauses on the main
   * module's first statement.
   */
  inspectBrk?: string;
  /**
   * Every option before the script, mini's own and the host's, in the
   * order given: process.execArgv, as node shows it (-e's code included;
   * --trace-loop, which is not node's, left out).
   */
  execArgv?: string[];
}

/** Options of node's test runner that mini reads itself (the rest are the host's). */
export interface TestOptions {
  /**
   * --test-name-pattern and --test-only, which the launcher leaves to mini
   * when --test is given: they are for the test files' processes, in
   * process.execArgv as node shows them.
   */
  testFileFlags?: string[];
}

/** Options that take a value, given as `--opt value` or `--opt=value` (-r only the first way). */
const VALUE_OPTIONS: Record<string, 'preloadRequire' | 'preloadImport' | 'envFiles' | 'optionalEnvFiles'> = {
  '-r': 'preloadRequire',
  '--require': 'preloadRequire',
  '--import': 'preloadImport',
  '--env-file': 'envFiles',
  '--env-file-if-exists': 'optionalEnvFiles',
};

export type Action =
  | ({ kind: 'script'; script: string; args: string[] } & RunOptions)
  | ({ kind: 'eval'; code: string; print: boolean; args: string[] } & RunOptions)
  /** The program comes on stdin: `mini -`, or no script with stdin not a terminal. */
  | ({ kind: 'stdin'; dash: boolean; args: string[] } & RunOptions)
  /** --test: the files (or folders) to run, none for node's default search. */
  | ({ kind: 'test'; files: string[] } & RunOptions & TestOptions)
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/**
 * `argv`: the arguments after the launcher. `hostFlags`: the options of
 * theirs the launcher gave the host node as well (which applied them), in
 * the same order: they are taken as they come, for execArgv.
 */
export function parseCommandLine(argv: string[], hostFlags: readonly string[] = []): Action {
  const execArgv: string[] = [];
  const run: RunOptions & TestOptions = { execArgv };
  let testing = false;
  let host = 0;
  let evaluate: { code: string; print: boolean } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (host < hostFlags.length && arg === hostFlags[host]) {
      host++;
      execArgv.push(arg);
      continue;
    }
    if (arg === '--trace-loop' || arg.startsWith('--trace-loop=')) {
      run.traceLoop = arg.slice('--trace-loop='.length);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const list = VALUE_OPTIONS[name];
    if (list !== undefined) {
      const value = eq > 0 && name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { kind: 'error', message: `${arg} requires an argument` };
      (run[list] ??= []).push(value);
      execArgv.push(...(name === arg ? [arg, value] : [arg]));
      continue;
    }
    if (arg === '--input-type' || arg.startsWith('--input-type=')) {
      const type = arg === '--input-type' ? argv[++i] : arg.slice('--input-type='.length);
      if (type === undefined) return { kind: 'error', message: `${arg} requires an argument` };
      if (type !== 'module' && type !== 'commonjs') return { kind: 'error', message: '--input-type must be "module" or "commonjs"' };
      run.inputType = type;
      execArgv.push(...(arg === '--input-type' ? [arg, type] : [arg]));
      continue;
    }
    if (arg !== '-' && arg !== '--' && arg.startsWith('-')) execArgv.push(arg);
    if (arg === '--test') {
      testing = true;
      continue;
    }
    if (arg.startsWith('--test-name-pattern=') || arg === '--test-only') {
      (run.testFileFlags ??= []).push(arg);
      continue;
    }
    if (arg === '--inspect-brk' || arg.startsWith('--inspect-brk=')) {
      run.inspectBrk = arg;
      continue;
    }
    if (arg === '-c' || arg === '--check') {
      run.check = true;
      continue;
    }
    switch (arg) {
      case '-v':
      case '--version':
        return { kind: 'version' };
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '-e':
      case '--eval':
      case '-p':
      case '-pe':
      case '--print': {
        const code = argv[++i];
        if (code === undefined) return { kind: 'error', message: `${arg} requires an argument` };
        execArgv.push(code);
        evaluate = { code, print: arg !== '-e' && arg !== '--eval' };
        continue;
      }
      case '-':
        if (evaluate) return { kind: 'eval', ...evaluate, args: argv.slice(i), ...run };
        return { kind: 'stdin', dash: true, args: argv.slice(i + 1), ...run };
      case '--':
        if (evaluate) return { kind: 'eval', ...evaluate, args: argv.slice(i + 1), ...run };
        if (argv[i + 1] === undefined) return { kind: 'error', message: 'missing script after --' };
        return { kind: 'script', script: argv[i + 1]!, args: argv.slice(i + 2), ...run };
      default:
        if (arg.startsWith('--eval=')) {
          evaluate = { code: arg.slice('--eval='.length), print: false };
          continue;
        }
        if (arg.startsWith('-')) return { kind: 'error', message: `bad option: ${arg}` };
        // As node: options go on after -e's code; the first other argument is the program's.
        if (evaluate) return { kind: 'eval', ...evaluate, args: argv.slice(i), ...run };
        // As node: with --test every argument from the first that is not an option names test files.
        if (testing) return { kind: 'test', files: argv.slice(i), ...run };
        return { kind: 'script', script: arg, args: argv.slice(i + 1), ...run };
    }
  }
  if (evaluate) return { kind: 'eval', ...evaluate, args: [], ...run };
  if (testing) return { kind: 'test', files: [], ...run };
  return { kind: 'stdin', dash: false, args: [], ...run };
}

export const HELP = `Usage: mini [options] [ script.js | - ] [arguments]
       mini compare script.js [arguments]
       mini trace summary|svg trace.json

Runs script.js on mini's own event loop, like node. With - or no script
the program is read from stdin (when stdin is not a terminal).

Options:
  -e, --eval script     evaluate script
  -p, --print script    evaluate script and print result
  --input-type=module   -e, -p or stdin code is an ES module
  -r, --require module  load a CommonJS module before the script
  --import module       load an ES module before the script
  --env-file=file       set the variables in file in process.env
  -c, --check           check the script's syntax without running it
  --test [files]        run the test files with node:test, each in its own
                        process (node's default patterns when none given)
  (node's other options, as node takes them)
  --trace-loop[=file]   record each loop iteration, phase and callback
                        (Trace Event Format; default mini-trace-<pid>.json)
  -v, --version         print mini's version
  -h, --help            print this help

mini compare runs the script under node and under mini and shows the
differences in output, exit code and time. mini trace summary prints where
a recorded loop spent its time; mini trace svg draws it.
`;
