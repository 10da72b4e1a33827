import { afterEach, describe, expect, it } from 'vitest';
import { Loop, Prepare } from '@mini/loop';
import { createTimers, type Timers } from '../src/index.js';
import { busyWait, inMacrotask, nodeEval, runLoop } from './helpers.js';

let loops: Loop[] = [];

function fresh(): { loop: Loop; t: Timers } {
  const loop = new Loop();
  loops.push(loop);
  return { loop, t: createTimers(loop) };
}

afterEach(() => {
  for (const loop of loops) if (!loop.alive()) loop.close();
  loops = [];
});

describe('ordering', () => {
  it('fires timeouts with equal deadlines in the order they were started', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) t.setTimeout(() => log.push(name), 10);
    await runLoop(loop);
    expect(log).toEqual(['a', 'b', 'c', 'd']);
  });

  it('breaks ties between durations by scheduling order', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    // Same expiry from two lists: 30 ms from t0 and 25 ms from t0 + 5.
    let p, q;
    for (;;) {
      p = t.setTimeout(() => log.push('p'), 30);
      const start = p._idleStart!;
      while (t.timeouts.now() < start + 5);
      q = t.setTimeout(() => log.push('q'), 25);
      if (q._idleStart === start + 5) break;
      t.clearTimeout(p);
      t.clearTimeout(q);
    }
    await runLoop(loop);
    expect(log).toEqual(['p', 'q']);
  });

  it('runs shorter timeouts first regardless of creation order', async () => {
    const { loop, t } = fresh();
    const log: number[] = [];
    for (const ms of [30, 10, 20, 1]) t.setTimeout(() => log.push(ms), ms);
    await runLoop(loop);
    expect(log).toEqual([1, 10, 20, 30]);
  });

  it('runs an immediate set in a timer before a 0 ms timeout set with it', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    t.setTimeout(() => {
      t.setTimeout(() => log.push('timeout'), 0);
      t.setImmediate(() => log.push('immediate'));
    }, 1);
    await runLoop(loop);
    expect(log).toEqual(['immediate', 'timeout']);
  });

  it('defers immediates queued while the queue runs to the next iteration', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    const prepare = new Prepare(loop);
    prepare.start(() => log.push('prepare'));
    prepare.unref();
    await inMacrotask(() => {
      t.setImmediate(() => {
        log.push('A');
        process.nextTick(() => log.push('tick'));
        t.setImmediate(() => log.push('C'));
      });
      t.setImmediate(() => log.push('B'));
    });
    await runLoop(loop);
    prepare.close();
    loop.run();
    expect(log).toEqual(['prepare', 'A', 'tick', 'B', 'prepare', 'C']);
  });

  it('drains nextTicks and promise jobs between consecutive timers and immediates', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    const noisy = (name: string) => () => {
      log.push(name);
      process.nextTick(() => log.push(`${name}:tick`));
      void Promise.resolve().then(() => log.push(`${name}:promise`));
    };
    await inMacrotask(() => {
      t.setTimeout(noisy('t1'), 1); // same list
      t.setTimeout(noisy('t2'), 1);
      t.setTimeout(noisy('t3'), 2); // another list, also due
      t.setImmediate(noisy('i1'));
      t.setImmediate(noisy('i2'));
      busyWait(5);
    });
    await runLoop(loop);
    expect(log).toEqual([
      't1',
      't1:tick',
      't1:promise',
      't2',
      't2:tick',
      't2:promise',
      't3',
      't3:tick',
      't3:promise',
      'i1',
      'i1:tick',
      'i1:promise',
      'i2',
      'i2:tick',
      'i2:promise',
    ]);
  });

  it('matches node on a mixed ordering script', async () => {
    const script = (st: string, si: string, ct: string) => `
      const log = [];
      // Work queued from inside t10 is left out: on node, whether it runs
      // before x depends on whether x was created in the same millisecond.
      ${st}(() => log.push('t10'), 10);
      const x = ${st}(() => log.push('x (fires before t10b clears it)'), 10);
      ${st}(() => { log.push('t10b'); ${ct}(x); }, 10);
      ${si}(() => { log.push('i1'); ${si}(() => log.push('i-nested')); });
      ${st}(() => log.push('t25'), 25);
      const iv = ${st.replace('setTimeout', 'setInterval')}(function () { log.push('iv'); if (++this.n === 3) ${ct}(this); }, 17); iv.n = 0;
    `;
    const expected = nodeEval(
      `${script('setTimeout', 'setImmediate', 'clearTimeout')}; setTimeout(() => console.log(JSON.stringify(log)), 100);`,
    );
    const { loop, t } = fresh();
    const log: string[] = [];
    await inMacrotask(() => {
      new Function('t', 'log', script('t.setTimeout', 't.setImmediate', 't.clearTimeout').replace('const log = [];', ''))(t, log);
      loop.run();
    });
    expect(JSON.stringify(log)).toBe(expected.trim());
  });
});

