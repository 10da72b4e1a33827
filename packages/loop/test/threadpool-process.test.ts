import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const child = resolve(__dirname, 'fixtures', 'threadpool-child.cjs');

/** Run the fixture in a fresh node process; it must exit by itself, with code 0. */
function runChild(mode: string, env: Record<string, string | undefined> = {}): Record<string, unknown> {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const r = spawnSync(process.execPath, [child, mode], { env: childEnv, encoding: 'utf8', timeout: 15_000 });
  expect(r.signal, `${mode} did not exit by itself:\n${r.stderr}`).toBeNull();
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('thread pool in a process of its own', () => {
  it('starts no thread before its first use, then all of them at once, as libuv', () => {
    const out = runChild('idle', { UV_THREADPOOL_SIZE: undefined });
    expect(out.idleStarted).toBe(0);
    expect(out.idleTasks).toBe(out.before);
    expect(out.errno).toBe(0);
    expect(typeof out.tid).toBe('number');
    expect(out.started).toBe(4);
    expect(out.usedTasks).toBe((out.before as number) + 4);
  });

  it('honours UV_THREADPOOL_SIZE=2', () => {
    expect(runChild('size', { UV_THREADPOOL_SIZE: '2' })).toEqual({ size: 2, started: 2, maxRunning: 2, threads: 2, errno: 0 });
    expect(runChild('size', { UV_THREADPOOL_SIZE: undefined })).toEqual({ size: 4, started: 4, maxRunning: 4, threads: 4, errno: 0 });
  });

  it('lets the process exit once the last item is delivered, in both driving modes', () => {
    const bytes = readFileSync(child).length;
    for (const mode of ['exit-own', 'exit-host']) {
      expect(runChild(mode, { UV_THREADPOOL_SIZE: undefined })).toEqual({ errno: 0, bytes, started: 4, alive: false });
    }
  });
});
