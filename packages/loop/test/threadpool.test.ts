import { mkdtempSync, readFile as nodeReadFile, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import {
  Loop,
  RunMode,
  defaultLoop,
  fsWorkModule,
  ownThread,
  queueWork,
  releaseThreadpool,
  threadpoolSize,
  threadsStarted,
  type Work,
} from '../src/index.js';
import { parseThreadpoolSize } from '../src/threadpool/config.js';

const fixture = resolve(__dirname, 'fixtures', 'work.cjs');
const dir = mkdtempSync(join(tmpdir(), 'mini-threadpool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  err: Error | null;
  result?: unknown;
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

function queue(loop: Loop, work: Work): Promise<Outcome> {
  return new Promise((res) => queueWork(loop, work, (err, result) => res({ err, result })));
}

function readFileWork(path: string): Work {
  return { module: fsWorkModule(), fn: 'readFile', args: [path], kind: 'fast-io' };
}

function nodeError(path: string): Promise<NodeJS.ErrnoException> {
  return new Promise((res) => nodeReadFile(path, (err) => res(err!)));
}

function sleepWork(ms: number, counters: SharedArrayBuffer, kind: Work['kind'] = 'cpu', meet?: number): Work {
  return { module: fixture, fn: 'sleep', args: [ms, counters, meet], kind };
}

describe('thread pool', () => {
  it('reads a real file on a pool thread while a loop owns the thread', async () => {
    const file = join(dir, 'own.txt');
    writeFileSync(file, 'hello from the pool\n'.repeat(1000));
    const out = await onOwnLoop<{ text: string; aliveAfter: boolean; runResult: boolean | undefined }>((loop, finish) => {
      queueWork(loop, readFileWork(file), (err, result) => {
        expect(err).toBeNull();
        // The loop ends by itself once the last item is delivered.
        setImmediate(() => finish({ text: Buffer.from(result as Uint8Array).toString(), aliveAfter: loop.alive(), runResult: loop.run(RunMode.NOWAIT) }));
      });
      expect(loop.alive()).toBe(true);
    });
    expect(out.text).toBe('hello from the pool\n'.repeat(1000));
    expect(out.aliveAfter).toBe(false);
    expect(out.runResult).toBe(false);
  });

  it('reads a real file through the host-driven default loop', async () => {
    const file = join(dir, 'host.bin');
    const data = Buffer.alloc(300_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
    writeFileSync(file, data);
    const { err, result } = await queue(defaultLoop(), readFileWork(file));
    expect(err).toBeNull();
    expect(Buffer.compare(Buffer.from(result as Uint8Array), data)).toBe(0);
    expect(defaultLoop().alive()).toBe(false);
  });

  it('reads files whose size the kernel does not report, and empty files', async () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    const loop = defaultLoop();
    const [proc, none] = await Promise.all([queue(loop, readFileWork('/proc/self/status')), queue(loop, readFileWork(empty))]);
    expect(Buffer.from(proc.result as Uint8Array).toString()).toMatch(/^Name:/);
    expect((none.result as Uint8Array).length).toBe(0);
  });

  it("fails with Node's error: code, errno, syscall, path and message", async () => {
    const missing = join(dir, 'no', 'such', 'file');
    for (const path of [missing, dir]) {
      const { err } = await queue(defaultLoop(), readFileWork(path));
      const expected = await nodeError(path);
      expect(err).toBeInstanceOf(Error);
      expect(err!.message).toBe(expected.message);
      const e = err as NodeJS.ErrnoException;
      expect({ code: e.code, errno: e.errno, syscall: e.syscall, path: e.path }).toEqual({
        code: expected.code,
        errno: expected.errno,
        syscall: expected.syscall,
        path: expected.path,
      });
    }
    const { err } = await queue(defaultLoop(), readFileWork(missing));
    expect(err!.message).toBe(`ENOENT: no such file or directory, open '${missing}'`);
  });

  it('carries what work functions throw or cannot return', async () => {
    const loop = defaultLoop();
    const thrown = await queue(loop, { module: fixture, fn: 'fail', args: ['bad', { code: 'EBAD', errno: -99, syscall: 'x', path: '/p' }] });
    expect(thrown.err).toBeInstanceOf(RangeError);
    expect(thrown.err).toMatchObject({ message: 'bad', code: 'EBAD', errno: -99, syscall: 'x', path: '/p' });
    expect(thrown.err!.stack).toContain('work.cjs');
    const str = await queue(loop, { module: fixture, fn: 'throwString', args: ['plain'] });
    expect(str.err).toBe('plain');
    const uncloneable = await queue(loop, { module: fixture, fn: 'returnFunction', args: [] });
    expect(uncloneable.err!.name).toBe('DataCloneError');
    const missing = await queue(loop, { module: fixture, fn: 'nope', args: [] });
    expect(missing.err).toBeInstanceOf(TypeError);
    const badArgs = await queue(loop, { module: fixture, fn: 'echo', args: [() => 1] });
    expect(badArgs.err!.name).toBe('DataCloneError');
    expect(loop.alive()).toBe(false);
  });

  it('completes 100 concurrent items on at most UV_THREADPOOL_SIZE threads', async () => {
    const files = Array.from({ length: 100 }, (_, i) => {
      const f = join(dir, `many-${i}`);
      writeFileSync(f, `file ${i}`);
      return f;
    });
    const texts = await onOwnLoop<string[]>((loop, finish) => {
      const out: string[] = [];
      let left = files.length;
      files.forEach((f, i) =>
        queueWork(loop, readFileWork(f), (err, result) => {
          expect(err).toBeNull();
          out[i] = Buffer.from(result as Uint8Array).toString();
          if (--left === 0) finish(out);
        }),
      );
    });
    expect(texts).toEqual(files.map((_, i) => `file ${i}`));
    expect(threadpoolSize()).toBe(parseThreadpoolSize(process.env.UV_THREADPOOL_SIZE));
    expect(threadsStarted()).toBeGreaterThan(0);
    expect(threadsStarted()).toBeLessThanOrEqual(threadpoolSize());
  });

  it('lets slow I/O occupy at most (n + 1) / 2 threads while other work goes ahead', async () => {
    const n = threadpoolSize();
    const slow = new SharedArrayBuffer(12);
    const fast = new SharedArrayBuffer(12);
    const order = await onOwnLoop<string[]>((loop, finish) => {
      const log: string[] = [];
      let left = 2 * n + 1;
      const done = (name: string) => (err: Error | null) => {
        expect(err).toBeNull();
        log.push(name);
        if (--left === 0) finish(log);
      };
      // Each slow item waits for (n + 1) / 2 slow items to run at once: more never may.
      for (let i = 0; i < 2 * n; i++) queueWork(loop, sleepWork(50, slow, 'slow-io', (n + 1) >> 1), done('slow'));
      // Queued behind all the slow items, yet it need not wait for them.
      queueWork(loop, sleepWork(1, fast), done('cpu'));
    });
    const c = new Int32Array(slow);
    expect(c[2]).toBe(2 * n);
    expect(c[1]).toBe((n + 1) >> 1);
    if (n > 1) expect(order.indexOf('cpu')).toBeLessThan(order.length - 1);
  });

  it('cancels an item no thread has picked up, and only such an item', async () => {
    const n = threadpoolSize();
    const busy = new SharedArrayBuffer(12);
    const victim = new SharedArrayBuffer(12);
    const out = await onOwnLoop<{ results: (string | null)[]; first: boolean; again: boolean; running: boolean }>((loop, finish) => {
      const results: (string | null)[] = [];
      let left = n + 1;
      const done = (err: Error | null) => {
        results.push(err === null ? null : (err as NodeJS.ErrnoException).code!);
        if (--left === 0) finish({ results, first, again, running });
      };
      const reqs = Array.from({ length: n }, () => queueWork(loop, sleepWork(200, busy), done));
      const req = queueWork(loop, sleepWork(0, victim), done);
      const first = req.cancel();
      const again = req.cancel();
      const running = reqs[0]!.cancel();
    });
    expect(out).toMatchObject({ first: true, again: false, running: false });
    // The cancelled item is delivered first, with ECANCELED, and never ran.
    expect(out.results[0]).toBe('ECANCELED');
    expect(out.results.filter((r) => r === null).length).toBe(n);
    expect(new Int32Array(victim)[2]).toBe(0);
    expect(new Int32Array(busy)[2]).toBe(n);
  });

  it('keeps no fd per loop once released', async () => {
    // Warm up: pool threads hold fds of their own for their lifetime.
    await queue(defaultLoop(), { module: fixture, fn: 'echo', args: [1] });
    const before = openFdCount();
    for (let i = 0; i < 10; i++) {
      const v = await onOwnLoop<unknown>((loop, finish) => {
        queueWork(loop, { module: fixture, fn: 'echo', args: [i] }, (err, result) => {
          expect(err).toBeNull();
          releaseThreadpool(loop);
          // The release completes in the closing phase, then the loop can close.
          setImmediate(() => {
            loop.run(RunMode.NOWAIT);
            loop.close();
            finish(result);
          });
        });
      });
      expect(v).toBe(i);
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
