import { closeSync, mkdtempSync, openSync, readFile as nodeReadFile, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UV_ECANCELED, UV_EISDIR, UV_ENOENT, nativeStatus, openFdCount, type WorkArg } from '@mini/sys';
import {
  Loop,
  RunMode,
  Timer,
  WorkFunction,
  defaultLoop,
  ownThread,
  queueWork,
  releaseThreadpool,
  threadpoolBackend,
  threadpoolSize,
  threadsStarted,
} from '../src/index.js';
import { parseThreadpoolSize } from '../src/threadpool/config.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-threadpool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** libmini's probe: blocks for ms, counting [running, most at once, started] in an Int32Array. */
const probe = new WorkFunction('mini_probe_sleep');
const slowProbe = new WorkFunction('mini_probe_sleep', 'int', 'slow-io');
const pread = new WorkFunction('pread', 'long', 'fast-io');
const open = new WorkFunction('open', 'int', 'fast-io');

interface Outcome {
  result: number;
  errno: number;
}

/**
 * Run a fresh loop that owns the thread, entered from a host macrotask;
 * `body` submits work and calls `finish` from a callback.
 */
function onOwnLoop<T>(body: (loop: Loop, finish: (v: T) => void) => void): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    setImmediate(() => {
      try {
        const loop = new Loop();
        const driver = ownThread(loop);
        body(loop, resolvePromise);
        driver.drive();
      } catch (err) {
        reject(err);
      }
    });
  });
}

function queue(loop: Loop, fn: WorkFunction, args: WorkArg[]): Promise<Outcome> {
  return new Promise((res) => queueWork(loop, fn, args, (result, errno) => res({ result, errno })));
}

function cString(s: string): Buffer {
  return Buffer.from(s + '\0');
}

