import * as path from 'node:path';
import { nodeBin } from '../paths.js';
import { resolveMini, type Target } from '../target.js';
import { benchmarks, workloadsDir, type Benchmark } from './benchmarks.js';
import type { Sample } from './measure.js';
import { startBenchDns } from './dnsmasq.js';
import { median, renderTable, type Row } from './table.js';

/**
 * `pnpm bench`: every benchmark under node and mini in the same run,
 * alternating so that drift in machine load hits both sides alike.
 *
 *   node dist/bench/main.js [--quick] [--reps N] [--mini PATH] [--json] [name filter…]
 */
interface Options {
  quick: boolean;
  reps?: number;
  mini?: string;
  json: boolean;
  filters: string[];
}

function parse(argv: readonly string[]): Options {
  const o: Options = { quick: false, json: false, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') o.quick = true;
    else if (a === '--json') o.json = true;
    else if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--mini') o.mini = argv[++i]!;
    else o.filters.push(a.toLowerCase());
  }
  return o;
}

async function side(b: Benchmark, bin: string, quick: boolean, samples: Sample[]): Promise<string | undefined> {
  const measure = (quick ? b.quickMeasure : undefined) ?? b.measure;
  const args = (quick ? b.quickArgs : undefined) ?? b.args ?? [];
  try {
    samples.push(await measure(bin, path.join(workloadsDir, b.workload), args));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The figure `key` of each sample (the sample itself for single-figure measures). */
function figures(samples: readonly Sample[], key: string | undefined): number[] {
  return samples.map((s) => (typeof s === 'number' ? s : key === undefined ? NaN : (s[key] ?? NaN)));
}

/** One row per figure the benchmark yields: a single one, or one per metric. */
export async function runBenchmarkRows(b: Benchmark, node: string, mini: string, reps: number, quick = false): Promise<Row[]> {
  const nodeSamples: Sample[] = [];
  const miniSamples: Sample[] = [];
  let nodeError: string | undefined;
  let miniError: string | undefined;
  for (let i = 0; i < reps; i++) {
    nodeError ??= await side(b, node, quick, nodeSamples);
    // A runtime that failed once is not run again: its number would mean nothing.
    if (miniError === undefined) miniError = await side(b, mini, quick, miniSamples);
  }
  const metrics: readonly { key?: string; label?: string; unit: string }[] = b.metrics ?? [{ unit: b.unit }];
  return metrics.map((m) => {
    const row: Row = {
      name: m.label === undefined ? b.name : `${b.name} ${m.label}`,
      unit: m.unit,
      reps,
      node: median(figures(nodeSamples, m.key)),
      mini: median(figures(miniSamples, m.key)),
    };
    if (m.label !== undefined) row.group = b.name;
    if (nodeError !== undefined) row.nodeError = nodeError;
    if (miniError !== undefined) row.miniError = miniError;
    return row;
  });
}

/** The first (for most benchmarks, the only) row. */
export async function runBenchmark(b: Benchmark, node: string, mini: string, reps: number, quick = false): Promise<Row> {
  return (await runBenchmarkRows(b, node, mini, reps, quick))[0]!;
}

export async function main(argv: readonly string[]): Promise<number> {
  const o = parse(argv);
  const target: Target = o.mini !== undefined ? { bin: o.mini } : await resolveMini();
  const node = nodeBin();
  const chosen = benchmarks.filter((b) => o.filters.length === 0 || o.filters.some((f) => b.name.toLowerCase().includes(f)));
  const rows: Row[] = [];
  // One name server for every dns row, the same for node and mini.
  const dns = chosen.some((b) => b.dns === true) ? await startBenchDns() : undefined;
  if (dns !== undefined && !(dns instanceof Error)) process.env.MINI_DNS_SERVER = dns.server;
  for (const b of chosen) {
    if (b.dns === true && dns instanceof Error) {
      rows.push({ name: b.name, unit: b.unit, reps: 0, node: NaN, mini: NaN, nodeError: dns.message, miniError: dns.message });
      continue;
    }
    const reps = o.reps ?? (o.quick ? b.reps.quick : b.reps.full);
    rows.push(...(await runBenchmarkRows(b, node, target.bin, reps, o.quick)));
    if (!o.json) process.stderr.write(`  ${b.name}: done\n`);
  }
  if (dns !== undefined && !(dns instanceof Error)) dns.stop();
  process.stdout.write(o.json ? JSON.stringify({ node, mini: target.bin, rows }, null, 2) + '\n' : renderTable(rows, node, target.bin));
  return rows.some((r) => r.nodeError !== undefined || r.miniError !== undefined) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
