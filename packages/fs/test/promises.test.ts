import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { createFs } from '../src/index.js';

const fs = createFs() as unknown as typeof nodeFs;
const root = mkdtempSync(join(tmpdir(), 'mini-fs-promises-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** What a promise settles to, as a script would print it. */
async function settle(run: () => Promise<unknown>): Promise<string> {
  try {
    const v = await run();
    return JSON.stringify(['ok', v instanceof nodeFs.Stats ? v.size : v]);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return JSON.stringify(['err', String(e), e.code, e.errno, e.syscall, e.path]);
  }
}

function scene(side: string): string {
  const d = join(root, `${side}-${Math.random().toString(36).slice(2)}`);
  nodeFs.mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(join(d, 'file'), 'contents');
  return d;
}

describe('fs/promises against node', () => {
  it('settles every function as node’s does', async () => {
    const cases: [string, (d: string) => unknown[]][] = [
      ['readFile', (d) => [join(d, 'file'), 'utf8']],
      ['readFile', (d) => [join(d, 'missing')]],
      ['readFile', () => [42]],
      ['writeFile', (d) => [join(d, 'w'), 'data', { mode: 0o600 }]],
      ['writeFile', (d) => [join(d, 'sub'), 'data']],
      ['appendFile', (d) => [join(d, 'file'), '+']],
      ['stat', (d) => [join(d, 'file')]],
      ['lstat', (d) => [join(d, 'missing')]],
      ['access', (d) => [join(d, 'file'), 99]],
      ['mkdir', (d) => [join(d, 'a', 'b'), { recursive: true }]],
      ['mkdir', (d) => [join(d, 'sub')]],
      ['readdir', (d) => [d]],
      ['readdir', (d) => [d, { recursive: true }]],
      ['rm', (d) => [join(d, 'sub')]],
      ['rm', (d) => [join(d, 'sub'), { recursive: true }]],
      ['rmdir', (d) => [join(d, 'file')]],
      ['unlink', (d) => [join(d, 'missing')]],
      ['rename', (d) => [join(d, 'file'), join(d, 'moved')]],
      ['copyFile', (d) => [join(d, 'file'), join(d, 'file2')]],
      ['truncate', (d) => [join(d, 'file'), 3]],
      ['truncate', (d) => [join(d, 'sub')]],
      ['chmod', (d) => [join(d, 'file'), 'bad']],
      ['symlink', (d) => ['file', join(d, 'file')]],
      ['readlink', () => [5]],
      ['realpath', (d) => [join(d, 'sub', '..', 'file')]],
      ['cp', (d) => [join(d, 'sub'), join(d, 'copy')]],
      ['cp', (d) => [join(d, 'sub'), join(d, 'copy'), { recursive: true }]],
    ];
    for (const [name, args] of cases) {
      const dn = scene('node');
      const dm = scene('mini');
      const theirs = (await settle(() => (nodeFs.promises as unknown as Api)[name]!(...args(dn)))).split(dn).join('D');
      const ours = (await settle(() => (fs.promises as unknown as Api)[name]!(...args(dm)))).split(dm).join('D');
      expect(ours, name).toBe(theirs);
    }
  });

  it('FileHandle reads, writes and closes, and refuses once closed', async () => {
    const file = join(root, 'fh');
    const fh = await fs.promises.open(file, 'w+');
    expect((await fh.write('hello world')).bytesWritten).toBe(11);
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(5), 0, 5, 6);
    expect([bytesRead, buffer.toString()]).toEqual([5, 'world']);
    expect((await fh.stat()).size).toBe(11);
    await fh.truncate(5);
    expect(await fh.readFile('utf8')).toBe('');
    await fh.close();
    expect(fh.fd).toBe(-1);
    await expect(fh.stat()).rejects.toMatchObject({ code: 'EBADF', message: 'file closed', syscall: 'fstat' });
    expect(nodeFs.readFileSync(file, 'utf8')).toBe('hello');
  });

  it('10^3 FileHandle open/close cycles leave the fd count unchanged', async () => {
    const file = join(root, 'cycle');
    writeFileSync(file, 'x');
    const before = openFdCount();
    for (let i = 0; i < 1000; i++) {
      const fh = await fs.promises.open(file);
      await fh.read();
      await fh.close();
    }
    expect(openFdCount()).toBe(before);
  });
});
