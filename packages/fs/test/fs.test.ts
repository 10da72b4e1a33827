import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { createFs } from '../src/index.js';

const fs = createFs() as unknown as typeof nodeFs;
const dir = mkdtempSync(join(tmpdir(), 'mini-fs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = join(dir, 'small.txt');
writeFileSync(small, 'hello, pool\n');
const big = join(dir, 'big.bin');
const bigData = Buffer.alloc(3 * 512 * 1024 + 12345);
for (let i = 0; i < bigData.length; i++) bigData[i] = (i * 31) & 0xff;
writeFileSync(big, bigData);
const empty = join(dir, 'empty');
writeFileSync(empty, '');
const link = join(dir, 'link');
symlinkSync(small, link);

type Outcome<T> = { err: NodeJS.ErrnoException | null; value: T | undefined };

/** Call an fs function in callback style and collect what it answers. */
function call<T>(f: (...args: never[]) => void, ...args: unknown[]): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    (f as (...a: unknown[]) => void)(...args, (err: NodeJS.ErrnoException | null, value?: T) => resolve({ err, value }));
  });
}

/** The fields of an error a script can see. */
function shape(err: unknown): Record<string, unknown> {
  const e = err as NodeJS.ErrnoException;
  return { name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, cls: e.constructor.name };
}

/** What a synchronous throw looks like, or 'no throw'. */
function thrown(fn: () => unknown): Record<string, unknown> | string {
  try {
    fn();
  } catch (err) {
    return { ...shape(err), str: String(err) };
  }
  return 'no throw';
}

