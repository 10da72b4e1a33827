import * as path from 'node:path';
import { nodeBin } from '../paths.js';
import { resolveMini, type Target } from '../target.js';
import { benchmarks, workloadsDir, type Benchmark } from './benchmarks.js';
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

async function side(b: Benchmark, bin: string, samples: number[]): Promise<string | undefined> {
  try {
    samples.push(await b.measure(bin, path.join(workloadsDir, b.workload), b.args ?? []));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export async function runBenchmark(b: Benchmark, node: string, mini: string, reps: number): Promise<Row> {
  const nodeSamples: number[] = [];
  const miniSamples: number[] = [];
  let nodeError: string | undefined;
  let miniError: string | undefined;
  for (let i = 0; i < reps; i++) {
    nodeError ??= await side(b, node, nodeSamples);
    // A runtime that failed once is not run again: its number would mean nothing.
    if (miniError === undefined) miniError = await side(b, mini, miniSamples);
  }
  const row: Row = { name: b.name, unit: b.unit, reps, node: median(nodeSamples), mini: median(miniSamples) };
  if (nodeError !== undefined) row.nodeError = nodeError;
  if (miniError !== undefined) row.miniError = miniError;
  return row;
}

export async function main(argv: readonly string[]): Promise<number> {
  const o = parse(argv);
  const target: Target = o.mini !== undefined ? { bin: o.mini } : await resolveMini();
  const node = nodeBin();
  if (target.fallback !== undefined) process.stderr.write(`bench: mini stand-in is node — ${target.fallback}\n`);
  const chosen = benchmarks.filter((b) => o.filters.length === 0 || o.filters.some((f) => b.name.toLowerCase().includes(f)));
  const rows: Row[] = [];
  for (const b of chosen) {
    const reps = o.reps ?? (o.quick ? b.reps.quick : b.reps.full);
    const row = await runBenchmark(b, node, target.bin, reps);
    rows.push(row);
    if (!o.json) process.stderr.write(`  ${b.name}: done\n`);
  }
  process.stdout.write(o.json ? JSON.stringify({ node, mini: target.bin, rows }, null, 2) + '\n' : renderTable(rows, node, target.bin));
  return rows.some((r) => r.nodeError !== undefined || r.miniError !== undefined) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
