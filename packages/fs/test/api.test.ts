import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { createFs } from '../src/index.js';

const fs = createFs() as unknown as typeof nodeFs;
const root = mkdtempSync(join(tmpdir(), 'mini-fs-api-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Fn = (...args: unknown[]) => void;

/** Answer of a callback call: its arguments, errors reduced to what a script sees. */
function callback(f: Fn, args: unknown[]): Promise<unknown[]> {
  return new Promise((resolve) => {
    try {
      f(...args, (...got: unknown[]) => resolve(got.map(visible)));
    } catch (err) {
      resolve(['threw', visible(err)]);
    }
  });
}

function visible(v: unknown): unknown {
  if (v instanceof Error) {
    const e = v as NodeJS.ErrnoException & { dest?: string };
    return { cls: e.name, str: String(e), code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, dest: e.dest };
  }
  if (v instanceof nodeFs.Stats) return { size: v.size, mode: v.mode, isFile: v.isFile() };
  if (Array.isArray(v)) return v.map(visible);
  if (v instanceof nodeFs.Dirent) return { dirent: v.name, file: v.isFile(), dir: v.isDirectory(), link: v.isSymbolicLink(), path: v.path };
  return v;
}

/** A fresh folder with the same contents for each side. */
function scene(side: string): string {
  const d = join(root, `${side}-${Math.random().toString(36).slice(2)}`);
  nodeFs.mkdirSync(join(d, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(d, 'file.txt'), 'some text\n');
  writeFileSync(join(d, 'sub', 'inner.txt'), 'inner');
  nodeFs.symlinkSync('file.txt', join(d, 'link'));
  return d;
}

type Case = [string, (d: string) => unknown[]];

/** Each case runs on node's fs and ours, in a scene of its own, and must answer the same (paths shown relative). */
async function same(cases: Case[]): Promise<void> {
  for (const [name, args] of cases) {
    const dn = scene('node');
    const dm = scene('mini');
    const theirs = JSON.stringify(await callback((nodeFs as unknown as Record<string, Fn>)[name]!, args(dn)))
      .split(dn)
      .join('D');
    const ours = JSON.stringify(await callback((fs as unknown as Record<string, Fn>)[name]!, args(dm)))
      .split(dm)
      .join('D');
    expect(ours, `${name}`).toBe(theirs);
    const listing = (d: string) => JSON.stringify(nodeFs.readdirSync(d, { recursive: true }).sort());
    expect(listing(dm), `${name} leaves the same tree`).toBe(listing(dn));
  }
}

describe('callback API against node', () => {
  it('paths: success and failure answer as node', async () => {
    await same([
      ['readdir', (d) => [d]],
      ['readdir', (d) => [d, { withFileTypes: true }]],
      ['readdir', (d) => [d, 'buffer']],
      ['readdir', (d) => [d, { recursive: true }]],
      ['readdir', (d) => [join(d, 'file.txt')]],
      ['readdir', (d) => [join(d, 'missing')]],
      ['mkdir', (d) => [join(d, 'a', 'b', 'c'), { recursive: true }]],
      ['mkdir', (d) => [join(d, 'sub'), { recursive: true }]],
      ['mkdir', (d) => [join(d, 'file.txt'), { recursive: true }]],
      ['mkdir', (d) => [join(d, 'file.txt', 'x'), { recursive: true }]],
      ['mkdir', (d) => [join(d, 'a', 'b')]],
      ['mkdir', (d) => [join(d, 'sub')]],
      ['rmdir', (d) => [join(d, 'sub')]],
      ['rmdir', (d) => [join(d, 'sub', 'deeper')]],
      ['rm', (d) => [join(d, 'sub')]],
      ['rm', (d) => [join(d, 'sub'), { recursive: true }]],
      ['rm', (d) => [join(d, 'missing')]],
      ['rm', (d) => [join(d, 'missing'), { force: true }]],
      ['rm', (d) => [join(d, 'link')]],
      ['unlink', (d) => [join(d, 'sub')]],
      ['unlink', (d) => [join(d, 'link')]],
      ['rename', (d) => [join(d, 'file.txt'), join(d, 'moved')]],
      ['rename', (d) => [join(d, 'nope'), join(d, 'moved')]],
      ['rename', (d) => [join(d, 'file.txt'), join(d, 'sub')]],
      ['copyFile', (d) => [join(d, 'file.txt'), join(d, 'copy')]],
      ['copyFile', (d) => [join(d, 'file.txt'), join(d, 'link'), nodeFs.constants.COPYFILE_EXCL]],
      ['copyFile', (d) => [join(d, 'nope'), join(d, 'copy')]],
      ['link', (d) => [join(d, 'file.txt'), join(d, 'hard')]],
      ['link', (d) => [join(d, 'file.txt'), join(d, 'link')]],
      ['symlink', (d) => ['file.txt', join(d, 'link')]],
      ['symlink', (d) => ['x', join(d, 'l2'), 'wrong']],
      ['readlink', (d) => [join(d, 'link')]],
      ['readlink', (d) => [join(d, 'link'), 'buffer']],
      ['readlink', (d) => [join(d, 'file.txt')]],
      ['realpath', (d) => [join(d, 'sub', '..', 'link')]],
      ['realpath', (d) => [join(d, 'missing', 'x')]],
      ['access', (d) => [join(d, 'missing')]],
      ['access', (d) => [join(d, 'file.txt'), 99]],
      ['exists', (d) => [join(d, 'file.txt')]],
      ['exists', () => [{}]],
      ['chmod', (d) => [join(d, 'file.txt'), '644']],
      ['chmod', (d) => [join(d, 'file.txt'), 'rw']],
      ['chmod', (d) => [join(d, 'missing'), 0o644]],
      ['chown', (d) => [join(d, 'file.txt'), -1, -1]],
      ['chown', (d) => [join(d, 'file.txt'), 1.5, -1]],
      ['lchown', (d) => [join(d, 'missing'), -1, -1]],
      ['utimes', (d) => [join(d, 'file.txt'), new Date(0), '12345']],
      ['utimes', (d) => [join(d, 'missing'), 1, 1]],
      ['utimes', (d) => [join(d, 'file.txt'), 'soon', 1]],
      ['lutimes', (d) => [join(d, 'link'), 5, 5]],
      ['truncate', (d) => [join(d, 'file.txt'), 4]],
      ['truncate', (d) => [join(d, 'sub')]],
      ['truncate', (d) => [join(d, 'file.txt'), 'x']],
      ['writeFile', (d) => [join(d, 'new'), 'text', 'latin1']],
      ['writeFile', (d) => [join(d, 'new'), new Uint16Array([1, 2, 3]), { mode: 0o600 }]],
      ['writeFile', (d) => [join(d, 'file.txt'), 'x', { flag: 'wx' }]],
      ['writeFile', (d) => [join(d, 'sub'), 'x']],
      ['writeFile', (d) => [join(d, 'new'), 42]],
      ['appendFile', (d) => [join(d, 'file.txt'), 'more']],
      ['appendFile', (d) => [join(d, 'file.txt'), 'more', { flag: 'r' }]],
      ['mkdtemp', () => [{}]],
    ]);
  });

  it('descriptors: bad ones and bad arguments answer as node', async () => {
    await same([
      ['close', () => [123456]],
      ['close', () => ['1']],
      ['read', () => [123456, Buffer.alloc(4), 0, 4, null]],
      ['read', () => [0, Buffer.alloc(4), 0, 5, null]],
      ['read', () => [0, Buffer.alloc(4), -1, 1, null]],
      ['read', () => [0, Buffer.alloc(4), 0, 1, 'x']],
      ['read', () => [0, 'str', 0, 1, 0]],
      ['read', () => [0, Buffer.alloc(0), 0, 1, 0]],
      ['write', () => [123456, Buffer.from('x')]],
      ['write', () => [123456, 'text']],
      ['write', () => [1, Buffer.from('x'), 2]],
      ['write', () => [1, Buffer.from('x'), 0, 5]],
      ['write', () => [1, {}]],
      ['write', () => [1, 'abc', 0, 'hex']],
      ['writev', () => [123456, [Buffer.from('x')]]],
      ['writev', () => [1, 'x']],
      ['readv', () => [123456, [Buffer.alloc(1)]]],
      ['fsync', () => [123456]],
      ['fdatasync', () => [-1]],
      ['ftruncate', () => [123456, 0]],
      ['fchmod', () => [123456, 0o644]],
      ['fchown', () => [123456, -1, -2]],
      ['futimes', () => [123456, 1, 1]],
      ['open', (d) => [join(d, 'missing')]],
      ['open', (d) => [join(d, 'file.txt'), 'bogus']],
      ['open', (d) => [join(d, 'file.txt'), 'r', 'rw']],
      ['open', (d) => [join(d, 'sub'), 'w']],
    ]);
  });

  it('open, write, read, readv, writev and close on one file', async () => {
    const file = join(root, 'rw.bin');
    const fd = await new Promise<number>((res, rej) => fs.open(file, 'w+', (e, n) => (e ? rej(e) : res(n))));
    const w = await new Promise<number>((res) => fs.write(fd, Buffer.from('0123456789'), (_e, n) => res(n)));
    expect(w).toBe(10);
    const b1 = Buffer.alloc(4);
    const b2 = Buffer.alloc(8);
    const r = await new Promise<number>((res) => fs.readv(fd, [b1, b2], 2, (_e, n) => res(n)));
    expect([r, b1.toString(), b2.toString('latin1', 0, 4)]).toEqual([8, '2345', '6789']);
    const got = await new Promise<[number, Buffer]>((res) =>
      fs.read(fd, { buffer: Buffer.alloc(3), position: 7 }, (_e, n, b) => res([n, b])),
    );
    expect([got[0], got[1].toString()]).toEqual([3, '789']);
    await new Promise((res) => fs.close(fd, res));
    expect(nodeFs.readFileSync(file, 'utf8')).toBe('0123456789');
  });
});

describe('descriptors are never leaked', () => {
  it('10^4 open/close cycles leave the fd count unchanged', async () => {
    const file = join(root, 'cycle');
    writeFileSync(file, 'x');
    const before = openFdCount();
    for (let round = 0; round < 100; round++) {
      const batch: Promise<void>[] = [];
      for (let i = 0; i < 100; i++) {
        batch.push(new Promise((res, rej) => fs.open(file, 'r', (e, fd) => (e ? rej(e) : fs.close(fd, (e2) => (e2 ? rej(e2) : res()))))));
      }
      await Promise.all(batch);
    }
    expect(openFdCount()).toBe(before);
  });

  it('writeFile, appendFile and failing opens close what they open', async () => {
    const before = openFdCount();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      work.push(new Promise((res) => fs.writeFile(join(root, `w${i % 10}`), 'data', res)));
      work.push(new Promise((res) => fs.appendFile(join(root, `a${i % 10}`), 'data', res)));
      work.push(new Promise((res) => fs.truncate(join(root, 'missing', 'x'), res)));
      work.push(fs.promises.readFile(join(root, `w${i % 10}`)).catch(() => undefined));
    }
    await Promise.all(work);
    expect(openFdCount()).toBe(before);
  });
});

describe('modes checked natively', () => {
  it('access and copyFile word their mode errors as node’s C++ does', async () => {
    await same([
      ['access', (d) => [join(d, 'file.txt'), NaN]],
      ['access', (d) => [join(d, 'file.txt'), '1']],
      ['access', (d) => [join(d, 'file.txt'), -1]],
      ['copyFile', (d) => [join(d, 'file.txt'), join(d, 'c'), 8]],
      ['copyFile', (d) => [join(d, 'file.txt'), join(d, 'c'), 'x']],
    ]);
  });
});

describe('opendir', () => {
  it('lists every entry once and 10^3 open/close cycles leave the fd count unchanged', async () => {
    const d = scene('dir');
    for (let i = 0; i < 100; i++) writeFileSync(join(d, `n${i}`), '');
    const dirApi = fs as unknown as { opendir: (p: string, o: object, cb: (e: Error | null, d: nodeFs.Dir) => void) => void };
    const seen: string[] = [];
    const handle = await new Promise<nodeFs.Dir>((res, rej) => dirApi.opendir(d, { bufferSize: 7 }, (e, h) => (e ? rej(e) : res(h))));
    for await (const e of handle) seen.push(e.name);
    expect(seen.sort()).toEqual(nodeFs.readdirSync(d).sort());
    const before = openFdCount();
    for (let i = 0; i < 1000; i++) {
      const h = await fs.promises.opendir(d);
      await h.read();
      await h.close();
    }
    expect(openFdCount()).toBe(before);
  });
});

describe('readFile of a descriptor, as Node 20 has it', () => {
  it('drops a failed read or an abort after the fstat, and answers what was read', async () => {
    const aborted = AbortSignal.abort();
    await same([
      ['readFile', (d) => [nodeFs.openSync(join(d, 'file.txt'), 'r'), { signal: aborted }]],
      ['readFile', (d) => [nodeFs.openSync(join(d, 'new'), 'w')]],
      ['readFile', (d) => [nodeFs.openSync(join(d, 'sub'), 'r'), 'utf8']],
      ['readFile', (d) => [nodeFs.openSync(join(d, 'file.txt'), 'r'), 'utf8']],
      ['readFile', (d) => [join(d, 'file.txt'), { signal: aborted }]],
    ]);
  });
});