describe('fs on our pool', () => {
  it('stat, lstat and fstat give what node gives, field for field', async () => {
    for (const path of [small, big, dir, link, '/dev/null', '/proc/self/status']) {
      const ours = await call<nodeFs.Stats>(fs.stat, path);
      const theirs = await call<nodeFs.Stats>(nodeFs.stat, path);
      expect(ours.err).toBeNull();
      expect(ours.value).toBeInstanceOf(nodeFs.Stats);
      const skip = path.startsWith('/proc')
        ? ['atimeMs', 'mtimeMs', 'ctimeMs', 'atime', 'mtime', 'ctime', 'birthtimeMs', 'birthtime']
        : ['atimeMs', 'atime'];
      const fields = (s: nodeFs.Stats) => Object.fromEntries(Object.entries(s).filter(([k]) => !skip.includes(k)));
      expect(fields(ours.value!)).toEqual(fields(theirs.value!));
      expect(ours.value!.isDirectory()).toBe(theirs.value!.isDirectory());
    }
    const ol = await call<nodeFs.Stats>(fs.lstat, link);
    const tl = await call<nodeFs.Stats>(nodeFs.lstat, link);
    expect(ol.value!.isSymbolicLink()).toBe(true);
    expect({ ...ol.value }).toEqual({ ...tl.value });
    const fd = nodeFs.openSync(big, 'r');
    const of = await call<nodeFs.Stats>(fs.fstat, fd);
    const tf = await call<nodeFs.Stats>(nodeFs.fstat, fd);
    nodeFs.closeSync(fd);
    expect({ ...of.value, atime: 0, atimeMs: 0 }).toEqual({ ...tf.value, atime: 0, atimeMs: 0 });
  });

  it('{ bigint: true } gives BigIntStats equal to node’s', async () => {
    for (const [fn, target] of [
      ['stat', big],
      ['lstat', link],
      ['stat', dir],
    ] as const) {
      const ours = await call<nodeFs.BigIntStats>(fs[fn], target, { bigint: true });
      const theirs = await call<nodeFs.BigIntStats>(nodeFs[fn], target, { bigint: true });
      expect(ours.err).toBeNull();
      expect(ours.value!.constructor).toBe(theirs.value!.constructor);
      const strip = (x: nodeFs.BigIntStats) => ({ ...x, atimeMs: 0, atimeNs: 0, atime: 0 });
      expect(strip(ours.value!)).toEqual(strip(theirs.value!));
      expect(typeof ours.value!.mtimeNs).toBe('bigint');
    }
    const fd = nodeFs.openSync(small, 'r');
    const of = await call<nodeFs.BigIntStats>(fs.fstat, fd, { bigint: true });
    expect(of.value!.size).toBe(BigInt(nodeFs.statSync(small).size));
    nodeFs.closeSync(fd);
    expect((await fs.promises.stat(big, { bigint: true })).size).toBe(BigInt(bigData.length));
  });

  it("fails with node's errors: code, errno, syscall, path and message", async () => {
    const missing = join(dir, 'no', 'such');
    const cases: [string, unknown[]][] = [
      ['stat', [missing]],
      ['lstat', [missing]],
      ['stat', [join(small, 'child')]],
      ['fstat', [987654]],
      ['readFile', [missing]],
      ['readFile', [dir]],
      ['readFile', [missing, 'utf8']],
    ];
    for (const [name, args] of cases) {
      const ours = await call(fs[name as 'stat'], ...args);
      const theirs = await call(nodeFs[name as 'stat'], ...args);
      expect(theirs.err, `${name}(${String(args)}) fails on node`).not.toBeNull();
      expect(shape(ours.err), `${name}(${String(args)})`).toEqual(shape(theirs.err));
    }
  });

  it('readFile of a closed descriptor fails with EBADF from fstat', async () => {
    // Node 20 answers this one with a TypeError about Buffer.concat's "list"
    // (its read context concatenates no chunks after the failed fstat): the
    // system error is what the call means, so that is what we report.
    const { err } = await call(fs.readFile, 987654);
    expect(shape(err)).toMatchObject({ code: 'EBADF', errno: -9, syscall: 'fstat', message: 'EBADF: bad file descriptor, fstat' });
  });

  it('readFile reads small, multi-chunk, empty, unknown-size files and descriptors', async () => {
    expect((await call<Buffer>(fs.readFile, small)).value).toEqual(Buffer.from('hello, pool\n'));
    expect((await call<string>(fs.readFile, small, 'utf8')).value).toBe('hello, pool\n');
    expect((await call<string>(fs.readFile, small, { encoding: 'base64' })).value).toBe(Buffer.from('hello, pool\n').toString('base64'));
    expect((await call<string>(fs.readFile, pathToFileURL(small), { encoding: 'latin1', flag: 'r' })).value).toBe('hello, pool\n');
    expect((await call<string>(fs.readFile, Buffer.from(small))).value).toEqual(Buffer.from('hello, pool\n'));
    const b = await call<Buffer>(fs.readFile, big);
    expect(b.err).toBeNull();
    expect(Buffer.compare(b.value!, bigData)).toBe(0);
    expect((await call<Buffer>(fs.readFile, empty)).value!.length).toBe(0);
    const proc = await call<string>(fs.readFile, '/proc/self/status', 'utf8');
    expect(proc.value).toMatch(/^Name:/);
    const fd = nodeFs.openSync(small, 'r');
    nodeFs.readSync(fd, Buffer.alloc(7), 0, 7, null);
    // From the descriptor's position, and the descriptor stays open.
    expect((await call<string>(fs.readFile, fd, 'utf8')).value).toBe('pool\n');
    expect(nodeFs.fstatSync(fd).isFile()).toBe(true);
    nodeFs.closeSync(fd);
  });

  it('readFile with a flag that creates the file, as node', async () => {
    const fresh = join(dir, 'created-by-a+');
    const ours = await call<Buffer>(fs.readFile, fresh, { flag: 'a+' });
    expect(ours.err).toBeNull();
    expect(ours.value!.length).toBe(0);
    expect(nodeFs.existsSync(fresh)).toBe(true);
  });

  it('refuses bad arguments synchronously with node’s errors', () => {
    const cb = () => {};
    const cases: [string, unknown[]][] = [
      ['readFile', [small]],
      ['readFile', [42.5, cb]],
      ['readFile', [{}, cb]],
      ['readFile', ['a\u0000b', cb]],
      ['readFile', [small, 'no-such-encoding', cb]],
      ['readFile', [small, 42, cb]],
      ['readFile', [small, { flag: 'q' }, cb]],
      ['readFile', [small, { signal: 1 }, cb]],
      ['readFile', [new URL('http://x/y'), cb]],
      ['stat', [small]],
      ['stat', [undefined, cb]],
      ['stat', [Buffer.from('a\u0000b'), cb]],
      ['lstat', [null, cb]],
      ['fstat', ['1', cb]],
      ['fstat', [-1, cb]],
      ['fstat', [1.5, cb]],
    ];
    for (const [name, args] of cases) {
      const ours = thrown(() => (fs[name as 'stat'] as (...a: unknown[]) => void)(...args));
      const theirs = thrown(() => (nodeFs[name as 'stat'] as (...a: unknown[]) => void)(...args));
      expect(theirs, `${name} throws on node`).not.toBe('no throw');
      expect(ours, `${name}(${args.map(String).join(', ')})`).toEqual(theirs);
    }
  });

  it('readFile with an aborted signal ends with an AbortError', async () => {
    const ac = new AbortController();
    ac.abort();
    const ours = await call(fs.readFile, small, { signal: ac.signal });
    const theirs = await call(nodeFs.readFile, small, { signal: ac.signal });
    expect(shape(ours.err)).toEqual(shape(theirs.err));
    expect((ours.err as Error & { cause: unknown }).cause).toBe(ac.signal.reason);
  });

  it('fs.promises.readFile, stat and lstat resolve and reject as node’s', async () => {
    expect(await fs.promises.readFile(small, 'utf8')).toBe('hello, pool\n');
    expect(Buffer.compare(await fs.promises.readFile(big), bigData)).toBe(0);
    expect((await fs.promises.stat(big)).size).toBe(bigData.length);
    expect((await fs.promises.lstat(link)).isSymbolicLink()).toBe(true);
    const missing = join(dir, 'gone');
    const ours = await fs.promises.readFile(missing).catch((e: unknown) => e);
    const theirs = await nodeFs.promises.readFile(missing).catch((e: unknown) => e);
    expect(shape(ours)).toEqual(shape(theirs));
    const badOurs = await fs.promises.stat(7 as unknown as string).catch((e: unknown) => e);
    const badTheirs = await nodeFs.promises.stat(7 as unknown as string).catch((e: unknown) => e);
    expect(shape(badOurs)).toEqual(shape(badTheirs));
  });

  it('names what is not ours yet instead of running it on the host', () => {
    expect(() => (fs as unknown as { openAsBlob: (p: string) => unknown }).openAsBlob(small)).toThrow(
      expect.objectContaining({ code: 'ERR_MINI_NOT_IMPLEMENTED' }),
    );
    expect(fs.readFileSync(small, 'utf8')).toBe('hello, pool\n');
  });

  it('leaves no descriptor open after 2000 reads, stats and failures', async () => {
    await call(fs.readFile, small);
    const before = openFdCount();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 500; i++) {
      work.push(call(fs.readFile, small), call(fs.readFile, dir), call(fs.stat, big), call(fs.readFile, join(dir, 'missing')));
    }
    await Promise.all(work);
    expect(openFdCount()).toBe(before);
  });
});
