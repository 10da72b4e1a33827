import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLoop } from '@mini/loop';
import { openFdCount } from '@mini/sys';
import { inotifyOf } from '../src/index.js';
import { fs, inotifyWatches, sleep, tempDir, until } from './helpers.js';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');
const { dir, cleanup } = tempDir();
afterAll(cleanup);

type Event = [string, string | Buffer | null];

function record(target: string, options: object = {}): { events: Event[]; close: () => void } {
  const events: Event[] = [];
  const w = fs.watch(target, options, (eventType, filename) => events.push([eventType, filename]));
  return { events, close: () => w.close() };
}

/** Run `code` in a host node child and wait for it to exit. */
function hostNode(code: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: 'inherit' });
    child.on('exit', (status) => (status === 0 ? done() : fail(new Error(`child exited ${status}`))));
  });
}

describe('fs.watch', () => {
  it('reports a file created, changed and removed by another process as rename, change, rename', async () => {
    const sub = join(dir, 'peer');
    mkdirSync(sub);
    const { events, close } = record(sub);
    const file = join(sub, 'a.txt');
    await hostNode(`
      const fs = require('fs');
      fs.writeFileSync(${JSON.stringify(file)}, 'one');
      setTimeout(() => fs.appendFileSync(${JSON.stringify(file)}, 'two'), 30);
      setTimeout(() => fs.unlinkSync(${JSON.stringify(file)}), 60);`);
    await until(() => events.filter((e) => e[0] === 'rename').length >= 2, 5000, 'the removal');
    close();
    const kinds = events.map((e) => e.join(' '));
    expect(kinds[0]).toBe('rename a.txt');
    expect(kinds).toContain('change a.txt');
    expect(kinds.at(-1)).toBe('rename a.txt');
  });

  it('names the watched file itself for events on a file, and decodes names per encoding', async () => {
    const file = join(dir, 'é.txt');
    writeFileSync(file, '');
    const asBuffer = record(file, { encoding: 'buffer' });
    const asHex = record(file, { encoding: 'hex' });
    appendFileSync(file, 'x');
    await until(() => asBuffer.events.length > 0 && asHex.events.length > 0);
    asBuffer.close();
    asHex.close();
    expect(asBuffer.events[0]).toEqual(['change', Buffer.from('é.txt')]);
    expect(asHex.events[0]).toEqual(['change', Buffer.from('é.txt').toString('hex')]);
  });

  it('shares one watch descriptor between watchers of one path and removes it with the last', async () => {
    const file = join(dir, 'shared');
    writeFileSync(file, '');
    const a = record(file);
    const inotify = inotifyOf(defaultLoop());
    const before = inotifyWatches().get(inotify.fd)!;
    const b = record(file);
    expect(inotifyWatches().get(inotify.fd)).toBe(before);
    a.close();
    appendFileSync(file, 'x');
    await until(() => b.events.length > 0);
    expect(a.events).toEqual([]);
    b.close();
    expect(inotifyWatches().get(inotify.fd)).toBe(before - 1);
  });

  it('close() inside its own listener stops the rest of the batch and emits close once', async () => {
    const sub = join(dir, 'closing');
    mkdirSync(sub);
    const seen: string[] = [];
    const w = fs.watch(sub, (eventType, filename) => {
      seen.push(`${eventType} ${String(filename)}`);
      w.close();
      w.close();
    });
    let closes = 0;
    w.on('close', () => closes++);
    for (let i = 0; i < 5; i++) writeFileSync(join(sub, `f${i}`), 'x');
    await until(() => closes === 1);
    await sleep(30);
    expect(seen).toEqual(['rename f0']);
    expect(closes).toBe(1);
  });

  it('reports a watched folder removed as Node does (rename of its name, twice) and releases the wd', async () => {
    const sub = join(dir, 'doomed');
    mkdirSync(sub);
    const inotify = inotifyOf(defaultLoop());
    const before = inotifyWatches().get(inotify.fd) ?? 0;
    const { events, close } = record(sub);
    expect(inotifyWatches().get(inotify.fd)).toBe(before + 1);
    const watches = inotify.size;
    rmdirSync(sub);
    await until(() => events.length >= 2);
    expect(events).toEqual([
      ['rename', 'doomed'],
      ['rename', 'doomed'],
    ]);
    expect(inotify.size).toBe(watches - 1);
    expect(inotifyWatches().get(inotify.fd)).toBe(before);
    close();
    expect(inotify.size).toBe(watches - 1);
  });

  it('follows the inode: a watched file renamed reports rename, later writes to the new name still arrive', async () => {
    const file = join(dir, 'moving');
    writeFileSync(file, '');
    const { events, close } = record(file);
    renameSync(file, file + '2');
    appendFileSync(file + '2', 'x');
    await until(() => events.length >= 2);
    close();
    expect(events.slice(0, 2)).toEqual([
      ['rename', 'moving'],
      ['change', 'moving'],
    ]);
  });

  it('throws ENOENT as Node does for a missing path', () => {
    const missing = join(dir, 'missing');
    let err: (Error & { code?: string; errno?: number; syscall?: string; path?: string; filename?: string }) | undefined;
    try {
      fs.watch(missing);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err?.message).toBe(`ENOENT: no such file or directory, watch '${missing}'`);
    expect([err?.code, err?.errno, err?.syscall, err?.path, err?.filename]).toEqual(['ENOENT', -2, 'watch', missing, missing]);
  });

  it('10^4 watch/close cycles leave the fd count and the inotify watch count unchanged', async () => {
    const file = join(dir, 'cycles');
    writeFileSync(file, '');
    const inotify = inotifyOf(defaultLoop());
    await sleep(10);
    const fds = openFdCount();
    const watches = inotifyWatches().get(inotify.fd);
    for (let i = 0; i < 10_000; i++) fs.watch(i % 2 ? file : dir).close();
    await sleep(50);
    expect(openFdCount()).toBe(fds);
    expect(inotifyWatches().get(inotify.fd)).toBe(watches);
    expect(inotifyWatches().size).toBe(1);
  });

  it('warns once, naming the watched paths, when the kernel queue overflows', async () => {
    const sub = join(dir, 'flood');
    mkdirSync(sub);
    const { close } = record(sub);
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      // The loop cannot read while this runs: writes alternating between two
      // files (so the kernel never merges two) pass the queue's limit.
      const limit = Number(readFileSync('/proc/sys/fs/inotify/max_queued_events', 'utf8'));
      spawnSync(process.execPath, [
        '-e',
        `const fs = require('fs'); for (let i = 0; i < ${limit + 4000}; i++) fs.appendFileSync(${JSON.stringify(sub)} + '/' + (i % 2), 'x');`,
      ]);
      await until(() => warnings.length > 0, 5000, 'the overflow warning');
      await sleep(50);
    } finally {
      process.off('warning', onWarning);
      close();
    }
    expect(warnings).toHaveLength(1);
    expect((warnings[0] as Error & { code?: string }).code).toBe('MINI_INOTIFY_OVERFLOW');
    expect(warnings[0]!.message).toContain(sub);
  });

  it('recursive: a subfolder created later is watched too', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'a'), { recursive: true });
    const events: string[] = [];
    const w = fs.watch(root, { recursive: true }, (eventType, filename) => events.push(`${eventType} ${String(filename)}`));
    mkdirSync(join(root, 'a', 'later'));
    await until(() => events.includes(`rename ${join('a', 'later')}`));
    writeFileSync(join(root, 'a', 'later', 'deep.txt'), 'x');
    await until(() => events.includes(`rename ${join('a', 'later', 'deep.txt')}`));
    w.close();
  });

  it('persistent: false lets a process exit while it watches', () => {
    const r = spawnSync(MINI, ['-e', `require('fs').watch(${JSON.stringify(dir)}, { persistent: false }); console.log('armed')`], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect([r.status, r.stdout]).toEqual([0, 'armed\n']);
  });
});

