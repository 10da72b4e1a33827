/**
 * The loop's recorder, used as a library: a fresh loop with a timer and a
 * pool request, traced from start to end.
 */
import { describe, expect, it } from 'vitest';
import {
  Loop,
  RunMode,
  Timer,
  WorkFunction,
  queueWork,
  releaseThreadpool,
  startTracing,
  stopTracing,
  type TraceEvent,
} from '../src/index.js';

const probe = new WorkFunction('mini_probe_sleep', 'int', 'cpu', 'probe');

function slices(events: TraceEvent[]): TraceEvent[] {
  return events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

function within(inner: TraceEvent, outer: TraceEvent): boolean {
  return inner.ts >= outer.ts && inner.ts + inner.dur! <= outer.ts + outer.dur! + 0.01;
}

describe('loop tracing', () => {
  it('records iterations, phases, the callbacks in them and the pool thread that did the work', () => {
    expect(stopTracing()).toBeUndefined();
    startTracing();
    const loop = new Loop();
    const timer = new Timer(loop);
    let order: string[] = [];
    queueWork(loop, probe, [null, 2, 0], () => {
      order.push('work');
      timer.start(() => order.push('timer'), 1);
    });
    loop.run(RunMode.DEFAULT);
    releaseThreadpool(loop);
    loop.run(RunMode.NOWAIT);
    loop.close();
    const trace = stopTracing()!;
    expect(order).toEqual(['work', 'timer']);
    order = [];

    const all = slices(trace.traceEvents);
    const work = all.find((e) => e.cat === 'callback' && e.name === 'probe')!;
    const fired = all.find((e) => e.cat === 'callback' && e.name === 'Timer')!;
    const phaseOf = (e: TraceEvent) => all.filter((p) => p.cat === 'phase' && within(e, p)).map((p) => p.name);
    expect(phaseOf(work)).toEqual(['poll (dispatching)']);
    expect(phaseOf(fired)).toEqual(['timers']);
    for (const it of all.filter((e) => e.cat === 'iteration')) {
      const names = all.filter((p) => p.cat === 'phase' && within(p, it)).map((p) => p.name);
      expect(names.slice(0, 4)).toEqual(['pending', 'idle', 'prepare', 'poll (waiting)']);
      expect(names.slice(-3)).toEqual(['check', 'closing', 'timers']);
    }
    const run = trace.traceEvents.find((e) => e.cat === 'pool' && e.name === 'probe')!;
    // The probe slept 2 ms on its thread, a thread other than the loop's.
    expect(run.dur!).toBeGreaterThanOrEqual(1900);
    expect(run.tid).not.toBe(process.pid);
    expect(trace.traceEvents.some((e) => e.ph === 'M' && e.tid === run.tid && e.args?.['name'] === 'pool thread 1')).toBe(true);
  });
});
