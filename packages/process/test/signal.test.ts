/**
 * Signals from real processes. The children run the built package (dist/)
 * on plain node, so the loop there is driven by the host: the case where
 * the host's other threads are most likely to receive a signal first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);

/** Start `script` and resolve once it printed 'ready'; collects its stdout. */
function startReady(script: string): Promise<{ child: ChildProcess; out: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      const first = out === '';
      out += d;
      if (first && out.startsWith('ready\n')) resolve({ child, out: () => out });
    });
    child.on('error', reject);
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
}

/** Run a shell command line to its end; resolves with its exit code. */
function sh(line: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const c = spawn('/bin/sh', ['-c', line], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    c.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    c.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('Signal on signalfd', () => {
  it('survives 300 SIGINTs from another process, 6 runs of 6, and gets the signal sent after them', async () => {
    for (let run = 0; run < 6; run++) {
      const { child, out } = await startReady(fixture('signal-burst.js'));
      const done = exited(child);
      // The burst comes from a separate process, all of it before the last signal is sent.
      const sender = await sh(`i=0; while [ $i -lt 300 ]; do kill -INT ${child.pid} || exit 1; i=$((i+1)); done`);
      expect(sender.code).toBe(0);
      child.kill('SIGUSR2');
      expect(await done).toEqual({ code: 0, signal: null });
      expect(out()).toBe('ready\nsurvived listener-ran\n');
    }
  });

  it('without a listener the default action kills: the parent sees (null, SIGTERM), a shell 143', async () => {
    const { child } = await startReady(fixture('signal-default.js'));
    const done = exited(child);
    child.kill('SIGTERM');
    expect(await done).toEqual({ code: null, signal: 'SIGTERM' });

    const r = await sh(
      `${process.execPath} ${fixture('signal-default.js')} > /dev/null & p=$!; sleep 0.3; kill -TERM $p; wait $p; echo $?`,
    );
    expect(r.stdout.trim()).toBe('143');
  });
});
