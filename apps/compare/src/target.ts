import * as path from 'node:path';
import { defaultMiniBin, packageRoot } from './paths.js';

/**
 * Which program plays "mini" in the corpus test and the benchmarks:
 * `MINI_BIN` if set, else `apps/mini/bin/mini`. Never a stand-in: a broken
 * or missing mini must make every comparison fail, not quietly compare node
 * with itself.
 */
export interface Target {
  bin: string;
}

export const helloScript = path.join(packageRoot, 'workloads', 'hello.js');

export async function resolveMini(): Promise<Target> {
  const explicit = process.env.MINI_BIN;
  return { bin: explicit !== undefined && explicit !== '' ? explicit : defaultMiniBin };
}
