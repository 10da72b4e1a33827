import { readdirSync, readFileSync } from 'node:fs';
import { capture, type Capture } from '../capture.js';

/**
 * Ways to turn one run of a workload into one number. Each throws when the
 * run failed, so a broken runtime shows as a failure, not as a fast time.
 */
export type Measure = (bin: string, script: string, args: readonly string[]) => Promise<Sample>;

/**
 * One run's result: a single number, or several named ones when one run
 * yields more than one figure (wrk gives req/s and latency percentiles at
 * once; running it again per figure would triple the cost).
 */
export type Sample = number | Readonly<Record<string, number>>;

export function failure(c: Capture): Error {
  const end = c.spawnError ?? (c.signal !== null ? `signal ${c.signal}` : `exit ${String(c.code)}`);
  // The error line says more than the `Node.js vX` trailer that ends stderr.
  const lines = c.stderr.trim().split('\n');
  const said = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[lines.length - 1] ?? '';
  return new Error(`${end}${c.timedOut ? ' (timed out)' : ''}${said ? `: ${said}` : ''}`);
}

async function run(bin: string, script: string, args: readonly string[]): Promise<Capture> {
  const c = await capture(bin, [script, ...args], { timeoutMs: 60_000 });
  if (c.code !== 0 || c.timedOut || c.spawnError !== undefined) throw failure(c);
  return c;
}

/** Wall time of the whole process, spawn to exit: what startup costs. */
export const wallTime: Measure = async (bin, script, args) => (await run(bin, script, args)).wallMs;

/**
 * The `<key>=<n>` the workload printed: a figure it measured itself, without
 * startup (its elapsed `ms`, or a rate such as `MiBps`).
 */
export function reported(key: string): Measure {
  const figures = reportedFigures([key]);
  return async (bin, script, args) => ((await figures(bin, script, args)) as Record<string, number>)[key]!;
}

/** Several `<key>=<n>` figures one run printed, as one sample (a table row each, see Benchmark.metrics). */
export function reportedFigures(keys: readonly string[]): Measure {
  const patterns = keys.map((key) => [key, new RegExp(`(?:^|\\s)${key}=(\\d+(?:\\.\\d+)?)`)] as const);
  return async (bin, script, args) => {
    const c = await run(bin, script, args);
    const sample: Record<string, number> = {};
    for (const [key, pattern] of patterns) {
      const m = pattern.exec(c.stdout);
      if (m === null) throw new Error(`no ${key}= in output ${JSON.stringify(c.stdout.slice(0, 80))}`);
      sample[key] = Number(m[1]);
    }
    return sample;
  };
}

/** The `ms=<n>` the workload printed: its own timing, without startup. */
export const reportedMs: Measure = reported('ms');

/** Pids of a process and all its descendants (a launcher may not exec). */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pids[i]!}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const kids = readFileSync(`/proc/${pids[i]!}/task/${tid}/children`, 'utf8').trim();
        if (kids !== '') pids.push(...kids.split(/\s+/).map(Number));
      } catch {
        // The task ended while we looked.
      }
    }
  }
  return pids;
}

function vmRssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]);
  } catch {
    return 0;
  }
}

/**
 * Resident memory (MB) of the process tree while the workload idles: sampled
 * `settleMs` after it prints "ready", i.e. once startup is over and it only
 * waits on its timer.
 */
export function idleRss(settleMs = 300): Measure {
  return async (bin, script, args) => {
    let pid = 0;
    let sample: Promise<number> | undefined;
    const c = await capture(bin, [script, ...args], {
      timeoutMs: 60_000,
      onSpawn: (p) => {
        pid = p;
      },
      onStdout: (chunk) => {
        if (sample === undefined && chunk.includes('ready')) {
          sample = new Promise((resolve) =>
            setTimeout(() => resolve(processTree(pid).reduce((kb, p) => kb + vmRssKb(p), 0) / 1024), settleMs),
          );
        }
      },
    });
    if (c.code !== 0 || c.timedOut || c.spawnError !== undefined) throw failure(c);
    if (sample === undefined) throw new Error('the workload never printed "ready"');
    const mb = await sample;
    if (mb === 0) throw new Error('the process was gone before RSS could be read');
    return mb;
  };
}
