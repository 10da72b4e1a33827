import * as path from 'node:path';
import { capture } from './capture.js';
import { defaultMiniBin, miniBinExists, nodeBin, packageRoot } from './paths.js';

/**
 * Which program plays "mini" in the corpus test and the benchmarks.
 *
 * `MINI_BIN` set: that program, no questions asked — if it is broken, every
 * comparison says so. Not set: `apps/mini/bin/mini`, but only if it exists
 * and runs hello-world correctly; otherwise node stands in (node against
 * node), so the harness itself keeps being exercised, and `fallback` says why.
 */
export interface Target {
  bin: string;
  fallback?: string;
}

export const helloScript = path.join(packageRoot, 'workloads', 'hello.js');

export async function resolveMini(): Promise<Target> {
  const explicit = process.env.MINI_BIN;
  if (explicit !== undefined && explicit !== '') return { bin: explicit };
  if (!miniBinExists(defaultMiniBin)) return { bin: nodeBin(), fallback: `${defaultMiniBin} does not exist` };
  const c = await capture(defaultMiniBin, [helloScript], { timeoutMs: 20_000 });
  if (c.code === 0 && c.stdout === 'hello\n') return { bin: defaultMiniBin };
  const why = c.spawnError ?? `exit ${String(c.code)}${c.signal ? ` ${c.signal}` : ''}, stdout ${JSON.stringify(c.stdout.slice(0, 80))}`;
  return { bin: nodeBin(), fallback: `${defaultMiniBin} cannot run hello-world (${why})` };
}