describe('liveness', () => {
  it("an unref'd timeout does not keep the loop alive, a ref'd one does", () => {
    const { loop, t } = fresh();
    const a = t.setTimeout(() => {}, 50);
    expect(loop.alive()).toBe(true);
    expect(a.hasRef()).toBe(true);
    a.unref();
    expect(a.hasRef()).toBe(false);
    expect(loop.alive()).toBe(false);
    const b = t.setTimeout(() => {}, 50).unref();
    expect(loop.alive()).toBe(false);
    b.ref();
    expect(loop.alive()).toBe(true);
    t.clearTimeout(b);
    expect(loop.alive()).toBe(false);
    // Unref/ref on a cleared timeout changes nothing.
    b.unref().ref();
    expect(loop.alive()).toBe(false);
    t.clearTimeout(a);
  });

  it("an unref'd loop exits without firing unref'd timeouts", async () => {
    const { loop, t } = fresh();
    let fired = false;
    t.setTimeout(() => (fired = true), 5).unref();
    await runLoop(loop);
    expect(fired).toBe(false);
    expect(loop.alive()).toBe(false);
  });

  it("unref'd timeouts still fire while something else keeps the loop alive", async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    t.setTimeout(() => log.push('unrefd'), 5).unref();
    t.setTimeout(() => log.push('refd'), 30);
    await runLoop(loop);
    expect(log).toEqual(['unrefd', 'refd']);
  });

  it("the loop stops being alive once the last ref'd timeout fires", async () => {
    const { loop, t } = fresh();
    t.setTimeout(() => {}, 50).unref();
    t.setTimeout(() => {}, 5);
    expect(loop.alive()).toBe(true);
    await runLoop(loop);
    expect(loop.alive()).toBe(false);
    expect(t.timeouts.refedCount).toBe(0);
    expect(t.timeouts.listCount).toBe(1); // the unref'd one is still scheduled
  });

  it("immediates: ref'd keep the loop alive, unref'd do not", async () => {
    const { loop, t } = fresh();
    const im = t.setImmediate(() => {});
    expect(im.hasRef()).toBe(true);
    expect(loop.alive()).toBe(true);
    im.unref();
    expect(im.hasRef()).toBe(false);
    expect(loop.alive()).toBe(false);
    im.ref();
    expect(loop.alive()).toBe(true);
    t.clearImmediate(im);
    expect(im.hasRef()).toBe(false);
    expect(loop.alive()).toBe(false);
    let ran = false;
    t.setImmediate(() => (ran = true)).unref();
    await runLoop(loop);
    expect(ran).toBe(false);
    t.setImmediate(() => {});
    await runLoop(loop);
    expect(ran).toBe(true); // the unref'd one ran once the loop ran for another
    expect(loop.alive()).toBe(false);
  });
});

