/**
 * Entry point of the `mini` command (started by bin/mini).
 * `mini compare …` runs the side-by-side comparison, `mini trace …` reads
 * a loop trace; anything else boots the runtime as `node` would run the
 * same command line.
 */
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { boot, bootWorker } from '@mini/runtime';

const SAVED_PREFIX = 'MINI_SAVED_';

/** Give the program back the variables the launcher kept from the host. */
function restoreEnvironment(): { execPath: string } {
  const env = process.env;
  for (const key of Object.keys(env)) {
    if (key.startsWith(SAVED_PREFIX)) {
      env[key.slice(SAVED_PREFIX.length)] = env[key];
      delete env[key];
    }
  }
  const launcher = env['MINI_EXEC_PATH'] ?? process.argv[1]!;
  delete env['MINI_EXEC_PATH'];
  // The launcher's real path, as node's execPath is its binary's: no `/./`, `..` or symlink.
  let execPath: string;
  try {
    execPath = realpathSync.native(launcher);
  } catch {
    execPath = resolve(launcher);
  }
  return { execPath };
}

const WORKER_MARK = Symbol.for('mini.workerThread');
const marks = globalThis as Record<symbol, unknown>;
if (marks[WORKER_MARK] === true) {
  // A worker thread (dist/worker.js): its parent handed it everything else.
  delete marks[WORKER_MARK];
  bootWorker();
} else {
  main();
}

function main(): void {
  const { execPath } = restoreEnvironment();
  const argv = process.argv.slice(2);
  if (argv[0] === 'compare') {
    // Loaded only here: the comparison tool is not part of a program's startup.
    const compare = require('@mini/compare') as { main(argv: string[]): Promise<number> | number };
    void Promise.resolve(compare.main(argv.slice(1))).then((code) => {
      process.exitCode = code;
    });
  } else if (argv[0] === 'trace') {
    // Built beside the runtime (dist/trace.js), so no program's startup reads it.
    const trace = require('./trace.js') as typeof import('./trace/index.js');
    process.exitCode = trace.main(argv.slice(1));
  } else {
    // Bundled: __dirname is dist/, beside worker.js.
    boot({ execPath, argv, workerEntry: join(__dirname, 'worker.js') });
  }
}