describe('thread pool', () => {
  it('runs on native threads here (the build made libmini)', () => {
    expect(nativeStatus()).toEqual({ kind: 'native' });
    expect(threadpoolBackend()).toBe('native');
  });

  it('reads a real file on a pool thread while a loop owns the thread', async () => {
    const file = join(dir, 'own.txt');
    writeFileSync(file, 'hello from the pool\n'.repeat(1000));
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(30_000);
    const out = await onOwnLoop<{ n: number; aliveAfter: boolean; runResult: boolean | undefined }>((loop, finish) => {
      queueWork(loop, pread, [fd, buf, buf.length, 0], (n) => {
        // The loop ends by itself once the last item is delivered.
        setImmediate(() => finish({ n, aliveAfter: loop.alive(), runResult: loop.run(RunMode.NOWAIT) }));
      });
      expect(loop.alive()).toBe(true);
    });
    closeSync(fd);
    expect(out.n).toBe(20_000);
    expect(buf.subarray(0, out.n).toString()).toBe('hello from the pool\n'.repeat(1000));
    expect(out.aliveAfter).toBe(false);
    expect(out.runResult).toBe(false);
  });

  it('reads a real file through the host-driven default loop', async () => {
    const file = join(dir, 'host.bin');
    const data = Buffer.alloc(300_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
    writeFileSync(file, data);
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(data.length);
    const { result } = await queue(defaultLoop(), pread, [fd, buf, buf.length, 0]);
    closeSync(fd);
    expect(result).toBe(data.length);
    expect(Buffer.compare(buf, data)).toBe(0);
    expect(defaultLoop().alive()).toBe(false);
  });

  it('reports the call’s errno, negative as libuv', async () => {
    const missing = await queue(defaultLoop(), open, [cString(join(dir, 'no', 'such')), 0, 0]);
    expect(missing).toEqual({ result: -1, errno: UV_ENOENT });
    const fd = openSync(dir, 'r');
    const isDir = await queue(defaultLoop(), pread, [fd, Buffer.alloc(8), 8, 0]);
    closeSync(fd);
    expect(isDir).toEqual({ result: -1, errno: UV_EISDIR });
    // The same failure as node's own pool reports it.
    const nodeErr = await new Promise<NodeJS.ErrnoException>((res) => nodeReadFile(dir, (err) => res(err!)));
    expect(nodeErr.errno).toBe(UV_EISDIR);
  });

  it('refuses a function it cannot find, before anything is queued', () => {
    expect(() => queueWork(defaultLoop(), new WorkFunction('no_such_function_anywhere'), [], () => {})).toThrow(
      "the thread pool cannot call 'no_such_function_anywhere'",
    );
    expect(defaultLoop().alive()).toBe(false);
  });

  it('completes 100 concurrent items on exactly UV_THREADPOOL_SIZE threads', async () => {
    const counters = new Int32Array(3);
    const tids = await onOwnLoop<Set<number>>((loop, finish) => {
      const seen = new Set<number>();
      let left = 100;
      for (let i = 0; i < 100; i++) {
        queueWork(loop, probe, [counters, 2, 0], (tid, errno) => {
          expect(errno).toBe(0);
          seen.add(tid);
          if (--left === 0) finish(seen);
        });
      }
    });
    const n = threadpoolSize();
    expect(n).toBe(parseThreadpoolSize(process.env.UV_THREADPOOL_SIZE));
    expect(counters[2]).toBe(100);
    expect(counters[1]).toBeLessThanOrEqual(n);
    expect(tids.size).toBeLessThanOrEqual(n);
    expect(threadsStarted()).toBe(n);
  });

  it('lets slow I/O occupy at most (n + 1) / 2 threads while other work goes ahead', async () => {
    const n = threadpoolSize();
    const slow = new Int32Array(3);
    const fast = new Int32Array(3);
    const order = await onOwnLoop<string[]>((loop, finish) => {
      const log: string[] = [];
      let left = 2 * n + 1;
      const done = (name: string) => (_r: number, errno: number) => {
        expect(errno).toBe(0);
        log.push(name);
        if (--left === 0) finish(log);
      };
      // Each slow item waits for (n + 1) / 2 slow items to run at once: more never may.
      for (let i = 0; i < 2 * n; i++) queueWork(loop, slowProbe, [slow, 50, (n + 1) >> 1], done('slow'));
      // Queued behind all the slow items, yet it need not wait for them.
      queueWork(loop, probe, [fast, 1, 0], done('cpu'));
    });
    expect(slow[2]).toBe(2 * n);
    expect(slow[1]).toBe((n + 1) >> 1);
    if (n > 1) expect(order.indexOf('cpu')).toBeLessThan(order.length - 1);
  });

  it('cancels an item no thread has picked up, and only such an item', async () => {
    const n = threadpoolSize();
    const busy = new Int32Array(3);
    const victim = new Int32Array(3);
    const out = await onOwnLoop<{ results: number[]; first: boolean; again: boolean; running: boolean }>((loop, finish) => {
      const results: number[] = [];
      let left = n + 1;
      const done = (_r: number, errno: number) => {
        results.push(errno);
        if (--left === 0) finish({ results, first, again, running });
      };
      // Every thread busy until all n run: the victim cannot have been taken.
      const reqs = Array.from({ length: n }, () => queueWork(loop, probe, [busy, 200, n], done));
      const req = queueWork(loop, probe, [victim, 0, 0], done);
      // A thread takes its item some time after the submit (late on a loaded
      // machine): wait until all n have started, so reqs[0] is surely running
      // and the victim surely queued for the 200 ms they sleep.
      const deadline = Date.now() + 5000;
      while (Atomics.load(busy, 2) < n && Date.now() < deadline);
      const first = req.cancel();
      const again = req.cancel();
      const running = reqs[0]!.cancel();
    });
    expect(out).toMatchObject({ first: true, again: false, running: false });
    // The cancelled item is delivered first, with ECANCELED, and never ran.
    expect(out.results[0]).toBe(UV_ECANCELED);
    expect(out.results.filter((r) => r === 0).length).toBe(n);
    expect(victim[2]).toBe(0);
    expect(busy[2]).toBe(n);
  });

  it('runs the other callbacks of a batch when one throws', () => {
    // Run on a loop no driver hands to the host: a yield to the host would
    // carry the throw out of this test and into vitest's uncaught handler.
    const loop = new Loop();
    const got: number[] = [];
    const thrown: string[] = [];
    const counters = new Int32Array(3);
    // All four finish together (each waits until four run), so a drain usually takes several.
    for (let i = 0; i < 4; i++) {
      queueWork(loop, probe, [counters, 0, Math.min(4, threadpoolSize())], () => {
        got.push(i);
        if (got.length === 1) throw new Error('boom');
      });
    }
    while (loop.alive()) {
      try {
        loop.run(RunMode.DEFAULT);
      } catch (err) {
        thrown.push((err as Error).message);
      }
    }
    releaseThreadpool(loop);
    loop.run(RunMode.NOWAIT);
    loop.close();
    expect(thrown).toEqual(['boom']);
    expect(got.sort()).toEqual([0, 1, 2, 3]);
  });

  it('sends held work before a nested loop blocks inside a completion callback', async () => {
    // Requests started by a callback wait for its batch to end; a loop run
    // inside that callback must not wait on one of them.
    const out = await onOwnLoop<{ stuck: boolean; tid: number }>((loop, finish) => {
      queueWork(loop, probe, [null, 0, 0], () => {
        const nested = new Loop();
        let tid = -1;
        // Without the work sent this run would block for good: give up after 2 s instead.
        const guard = new Timer(nested);
        guard.start(() => nested.stop(), 2000);
        queueWork(nested, probe, [null, 1, 0], (t) => {
          tid = t;
          guard.close();
        });
        nested.run(RunMode.DEFAULT);
        const stuck = nested.alive();
        if (!stuck) {
          releaseThreadpool(nested);
          nested.run(RunMode.NOWAIT);
          nested.close();
        }
        finish({ stuck, tid });
      });
    });
    expect(out).toMatchObject({ stuck: false });
    expect(out.tid).toBeGreaterThan(0);
  });

  it('keeps no fd per loop once released', async () => {
    await queue(defaultLoop(), probe, [null, 0, 0]);
    const before = openFdCount();
    for (let i = 0; i < 10; i++) {
      const v = await onOwnLoop<number>((loop, finish) => {
        queueWork(loop, probe, [null, 0, 0], (tid) => {
          releaseThreadpool(loop);
          // The release completes in the closing phase, then the loop can close.
          setImmediate(() => {
            loop.run(RunMode.NOWAIT);
            loop.close();
            finish(tid);
          });
        });
      });
      expect(v).toBeGreaterThan(0);
    }
    expect(openFdCount()).toBe(before);
  });

  it('reads UV_THREADPOOL_SIZE as libuv does', () => {
    expect(parseThreadpoolSize(undefined)).toBe(4);
    expect(parseThreadpoolSize('2')).toBe(2);
    expect(parseThreadpoolSize(' 16abc')).toBe(16);
    expect(parseThreadpoolSize('0')).toBe(1);
    expect(parseThreadpoolSize('')).toBe(1);
    expect(parseThreadpoolSize('abc')).toBe(1);
    expect(parseThreadpoolSize('5000')).toBe(1024);
    expect(parseThreadpoolSize('-3')).toBe(1024);
  });
});