/**
 * Start `bin` watching `folder` until the first 'change'; resolves with a
 * function that waits for it to exit and returns what it printed.
 */
async function watchInChild(bin: string, folder: string): Promise<() => Promise<[number | null, string]>> {
  const code = `const w = require('fs').watch(${JSON.stringify(folder)}, (e, f) => { console.log(e, f); if (e === 'change') w.close(); }); console.log('ready');`;
  const watcher = spawn(bin, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  watcher.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => watcher.on('exit', done));
  await until(() => out.includes('ready'), 10_000, `${bin} to start watching`);
  return async () => [await exited, out];
}

describe('between mini and host node', () => {
  it('mini watches while host node writes', async () => {
    const sub = join(dir, 'mini-watches');
    mkdirSync(sub);
    const finished = await watchInChild(MINI, sub);
    await hostNode(`require('fs').writeFileSync(${JSON.stringify(join(sub, 'from-node'))}, 'x')`);
    expect(await finished()).toEqual([0, 'ready\nrename from-node\nchange from-node\n']);
  });

  it('host node watches while mini writes', async () => {
    const sub = join(dir, 'node-watches');
    mkdirSync(sub);
    const finished = await watchInChild(process.execPath, sub);
    const w = spawnSync(MINI, [
      '-e',
      `require('fs').writeFile(${JSON.stringify(join(sub, 'from-mini'))}, 'x', (err) => { if (err) throw err; })`,
    ]);
    expect(w.status).toBe(0);
    expect(await finished()).toEqual([0, 'ready\nrename from-mini\nchange from-mini\n']);
  });
});

describe('fs.watchFile', () => {
  it('sees another process change the file: curr and prev as Stats, then unwatchFile stops the poll', async () => {
    const file = join(dir, 'polled');
    writeFileSync(file, 'one');
    const changes: [number, number][] = [];
    const listener = (curr: import('node:fs').Stats, prev: import('node:fs').Stats) => changes.push([curr.size, prev.size]);
    const watcher = fs.watchFile(file, { interval: 10 }, listener);
    let stopped = false;
    watcher.on('stop', () => (stopped = true));
    await sleep(50);
    await hostNode(`require('fs').appendFileSync(${JSON.stringify(file)}, '-two')`);
    await until(() => changes.length > 0, 5000, 'the poll to see the write');
    fs.unwatchFile(file, listener);
    await until(() => stopped);
    expect(changes).toEqual([[7, 3]]);
  });

  it('10^4 watchFile/unwatchFile cycles leave no handle, request or fd behind', async () => {
    const file = join(dir, 'polled-cycles');
    writeFileSync(file, '');
    const loop = defaultLoop();
    await sleep(20);
    const [handles, requests, fds] = [loop.activeHandles, loop.activeRequests, openFdCount()];
    const listener = () => {};
    for (let i = 0; i < 10_000; i++) {
      fs.watchFile(file, { interval: 5 }, listener);
      fs.unwatchFile(file, listener);
    }
    expect(loop.activeHandles).toBe(handles);
    // The stats already on the pool finish on their own.
    await until(() => loop.activeRequests === requests, 10_000, 'the stats in flight');
    expect(openFdCount()).toBe(fds);
  });
});
