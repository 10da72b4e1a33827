/**
 * Pool threads are plain host workers: they cannot load TypeScript, so the
 * worker entry and our own work modules always come from the package's
 * build output. The package is found by name (not by this file's location),
 * so the path is right from `src/`, from `dist/`, and from a bundle that
 * inlined this file.
 */
import { dirname, resolve } from 'node:path';

let distThreadpool: string | undefined;

/** Absolute path of a built module under dist/threadpool, e.g. `builtModule('work/fs.js')`. */
export function builtModule(relative: string): string {
  distThreadpool ??= resolve(dirname(require.resolve('@mini/loop/package.json')), 'dist', 'threadpool');
  return resolve(distThreadpool, relative);
}

/** Where pool threads load the fs work module (work/fs.ts) from. */
export function fsWorkModule(): string {
  return builtModule('work/fs.js');
}
