import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { inotifyWatches, tempDir, until } from './helpers.js';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');
const { dir, cleanup } = tempDir();
afterAll(cleanup);

it('chokidar 3 runs unchanged on mini, on inotify, while files are added, changed and removed', async () => {
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'a');
  writeFileSync(join(dir, 'sub', 'b.txt'), 'b');
  const child = spawn(MINI, [join(__dirname, 'fixtures', 'chokidar-tree.js'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  const lines = () => out.split('\n').filter((l) => l !== '');
  const expectLine = (line: string) => until(() => lines().includes(line), 10_000, `chokidar to print "${line}"`);

  await expectLine('ready false');
  expect(lines().sort()).toEqual(['add a.txt', 'add sub/b.txt', 'addDir .', 'addDir sub', 'ready false']);
  // One inotify fd (the loop's), holding a watch per folder and file chokidar watches: nothing polls.
  const atReady = inotifyWatches(child.pid!);
  expect(atReady.size).toBe(1);
  const watchesAtReady = [...atReady.values()][0]!;
  expect(watchesAtReady).toBeGreaterThanOrEqual(2);

  writeFileSync(join(dir, 'sub', 'c.txt'), 'c');
  await expectLine('add sub/c.txt');
  appendFileSync(join(dir, 'a.txt'), 'more');
  await expectLine('change a.txt');
  unlinkSync(join(dir, 'sub', 'b.txt'));
  await expectLine('unlink sub/b.txt');
  mkdirSync(join(dir, 'later'));
  await expectLine('addDir later');
  // chokidar reports the folder before it lists and watches it, so a file
  // written in between is seen by neither (on node too): write once the
  // folder made after the scan is watched, through inotify too.
  const watches = () => [...inotifyWatches(child.pid!).values()][0] ?? 0;
  await until(() => watches() > watchesAtReady, 10_000, 'a watch on the new folder');
  writeFileSync(join(dir, 'later', 'd.txt'), 'd');
  await expectLine('add later/d.txt');

  writeFileSync(join(dir, 'stop'), '');
  expect(await exited).toBe(0);
  expect(lines().slice(-2)).toEqual(['add stop', 'closed']);
});
