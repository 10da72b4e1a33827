import * as path from 'node:path';
import { packageRoot } from '../paths.js';
import { idleRss, reported, reportedFigures, reportedMs, wallTime, type Measure } from './measure.js';
import { wrk, type WrkOptions } from './wrk.js';

/**
 * The benchmark table. Each entry is a workload script (under `workloads/`)
 * run under node and mini alternately, `reps` times each; the median is
 * reported. Adding a benchmark is adding an entry.
 */
export interface Benchmark {
  name: string;
  /** Unit of a single-figure measure; ignored when `metrics` is set. */
  unit: string;
  /** File name under workloads/. */
  workload: string;
  args?: string[];
  measure: Measure;
  /** With --quick: a smaller workload and a shorter measure, if they differ. */
  quickArgs?: string[];
  quickMeasure?: Measure;
  /**
   * For a measure that yields several named figures per run: one table row
   * each, named `<name> <label>`.
   */
  metrics?: Metric[];
  reps: { full: number; quick: number };
  /** Needs the benchmark's dnsmasq (its address in MINI_DNS_SERVER). */
  dns?: boolean;
}

export interface Metric {
  key: string;
  label: string;
  unit: string;
}

export const workloadsDir = path.join(packageRoot, 'workloads');

/** req/s and latency percentiles from one wrk run. */
const wrkMetrics: Metric[] = [
  { key: 'rps', label: 'req/s', unit: 'req/s' },
  { key: 'p50', label: 'p50', unit: 'ms' },
  { key: 'p99', label: 'p99', unit: 'ms' },
];

/**
 * A server workload under wrk (one thread): 3 s a run after 1 s of warm-up,
 * 1 s and none with --quick; req/s, p50 and p99 rows, the median of `reps`
 * runs on each side.
 */
function wrkRow(name: string, workload: string, o: Omit<WrkOptions, 'threads' | 'durationS' | 'warmupS'>, reps = 3): Benchmark {
  return {
    name,
    unit: 'req/s',
    workload,
    measure: wrk({ ...o, threads: 1, durationS: 3, warmupS: 1 }),
    quickMeasure: wrk({ ...o, threads: 1, durationS: 1 }),
    metrics: wrkMetrics,
    reps: { full: reps, quick: 1 },
  };
}

