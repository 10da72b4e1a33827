import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const pkg = resolve(__dirname, '..');

// A plain Node program: host timers and ours side by side, the host loop
// driving ours. Each timer records how late it fired.
const script = (dist: string) => `
  const mini = require(${JSON.stringify(dist)});
  const { performance } = require('node:perf_hooks');
  const t0 = performance.now();
  const late = { host: [], mini: [] };
  const delays = [5, 10, 10, 20, 35, 50, 80];
  for (const d of delays) {
    setTimeout(() => late.host.push(performance.now() - t0 - d), d);
    mini.setTimeout(() => late.mini.push(performance.now() - t0 - d), d);
  }
  // An interval and chained timeouts re-arm our loop from its own callbacks.
  let ticks = 0;
  const iv = mini.setInterval(() => { if (++ticks === 5) mini.clearInterval(iv); }, 10);
  let chain = 0;
  const again = () => { if (++chain < 10) mini.setTimeout(again, 2); };
  mini.setTimeout(again, 2);
  let immediates = 0;
  mini.setImmediate(() => { immediates++; mini.setImmediate(() => immediates++); });
  // Unref'd: fires while the host's timers keep the process alive anyway…
  let unrefEarly = -1;
  mini.setTimeout(() => { unrefEarly = performance.now() - t0 - 15; }, 15).unref();
  // …but must neither fire before exit nor hold the process.
  let unrefFired = false;
  mini.setTimeout(() => { unrefFired = true; }, 5000).unref();
  process.on('exit', () => console.log(JSON.stringify({ late, ticks, chain, immediates, unrefEarly, unrefFired, total: performance.now() - t0 })));
`;

describe('host-driven (plain node program)', () => {
  beforeAll(() => {
    execFileSync('pnpm', ['--filter', '@mini/timers...', 'run', 'build'], { cwd: pkg, stdio: 'pipe' });
  }, 120_000);

  it('runs host and mini setTimeout side by side, both on time, and exits', () => {
    const res = spawnSync(process.execPath, ['-e', script(resolve(pkg, 'dist/index.js'))], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as {
      late: { host: number[]; mini: number[] };
      ticks: number;
      chain: number;
      immediates: number;
      unrefEarly: number;
      unrefFired: boolean;
      total: number;
    };
    expect(out.ticks).toBe(5);
    expect(out.chain).toBe(10);
    expect(out.immediates).toBe(2);
    expect(out.unrefFired).toBe(false);
    expect(out.late.mini).toHaveLength(7);
    expect(out.late.host).toHaveLength(7);
    // Never early (our clock is whole ms, so allow the fraction), and no
    // later than the host's own worst lateness in the same run plus a margin
    // of the same size (at least 10 ms on a shared 2-core machine).
    const hostWorst = Math.max(...out.late.host);
    const tolerance = hostWorst + Math.max(10, hostWorst);
    for (const l of [...out.late.mini, out.unrefEarly]) {
      expect(l).toBeGreaterThanOrEqual(-1);
      expect(l).toBeLessThanOrEqual(tolerance);
    }
    // The process exits right after the last ref'd timer, not at the unref'd one.
    expect(out.total).toBeLessThan(2000);
  });
});
