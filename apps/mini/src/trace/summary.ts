/**
 * `mini trace summary FILE`: where the loop's time went, in the terminal —
 * time per phase, the slowest callbacks, and the iterations that waited
 * longest in poll (with the reason the loop gave for the wait).
 */
import type { LoopTrace } from './read.js';

const PHASE_ORDER = ['timers', 'pending', 'idle', 'prepare', 'poll (waiting)', 'poll (dispatching)', 'check', 'closing'];

function ms(us: number): string {
  return (us / 1000).toFixed(us >= 100_000 ? 1 : 3);
}

function table(rows: string[][], right: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map(
      (r) =>
        '  ' +
        r
          .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

export function summarize(trace: LoopTrace, opts: { top?: number } = {}): string {
  const top = opts.top ?? 10;
  const out: string[] = [];
  const span = trace.end - trace.start;
  out.push(`${trace.file}: ${trace.iterations.length} iterations, ${trace.callbacks.length} callbacks, ${ms(span)} ms traced`);
  if (trace.full !== undefined) out.push(`(${trace.full}: what follows covers the start of the run)`);

  // Time per phase, over all iterations (the timers phase before the first iteration included).
  const perPhase = new Map<string, { total: number; count: number }>();
  for (const s of trace.slices) {
    if (s.cat !== 'phase') continue;
    const p = perPhase.get(s.name) ?? { total: 0, count: 0 };
    p.total += s.dur;
    p.count++;
    perPhase.set(s.name, p);
  }
  const loopTime = trace.iterations.reduce((t, it) => t + it.slice.dur, 0);
  const phaseRows = [['phase', 'total ms', 'share', 'times']];
  for (const name of PHASE_ORDER) {
    const p = perPhase.get(name);
    if (p === undefined) continue;
    phaseRows.push([name, ms(p.total), loopTime > 0 ? `${((100 * p.total) / loopTime).toFixed(1)}%` : '-', String(p.count)]);
  }
  const startup = trace.slices.find((s) => s.name === 'main module');
  out.push('', 'Time per phase' + (startup ? ` (the main module ran ${ms(startup.dur)} ms before the loop)` : ''));
  out.push(table(phaseRows, new Set([1, 2, 3])));

  const slowest = [...trace.callbacks].sort((a, b) => b.slice.dur - a.slice.dur).slice(0, top);
  if (slowest.length > 0) {
    const rows = [['ms', 'iteration', 'phase', 'callback']];
    for (const c of slowest) rows.push([ms(c.slice.dur), c.iteration === 0 ? '-' : String(c.iteration), c.phase, c.slice.name]);
    out.push('', 'Slowest callbacks');
    out.push(table(rows, new Set([0, 1])));
  }

  const waits = trace.iterations.filter((it) => it.wait !== undefined).sort((a, b) => b.wait!.dur - a.wait!.dur);
  if (waits.length > 0) {
    const rows = [['iteration', 'waited ms', 'timeout', 'why']];
    for (const it of waits.slice(0, top)) {
      const timeout = it.wait!.args['timeout'];
      rows.push([
        String(it.index),
        ms(it.wait!.dur),
        timeout === -1 ? 'forever' : timeout === undefined ? '-' : `${String(timeout)} ms`,
        String(it.wait!.args['reason'] ?? ''),
      ]);
    }
    out.push('', 'Iterations that blocked longest in poll');
    out.push(table(rows, new Set([0, 1, 2])));
  }

  if (trace.pool.length > 0) {
    const perFn = new Map<string, { total: number; count: number }>();
    for (const s of trace.pool) {
      const p = perFn.get(s.name) ?? { total: 0, count: 0 };
      p.total += s.dur;
      p.count++;
      perFn.set(s.name, p);
    }
    const threads = new Set(trace.pool.map((s) => s.tid)).size;
    const rows = [['work', 'runs', 'total ms', 'mean µs']];
    for (const [name, p] of [...perFn].sort((a, b) => b[1].total - a[1].total)) {
      rows.push([name, String(p.count), ms(p.total), (p.total / p.count).toFixed(1)]);
    }
    out.push('', `Thread pool (${threads} thread${threads === 1 ? '' : 's'} ran work)`);
    out.push(table(rows, new Set([1, 2, 3])));
  }
  if (trace.children.length > 0) {
    const rows = [['at ms', 'pid', 'program']];
    for (const c of trace.children) rows.push([ms(c.ts - trace.start), String(c.pid), c.file]);
    out.push('', `Child processes (${trace.children.length})`);
    out.push(table(rows, new Set([0, 1])));
  }
  return out.join('\n') + '\n';
}
