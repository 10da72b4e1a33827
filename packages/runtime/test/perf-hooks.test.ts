import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');

// Bounds wide enough for a loaded machine: a wait is idle however slow the
// machine is, and 100 ms of spinning is at least 100 ms active.
test('eventLoopUtilization and monitorEventLoopDelay measure our loop', () => {
  const out = execFileSync(MINI, [resolve(__dirname, 'fixtures/perf/loop-measures.js')], { encoding: 'utf8', timeout: 60_000 });
  const r = JSON.parse(out) as {
    waited: { idle: number; active: number; utilization: number };
    all: { idle: number; active: number; utilization: number };
    delayMax: number;
    delayCount: number;
    same: boolean;
  };
  expect(r.same).toBe(true);
  expect(r.waited.idle).toBeGreaterThan(150);
  expect(r.waited.utilization).toBeLessThan(0.5);
  expect(r.all.active).toBeGreaterThanOrEqual(100);
  expect(r.all.idle + r.all.active).toBeGreaterThan(r.waited.idle + r.waited.active);
  // The spin held the loop for 100 ms: one timer run came that much late.
  expect(r.delayMax).toBeGreaterThan(90e6);
  expect(r.delayCount).toBeGreaterThan(5);
});