describe('Timeout', () => {
  it('refresh() restarts the countdown from now', async () => {
    const { loop, t } = fresh();
    const start = performance.now();
    let refreshedAt = 0;
    let firedAt = 0;
    const timer = t.setTimeout(() => (firedAt = performance.now()), 40);
    t.setTimeout(() => {
      refreshedAt = performance.now();
      expect(timer.refresh()).toBe(timer);
    }, 20);
    await runLoop(loop);
    expect(refreshedAt - start).toBeGreaterThanOrEqual(19);
    expect(firedAt - refreshedAt).toBeGreaterThanOrEqual(39);
  });

  it('refresh() re-arms a timeout that already fired, not one that was cleared', async () => {
    const { loop, t } = fresh();
    let n = 0;
    const timer = t.setTimeout(() => n++, 1);
    await runLoop(loop);
    expect(n).toBe(1);
    expect(loop.alive()).toBe(false);
    timer.refresh();
    expect(loop.alive()).toBe(true);
    await runLoop(loop);
    expect(n).toBe(2);
    const pending = t.setTimeout(() => n++, 50);
    t.clearTimeout(pending);
    pending.refresh();
    expect(loop.alive()).toBe(false);
  });

  it('an interval cleared inside its callback stops', async () => {
    const { loop, t } = fresh();
    let n = 0;
    const iv = t.setInterval(() => {
      if (++n === 3) t.clearInterval(iv);
    }, 2);
    expect(iv._repeat).toBe(2);
    await runLoop(loop);
    expect(n).toBe(3);
    expect(iv._destroyed).toBe(true);
    expect(t.timeouts.listCount).toBe(0);
  });

  it('passes extra arguments and the timer as this', async () => {
    const { loop, t } = fresh();
    const seen: unknown[] = [];
    const timer = t.setTimeout(
      function (this: unknown, ...args: unknown[]) {
        seen.push(this === timer, args);
      },
      1,
      'a',
      2,
      undefined,
      4,
    );
    t.setTimeout(function (...args: unknown[]) {
      seen.push(args.length);
    }, 1);
    t.setImmediate((...args: unknown[]) => seen.push(args), 'x', 'y');
    await inMacrotask(() => busyWait(3)); // the timeouts are due before the first iteration
    await runLoop(loop);
    expect(seen).toEqual([true, ['a', 2, undefined, 4], 0, ['x', 'y']]);
  });

  it("has Node's fields and a numeric id accepted by clearTimeout as number or string", async () => {
    const { loop, t } = fresh();
    const fired: string[] = [];
    const a = t.setTimeout(() => fired.push('a'), 1);
    const b = t.setTimeout(() => fired.push('b'), 1);
    const c = t.setInterval(() => fired.push('c'), 1);
    const d = t.setTimeout(() => fired.push('d'), 1);
    expect(Object.keys(a)).toEqual(Object.keys(nodeKeys()));
    expect(typeof +a).toBe('number');
    expect(+a).not.toBe(+b);
    t.clearTimeout(+a);
    t.clearTimeout(`${+b}`);
    t.clearInterval(String(+c));
    expect(a._idleTimeout).toBe(-1);
    d[Symbol.dispose]();
    await runLoop(loop);
    expect(fired).toEqual([]);
    expect(t.timeouts.listCount).toBe(0);
  });

  it("coerces delays as Node does and warns on overflow with Node's text", async () => {
    const { t } = fresh();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const delays: unknown[] = ['5', -5, NaN, 0, 1.5, 2 ** 31, Infinity, undefined, null, 2 ** 31 - 1];
      const got = delays.map((d) => {
        const timer = t.setTimeout(() => {}, d as number);
        t.clearTimeout(timer);
        return timer._repeat === null ? timer : null;
      });
      // _idleTimeout is reset to -1 by clear; read what the constructor chose from a fresh one.
      const chosen = delays.map((d) => {
        const timer = t.setInterval(() => {}, d as number);
        t.clearInterval(timer);
        return timer._repeat;
      });
      expect(got.every((x) => x !== null)).toBe(true);
      await inMacrotask(() => {}); // warnings are emitted on a later tick
      const expected = JSON.parse(
        nodeEval(`
          const warnings = [];
          process.on('warning', (w) => warnings.push(w.name + ': ' + w.message));
          const chosen = ${JSON.stringify(['5', -5, 'NaN', 0, 1.5, 2 ** 31, 'Infinity', 'undefined', 'null', 2 ** 31 - 1])}
            .map((d) => d === 'NaN' ? NaN : d === 'Infinity' ? Infinity : d === 'undefined' ? undefined : d === 'null' ? null : d)
            .map((d) => { const t = setInterval(() => {}, d); clearInterval(t); return t._repeat; });
          setImmediate(() => console.log(JSON.stringify({ chosen, warnings })));
        `),
      ) as { chosen: number[]; warnings: string[] };
      expect(chosen).toEqual(expected.chosen);
      expect(warnings).toEqual(expected.warnings.concat(expected.warnings));
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('exceptions', () => {
  it('a throwing timer propagates out of run and leaves the lists consistent', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    t.setTimeout(() => log.push('a'), 1);
    t.setTimeout(() => {
      throw new Error('boom');
    }, 1);
    t.setTimeout(() => log.push('c'), 1);
    let ticks = 0;
    const iv = t.setInterval(() => {
      if (++ticks === 1) throw new Error('interval boom');
      if (ticks === 3) t.clearInterval(iv);
    }, 1);
    t.setTimeout(() => log.push('later'), 20);
    await inMacrotask(() => busyWait(3));
    await expect(runLoop(loop)).rejects.toThrow('boom');
    expect(log).toEqual(['a']);
    expect(loop.alive()).toBe(true);
    await expect(runLoop(loop)).rejects.toThrow('interval boom');
    expect(log).toEqual(['a', 'c']);
    await runLoop(loop);
    expect(log).toEqual(['a', 'c', 'later']);
    expect(ticks).toBe(3);
    expect(t.timeouts.listCount).toBe(0);
    expect(t.timeouts.refedCount).toBe(0);
    expect(loop.alive()).toBe(false);
  });

  it('a throwing immediate leaves the rest queued for the next check phase', async () => {
    const { loop, t } = fresh();
    const log: string[] = [];
    t.setImmediate(() => log.push('1'));
    t.setImmediate(() => {
      throw new Error('imm boom');
    });
    const third = t.setImmediate(() => log.push('3'));
    t.setImmediate(() => log.push('4'));
    await expect(runLoop(loop)).rejects.toThrow('imm boom');
    expect(log).toEqual(['1']);
    expect(loop.alive()).toBe(true);
    t.clearImmediate(third);
    t.setImmediate(() => log.push('5'));
    await runLoop(loop);
    expect(log).toEqual(['1', '4', '5']);
    expect(t.immediates.pending).toBe(0);
    expect(loop.alive()).toBe(false);
  });
});

/** Own enumerable keys of a Node Timeout, in order (from real Node). */
function nodeKeys(): Record<string, true> {
  const keys = JSON.parse(
    nodeEval('const t = setTimeout(() => {}, 1); console.log(JSON.stringify(Object.keys(t))); clearTimeout(t);'),
  ) as string[];
  return Object.fromEntries(keys.map((k) => [k, true]));
}