export const benchmarks: Benchmark[] = [
  { name: 'startup (hello world)', unit: 'ms', workload: 'hello.js', measure: wallTime, reps: { full: 20, quick: 5 } },
  { name: 'startup (hello world, ES module)', unit: 'ms', workload: 'hello.mjs', measure: wallTime, reps: { full: 20, quick: 5 } },
  {
    name: 'console.log 2e5 lines to a pipe',
    unit: 'ms',
    workload: 'console-lines.js',
    args: ['200000'],
    quickArgs: ['50000'],
    measure: reportedMs,
    reps: { full: 5, quick: 1 },
  },
  { name: '1e6 setTimeout, random 0-100 ms', unit: 'ms', workload: 'timers-random.js', measure: reportedMs, reps: { full: 5, quick: 1 } },
  { name: '1e6 setImmediate chain', unit: 'ms', workload: 'immediate-chain.js', measure: reportedMs, reps: { full: 5, quick: 1 } },
  { name: '1e6 nextTick chain', unit: 'ms', workload: 'nexttick-chain.js', measure: reportedMs, reps: { full: 5, quick: 1 } },
  { name: 'first async fs call (fs.stat)', unit: 'ms', workload: 'fs-first-call.js', measure: reportedMs, reps: { full: 10, quick: 3 } },
  {
    name: 'fs.stat, 1e5 calls, 64 in flight',
    unit: 'ops/s',
    workload: 'fs-stat.js',
    args: ['100000'],
    quickArgs: ['20000'],
    measure: reported('ops'),
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'fs.readFile 4 KiB, 5e3 calls, 32 in flight',
    unit: 'ops/s',
    workload: 'fs-readfile.js',
    args: ['5000'],
    quickArgs: ['2000'],
    measure: reported('ops'),
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'fs.createReadStream, 256 MiB',
    unit: 'MiB/s',
    workload: 'fs-readstream.js',
    args: ['256'],
    quickArgs: ['64'],
    measure: reported('MiBps'),
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'fs.watch write-to-event latency (median of 5000, after 20000)',
    unit: 'µs',
    workload: 'fs-watch-latency.js',
    args: ['5000', '20000'],
    quickArgs: ['1000', '2000'],
    measure: reported('us'),
    reps: { full: 5, quick: 1 },
  },
  { name: 'first dns.lookup (localhost)', unit: 'ms', workload: 'dns-first-lookup.js', measure: reportedMs, reps: { full: 10, quick: 3 } },
  {
    name: "dns.lookup('localhost'), 100 in flight",
    unit: 'ops/s',
    workload: 'dns-lookup.js',
    args: ['20000'],
    quickArgs: ['5000'],
    measure: reported('ops'),
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'resolve4 against dnsmasq, 100 in flight',
    unit: 'ops/s',
    workload: 'dns-resolve4.js',
    args: ['20000'],
    quickArgs: ['5000'],
    measure: reported('ops'),
    reps: { full: 5, quick: 1 },
    dns: true,
  },
  { name: 'idle RSS (1 s timer)', unit: 'MB', workload: 'idle.js', measure: idleRss(), reps: { full: 5, quick: 2 } },
  wrkRow('http hello, wrk -c50', 'http-hello.js', { connections: 50 }),
  wrkRow('https hello, wrk -c50', 'https-hello.js', { connections: 50, https: true }),
  wrkRow('http hello, wrk -c1', 'http-hello.js', { connections: 1 }),
  // Five runs a side, not three: wrk and two workers share the two cores, and
  // how the kernel spreads the three swings one run by a fifth either way
  // (the same build measured 0.85 and 1.26 in consecutive three-run rows).
  wrkRow('http hello on a 2-worker cluster, wrk -c50', 'http-hello-cluster.js', { connections: 50 }, 5),
  {
    name: 'fetch GET, sequential',
    unit: 'req/s',
    workload: 'fetch-sequential.js',
    args: ['5000'],
    quickArgs: ['1000'],
    measure: reportedFigures(['first', 'rps']),
    metrics: [
      { key: 'first', label: 'first fetch', unit: 'ms' },
      { key: 'rps', label: 'req/s', unit: 'req/s' },
    ],
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'tcp echo, 64 KiB writes',
    unit: 'MiB/s',
    workload: 'tcp-echo.js',
    args: ['1024'],
    quickArgs: ['128'],
    measure: reported('MiBps'),
    reps: { full: 3, quick: 1 },
  },
  {
    name: 'tcp 1-byte ping-pong',
    unit: 'trips/s',
    workload: 'tcp-pingpong.js',
    args: ['50000'],
    quickArgs: ['10000'],
    measure: reported('rtps'),
    reps: { full: 3, quick: 1 },
  },
  { name: "spawn('true') x200", unit: 'ms', workload: 'spawn-true.js', args: ['200'], measure: reportedMs, reps: { full: 5, quick: 1 } },
  {
    name: "spawnSync('true') x200",
    unit: 'ms',
    workload: 'spawnsync-true.js',
    args: ['200'],
    measure: reportedMs,
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'fork IPC ping-pong',
    unit: 'trips/s',
    workload: 'fork-pingpong.js',
    args: ['20000'],
    quickArgs: ['5000'],
    measure: reported('rtps'),
    reps: { full: 3, quick: 1 },
  },
  {
    name: 'worker MessagePort ping-pong',
    unit: 'trips/s',
    workload: 'worker-pingpong.js',
    args: ['20000'],
    quickArgs: ['5000'],
    measure: reported('rtps'),
    reps: { full: 5, quick: 1 },
  },
  {
    name: 'worker start to first message',
    unit: 'ms',
    workload: 'worker-first-message.js',
    measure: reportedMs,
    reps: { full: 10, quick: 3 },
  },
  {
    name: 'udp 100 B datagrams',
    unit: 'dgrams/s',
    workload: 'udp-datagrams.js',
    args: ['100000'],
    quickArgs: ['20000'],
    measure: reported('dps'),
    reps: { full: 3, quick: 1 },
  },
];
