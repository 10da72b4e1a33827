import * as path from 'node:path';
import { packageRoot } from '../paths.js';
import { idleRss, reportedMs, wallTime, type Measure } from './measure.js';

/**
 * The benchmark table. Each entry is a workload script (under `workloads/`)
 * run under node and mini alternately, `reps` times each; the median is
 * reported. Adding a benchmark is adding an entry.
 */
export interface Benchmark {
  name: string;
  unit: 'ms' | 'MB';
  /** File name under workloads/. */
  workload: string;
  args?: string[];
  measure: Measure;
  reps: { full: number; quick: number };
}

export const workloadsDir = path.join(packageRoot, 'workloads');

export const benchmarks: Benchmark[] = [
  { name: 'startup (hello world)', unit: 'ms', workload: 'hello.js', measure: wallTime, reps: { full: 20, quick: 5 } },
  { name: '1e6 setTimeout, random 0-100 ms', unit: 'ms', workload: 'timers-random.js', measure: reportedMs, reps: { full: 5, quick: 1 } },
  { name: '1e6 setImmediate chain', unit: 'ms', workload: 'immediate-chain.js', measure: reportedMs, reps: { full: 5, quick: 1 } },
  { name: '1e6 nextTick chain', unit: 'ms', workload: 'nexttick-chain.js', measure: reportedMs, reps: { full: 5, quick: 1 } },
  { name: 'idle RSS (1 s timer)', unit: 'MB', workload: 'idle.js', measure: idleRss(), reps: { full: 5, quick: 2 } },
];
