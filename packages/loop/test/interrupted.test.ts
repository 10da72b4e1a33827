/**
 * A callback that throws out of the loop: the next run goes on from the
 * phase it left, so the rest of that phase (and of its iteration) comes
 * before anything else, as Node goes on after an uncaught exception.
 */
import { describe, expect, it } from 'vitest';
import { Async, Check, Loop, Prepare, RunMode, Timer } from '../src/index.js';

/** Run until the loop ends, collecting what threw. */
function runThrough(loop: Loop): string[] {
  const thrown: string[] = [];
  for (let i = 0; i < 10; i++) {
    try {
      if (!loop.run(RunMode.DEFAULT)) break;
    } catch (err) {
      thrown.push((err as Error).message);
    }
  }
  return thrown;
}

describe('a run left by an exception', () => {
  it('goes on with the check phase it left before the timers', () => {
    const loop = new Loop();
    const seen: string[] = [];
    const a = new Check(loop);
    const b = new Check(loop);
    const t = new Timer(loop);
    a.start(() => {
      seen.push('check a');
      a.stop();
      t.start(() => {
        seen.push('timer');
        b.stop();
      }, 0);
      throw new Error('a');
    });
    b.start(() => seen.push('check b'));
    expect(runThrough(loop)).toEqual(['a']);
    // check b still runs in the check phase a threw from, then the iteration's timers.
    expect(seen).toEqual(['check a', 'check b', 'timer']);
  });

  it('goes on with the timers left in the batch, not with a new iteration', () => {
    const loop = new Loop();
    const seen: string[] = [];
    const p = new Prepare(loop);
    p.start(() => {
      seen.push('prepare');
      p.close();
    });
    const t1 = new Timer(loop);
    const t2 = new Timer(loop);
    t1.start(() => {
      seen.push('t1');
      throw new Error('t1');
    }, 0);
    t2.start(() => seen.push('t2'), 0);
    expect(runThrough(loop)).toEqual(['t1']);
    // The timers run before the first iteration; t2 follows t1 before any prepare.
    expect(seen).toEqual(['t1', 't2', 'prepare']);
  });

  it('resumes after poll when an I/O callback threw', () => {
    const loop = new Loop();
    const seen: string[] = [];
    const prep = new Prepare(loop);
    prep.start(() => seen.push('prepare'));
    const c = new Check(loop);
    const wake = new Async(loop, () => {
      seen.push('async');
      throw new Error('async');
    });
    c.start(() => {
      seen.push('check');
      c.close();
      prep.close();
      wake.close();
    });
    wake.send();
    expect(runThrough(loop)).toEqual(['async']);
    // The same iteration's check phase, with no second prepare in between.
    expect(seen).toEqual(['prepare', 'async', 'check']);
  });
});
