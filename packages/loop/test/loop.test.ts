import { describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { Async, Check, Idle, Loop, Prepare, RunMode, Timer } from '../src/index.js';
import { inMacrotask } from './helpers.js';

describe('Loop phases', () => {
  it('runs pending, idle, prepare, poll, check, closing, timers in that order', async () => {
    const log: string[] = await inMacrotask(() => {
      const loop = new Loop();
      const log: string[] = [];
      const idle = new Idle(loop);
      const prepare = new Prepare(loop);
      const check = new Check(loop);
      const timer = new Timer(loop);
      const stopAll = () => {
        idle.stop();
        prepare.stop();
        check.stop();
      };
      let iterations = 0;
      idle.start(() => log.push('idle'));
      prepare.start(() => log.push('prepare'));
      check.start(() => {
        log.push('check');
        if (++iterations === 1) {
          const t = new Timer(loop);
          t.close(() => log.push('close'));
          loop.queuePending(() => log.push('pending'));
        } else stopAll();
      });
      timer.start(() => log.push('timer'), 0, 0);
      loop.run();
      return log;
    });
    // Timers run once before the first iteration in DEFAULT mode.
    expect(log).toEqual(['timer', 'idle', 'prepare', 'check', 'close', 'pending', 'idle', 'prepare', 'check']);
  });

  it('fires timers with equal deadlines in start order, a 0ms timer started by a timer on the next iteration', async () => {
    const log = await inMacrotask(() => {
      const loop = new Loop();
      const log: string[] = [];
      const check = new Check(loop);
      check.start(() => log.push('check'));
      check.unref();
      for (const name of ['a', 'b', 'c']) {
        const t = new Timer(loop);
        t.start(
          () => {
            log.push(name);
            if (name === 'a') new Timer(loop).start(() => log.push('a2'), 0, 0);
          },
          5,
          0,
        );
      }
      loop.run();
      return log;
    });
    expect(log.filter((x) => x !== 'check')).toEqual(['a', 'b', 'c', 'a2']);
    expect(log.indexOf('check')).toBeLessThan(log.indexOf('a2'));
  });

  it('a timer stopped by an earlier callback in the same batch does not fire', async () => {
    const log = await inMacrotask(() => {
      const loop = new Loop();
      const log: string[] = [];
      const b = new Timer(loop);
      new Timer(loop).start(
        () => {
          log.push('a');
          b.stop();
        },
        1,
        0,
      );
      b.start(() => log.push('b'), 1, 0);
      loop.run();
      return log;
    });
    expect(log).toEqual(['a']);
  });

  it('repeats, and unref lets the loop end', async () => {
    const count = await inMacrotask(() => {
      const loop = new Loop();
      let n = 0;
      const t = new Timer(loop);
      t.start(
        () => {
          if (++n === 3) t.stop();
        },
        1,
        1,
      );
      const forever = new Timer(loop);
      forever.start(() => {}, 1_000_000, 0);
      forever.unref();
      expect(loop.alive()).toBe(true);
      loop.run();
      expect(loop.alive()).toBe(false);
      expect(forever.isActive()).toBe(true);
      return n;
    });
    expect(count).toBe(3);
  });
});

describe('poll timeout', () => {
  it('is 0 while an idle handle is active, the nearest timer otherwise, -1 with none', () => {
    const loop = new Loop();
    const t = new Timer(loop);
    t.start(() => {}, 500, 0);
    expect(loop.backendTimeout()).toBeGreaterThan(400);
    const idle = new Idle(loop);
    idle.start(() => {});
    expect(loop.backendTimeout()).toBe(0);
    idle.stop();
    t.stop();
    const a = new Async(loop, () => {});
    expect(loop.backendTimeout()).toBe(-1);
    a.close();
    expect(loop.backendTimeout()).toBe(0); // closing handles
  });

  it('an idle handle keeps poll from blocking on a far timer', async () => {
    const elapsed = await inMacrotask(() => {
      const loop = new Loop();
      const far = new Timer(loop);
      far.start(() => {}, 10_000, 0);
      const idle = new Idle(loop);
      let n = 0;
      idle.start(() => {
        if (++n === 50) {
          idle.stop();
          far.stop();
        }
      });
      const start = performance.now();
      loop.run();
      return performance.now() - start;
    });
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('run modes', () => {
  it('NOWAIT does one non-blocking iteration', async () => {
    const r = await inMacrotask(() => {
      const loop = new Loop();
      const t = new Timer(loop);
      t.start(() => {}, 10_000, 0);
      let checks = 0;
      const c = new Check(loop);
      c.start(() => checks++);
      const start = performance.now();
      const alive = loop.run(RunMode.NOWAIT);
      return { alive, checks, ms: performance.now() - start };
    });
    expect(r).toMatchObject({ alive: true, checks: 1 });
    expect(r.ms).toBeLessThan(1_000);
  });

  it('ONCE blocks for the nearest timer and runs it', async () => {
    const r = await inMacrotask(() => {
      const loop = new Loop();
      let fired = false;
      new Timer(loop).start(() => (fired = true), 20, 0);
      const alive = loop.run(RunMode.ONCE);
      return { alive, fired };
    });
    expect(r).toEqual({ alive: false, fired: true });
  });

  it('stop() ends DEFAULT after the current iteration', async () => {
    const r = await inMacrotask(() => {
      const loop = new Loop();
      let n = 0;
      const c = new Check(loop);
      const idle = new Idle(loop);
      idle.start(() => {});
      c.start(() => {
        if (++n === 3) loop.stop();
      });
      const alive = loop.run();
      return { alive, n };
    });
    expect(r).toEqual({ alive: true, n: 3 });
  });
});

describe('callbacks and microtasks', () => {
  it('drains nextTicks then promise jobs after every callback', async () => {
    const log = await inMacrotask(() => {
      const loop = new Loop();
      const log: string[] = [];
      for (const name of ['t1', 't2']) {
        new Timer(loop).start(
          () => {
            log.push(name);
            Promise.resolve().then(() => log.push(`${name}:promise`));
            process.nextTick(() => log.push(`${name}:tick`));
          },
          1,
          0,
        );
      }
      loop.run();
      return log;
    });
    expect(log).toEqual(['t1', 't1:tick', 't1:promise', 't2', 't2:tick', 't2:promise']);
  });

  it('an exception leaves the loop usable and keeps remaining due timers', async () => {
    const log = await inMacrotask(() => {
      const loop = new Loop();
      const log: string[] = [];
      new Timer(loop).start(
        () => {
          throw new Error('boom');
        },
        1,
        0,
      );
      new Timer(loop).start(() => log.push('second'), 1, 0);
      expect(() => loop.run()).toThrow('boom');
      loop.run();
      return log;
    });
    expect(log).toEqual(['second']);
  });
});

describe('Async', () => {
  it('coalesces sends and wakes a blocked poll from another thread', async () => {
    const { Worker } = await import('node:worker_threads');
    const r = await inMacrotask(() => {
      const loop = new Loop();
      let calls = 0;
      const a = new Async(loop, () => {
        calls++;
        a.close();
      });
      a.send();
      a.send();
      loop.run();
      const sameThread = calls;
      // Now from a real thread while our loop blocks in epoll_wait.
      let woke = 0;
      const b = new Async(loop, () => {
        woke++;
        b.close();
      });
      const sysPath = require.resolve('@mini/sys').replace(/src[/\\]index\.ts$/, 'dist/index.js');
      const w = new Worker(
        `const { wakeFd } = { wakeFd(fd) { const s = require(${JSON.stringify(sysPath)}); s.unistd.write(fd, new Uint8Array(new BigUint64Array([1n]).buffer), 8); } };
         setTimeout(() => wakeFd(${b.fd}), 50);`,
        { eval: true },
      );
      const start = performance.now();
      loop.run();
      return { sameThread, woke, ms: performance.now() - start, w };
    });
    // Wait for the thread to be gone so its fds do not skew later fd counts.
    await r.w.terminate();
    expect(r.sameThread).toBe(1);
    expect(r.woke).toBe(1);
    expect(r.ms).toBeGreaterThanOrEqual(40);
  });
});

describe('resources', () => {
  it('10^5 handles opened and closed leave the fd count unchanged', async () => {
    const before = openFdCount();
    await inMacrotask(() => {
      const loop = new Loop();
      for (let round = 0; round < 10; round++) {
        for (let i = 0; i < 10_000; i++) {
          const a = new Async(loop, () => {});
          a.close();
          const t = new Timer(loop);
          t.start(() => {}, 1000, 0);
          t.close();
        }
        loop.run();
      }
      expect(loop.alive()).toBe(false);
      loop.close();
    });
    expect(openFdCount()).toBe(before);
  });
});

describe('closing', () => {
  it('runs close callbacks newest first, as libuv', async () => {
    const log = await inMacrotask(() => {
      const loop = new Loop();
      const log: string[] = [];
      for (const name of ['a', 'b', 'c']) new Timer(loop).close(() => log.push(name));
      loop.run();
      return log;
    });
    expect(log).toEqual(['c', 'b', 'a']);
  });
});

describe('thread-owning driver', () => {
  it('resuming after a host turn does not rerun the timers phase before check', async () => {
    const { ownThread } = await import('../src/index.js');
    const log = await new Promise<string[]>((resolve) => {
      const loop = new Loop();
      const driver = ownThread(loop);
      const log: string[] = [];
      new Timer(loop).start(
        () => {
          // A host turn is requested mid-iteration; the overdue 0 ms timer
          // must still wait until after this iteration's check phase.
          loop.requestYield();
          new Timer(loop).start(
            () => {
              log.push('timeout 0');
              resolve(log);
            },
            0,
            0,
          );
          const c = new Check(loop);
          c.start(() => {
            log.push('check');
            c.close();
          });
          const until = Date.now() + 5;
          while (Date.now() < until);
        },
        1,
        0,
      );
      driver.schedule();
    });
    expect(log).toEqual(['check', 'timeout 0']);
  });
});
