/**
 * `mini --test`: node's test runner, run on our loop.
 *
 * The runner is node's own JavaScript (internal/test_runner/runner): it finds
 * the test files (node's default patterns when none is given, from
 * process.argv), runs each in a child process of process.execPath (mini,
 * with NODE_TEST_CONTEXT=child-v8, whose node:test reports V8-serialized
 * events on stdout), merges their reports and hands them to the reporters
 * (--test-reporter, spec on a terminal and tap otherwise). It takes spawn,
 * its fs calls and the test timeout's setTimeout from the host's modules
 * once, when it loads: they are ours while it loads, so the children are
 * our child processes and the files are read by our fs.
 *
 * The options node reads only in its test-runner entry (--test-concurrency,
 * --test-timeout, --test-shard) are the host's (the launcher passes them
 * on), read here as that entry reads them. --test-name-pattern and
 * --test-only are for the children: the launcher keeps them from this
 * process' host, where node's runner would apply them to the files
 * themselves, and they reach the children through process.execArgv.
 */
import { hostInternal } from '@mini/sys';
import { hostOption } from './node-options.js';
import type { BuiltinRegistry } from './registry.js';

interface TestsStream {
  on(event: 'test:fail', listener: (data: { todo?: string | boolean }) => void): TestsStream;
}
interface RunnerModule {
  run(options: Record<string, unknown>): TestsStream;
}

/** Node's exit code for a failed test run (kGenericUserError). */
const FAILED = 1;

/** Which host modules' functions the runner takes as ours, while it loads. */
function ourBindings(registry: BuiltinRegistry): Array<[string, Record<string, unknown>]> {
  const pick = (id: string, names: string[]): Record<string, unknown> => {
    const module = registry.load(id) as Record<string, unknown>;
    return Object.fromEntries(names.map((name) => [name, module[name]]));
  };
  return [
    ['node:child_process', pick('child_process', ['spawn'])],
    ['node:fs', pick('fs', ['readdirSync', 'statSync', 'createWriteStream'])],
    ['node:timers', pick('timers', ['setTimeout'])],
  ];
}

/** Loads a host internal module with some of the host modules' exports replaced by ours, put back afterwards. */
function loadWithOurs<T>(id: string, registry: BuiltinRegistry): T {
  const saved: Array<[Record<string, unknown>, string, unknown]> = [];
  for (const [hostId, ours] of ourBindings(registry)) {
    const host = require(hostId) as Record<string, unknown>;
    for (const [name, value] of Object.entries(ours)) {
      saved.push([host, name, host[name]]);
      host[name] = value;
    }
  }
  try {
    return hostInternal<T>(id);
  } finally {
    for (const [host, name, value] of saved) host[name] = value;
  }
}

/** What node's test-runner entry does once its process is bootstrapped. */
export function runTests(registry: BuiltinRegistry): void {
  const { run } = loadWithOurs<RunnerModule>('internal/test_runner/runner', registry);
  const { setupTestReporters } = hostInternal<{ setupTestReporters: unknown }>('internal/test_runner/utils');
  const { isUsingInspector } = hostInternal<{ isUsingInspector(): boolean }>('internal/util/inspector');

  let concurrency: unknown = hostOption('--test-concurrency') || true;
  let inspectPort: number | undefined;
  if (isUsingInspector()) {
    process.emitWarning(
      'Using the inspector with --test forces running at a concurrency of 1. Use the inspectPort option to run with concurrency',
    );
    concurrency = 1;
    inspectPort = process.debugPort;
  }
  let shard: { index: number; total: number } | undefined;
  const shardOption = hostOption('--test-shard');
  if (typeof shardOption === 'string' && shardOption !== '') {
    if (!/^\d+\/\d+$/.test(shardOption)) {
      process.exitCode = FAILED;
      const { codes } = hostInternal<{ codes: Record<string, new (...args: unknown[]) => Error> }>('internal/errors');
      throw new codes['ERR_INVALID_ARG_VALUE']!('--test-shard', shardOption, 'must be in the form of <index>/<total>');
    }
    const [index, total] = shardOption.split('/').map((n) => Number.parseInt(n, 10));
    shard = { index: index!, total: total! };
  }
  run({
    concurrency,
    inspectPort,
    watch: false,
    setup: setupTestReporters,
    timeout: hostOption('--test-timeout') || Infinity,
    shard,
  }).on('test:fail', (data) => {
    if (data.todo === undefined || data.todo === false) process.exitCode = FAILED;
  });
}
