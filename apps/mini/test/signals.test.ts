/**
 * Signals at a `mini` process, whose loop owns its thread (blocked in
 * epoll_wait most of the time) while the host's threads run beside it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');
const dir = mkdtempSync(join(tmpdir(), 'mini-signals-'));
const BURST = join(dir, 'burst.js');
writeFileSync(
  BURST,
  `let count = 0;
  process.on('SIGINT', () => count++);
  process.on('SIGUSR2', () => { console.log(count > 0 ? 'listener ran' : 'listener idle'); process.exit(0); });
  setInterval(() => {}, 1000);
  console.log('ready');`,
);
const PLAIN = join(dir, 'plain.js');
writeFileSync(PLAIN, `setInterval(() => {}, 1000); console.log('ready');`);

function startReady(script: string): Promise<{ child: ChildProcess; out: () => string }> {
  return new Promise((done, fail) => {
    const child = spawn(MINI, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      const first = out === '';
      out += d;
      if (first) done({ child, out: () => out });
    });
    child.on('error', fail);
  });
}

const closed = (child: ChildProcess): Promise<[number | null, string | null]> =>
  new Promise((done) => child.on('close', (code, signal) => done([code, signal])));

describe('signals at mini', () => {
  it('survives 300 SIGINTs from another process, 6 runs of 6, and gets the signal sent after them', async () => {
    for (let run = 0; run < 6; run++) {
      const { child, out } = await startReady(BURST);
      const end = closed(child);
      const sender = spawn('/bin/sh', ['-c', `i=0; while [ $i -lt 300 ]; do kill -INT ${child.pid} || exit 1; i=$((i+1)); done`]);
      expect(await closed(sender)).toEqual([0, null]);
      child.kill('SIGUSR2');
      expect(await end).toEqual([0, null]);
      expect(out()).toBe('ready\nlistener ran\n');
    }
  });

  it('dies by a signal nobody listens to: the parent sees (null, SIGTERM)', async () => {
    const { child } = await startReady(PLAIN);
    const end = closed(child);
    child.kill('SIGTERM');
    expect(await end).toEqual([null, 'SIGTERM']);
  });
});
