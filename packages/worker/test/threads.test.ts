import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');
const run = promisify(execFile);

async function mini(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(MINI, [resolve(__dirname, 'fixtures', script), ...args], { timeout: 120_000 });
  return stdout;
}

describe('worker threads', () => {
  test('100 workers started and terminated leave the fd and thread counts as they were', { timeout: 180_000 }, async () => {
    const { before, after } = JSON.parse(await mini('start-terminate.js', '100')) as Record<
      'before' | 'after',
      { fds: number; tasks: number }
    >;
    expect(after.fds).toBe(before.fds);
    expect(after.tasks).toBe(before.tasks);
  });

  test('workers ended by an uncaught error wait for their requests on the pool: no fd is left open', { timeout: 180_000 }, async () => {
    const r = JSON.parse(await mini('uncaught-settle.js', '99')) as { before: number; after: number; errors: Record<string, number> };
    expect(r.errors).toEqual({ 'top level': 33, 'in a timer': 33, rejected: 33 });
    expect(r.after).toBe(r.before);
  });

  test("pino's worker transport writes through our fs from its worker thread", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-pino-'));
    try {
      const lines = JSON.parse(await mini('pino-transport.js', join(dir, 'out.log'))) as unknown[];
      expect(lines).toEqual([[30, 'hello', 1], [40, 'second', null], { worker: true, requestsOnOurLoop: 1 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // esbuild is the workspace's own build tool (a root devDependency).
  test("esbuild's transformSync, whose service runs in a worker thread, answers as on node", { timeout: 120_000 }, async () => {
    const out = JSON.parse(await mini('esbuild-transform.js')) as Record<string, unknown>;
    expect(out).toEqual({
      ts: 'let x = 1;\nconst y = x + 1;\nexport {\n  y\n};\n',
      jsx: 'const a = /* @__PURE__ */ React.createElement("div", null);\n',
      error: ['Unexpected ";"'],
      workerThread: true,
    });
  });

  // Bounds that hold on a loaded machine: a wait is idle however slow the machine, a spin is active.
  test('worker.performance.eventLoopUtilization() reads the worker loop', { timeout: 120_000 }, async () => {
    type U = { idle: number; active: number; utilization: number };
    const r = JSON.parse(await mini('worker-elu.js')) as Record<'busy' | 'idle' | 'between' | 'afterExit', U>;
    expect(r.busy.idle).toBeGreaterThan(100);
    expect(r.busy.active).toBeGreaterThanOrEqual(150);
    expect(r.idle.idle - r.busy.idle).toBeGreaterThan(100);
    expect(r.between.idle).toBeCloseTo(r.idle.idle - r.busy.idle, 6);
    expect(r.afterExit).toEqual({ idle: 0, active: 0, utilization: 0 });
  });
});
