import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { benchmarks } from '../src/bench/benchmarks.js';
import { idleRss, reportedMs } from '../src/bench/measure.js';
import { runBenchmark } from '../src/bench/main.js';
import { median, renderTable } from '../src/bench/table.js';
import { nodeBin } from '../src/paths.js';

// The harness on real, small runs of the workloads (node on both sides).
const node = nodeBin();
const workload = (name: string): string => path.join(__dirname, '..', 'workloads', name);

test('median', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNaN();
});

describe('measures', () => {
  test('a workload reports its own time', async () => {
    const ms = await reportedMs(node, workload('nexttick-chain.js'), ['1000']);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(5000);
  });

  test('idle RSS of a waiting node is tens of MB', async () => {
    const mb = await idleRss(100)(node, workload('idle.js'), []);
    expect(mb).toBeGreaterThan(10);
    expect(mb).toBeLessThan(500);
  });
});

describe('runBenchmark', () => {
  const startup = benchmarks.find((b) => b.workload === 'hello.js')!;

  test('medians for both sides and a ratio in the table', async () => {
    const row = await runBenchmark(startup, node, node, 2);
    expect(row.node).toBeGreaterThan(0);
    expect(row.mini).toBeGreaterThan(0);
    const table = renderTable([row], node, node);
    expect(table).toMatch(/startup \(hello world\) \| +[\d.]+ ms \| +[\d.]+ ms \| +[\d.]+ \| +2/);
  });

  test('a mini that fails is shown as failed, with the reason', async () => {
    const row = await runBenchmark(startup, node, path.join(__dirname, 'fixtures', 'no-such-mini'), 2);
    expect(row.miniError).toMatch(/ENOENT/);
    expect(row.node).toBeGreaterThan(0);
    expect(renderTable([row], node, 'x')).toContain('mini failed: spawn');
  });
});
