import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EFD_CLOEXEC, EFD_NONBLOCK, UV_EBUSY, UV_EINVAL, UV_ENOENT, eventfd, nativeStatus, unistd, workBackend } from '../src/index.js';

describe('libmini work backend', () => {
  it('is the native one here', () => {
    expect(nativeStatus()).toEqual({ kind: 'native' });
  });

  it('refuses what it cannot queue: at once outside a hold, from release() inside one', () => {
    const b = workBackend();
    const fd = eventfd.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const port = b.open(fd)!;
    expect(port).not.toBeNull();
    // No function has index 100000: the thread pool refuses it with EINVAL.
    expect(b.submit(port, 7, 100_000, 0, [1, 2])).toBe(UV_EINVAL);
    b.hold();
    expect(b.submit(port, 8, 100_000, 0, [null, new Uint8Array(16)])).toBe(0);
    expect(b.submit(port, 9, 100_000, 0, [])).toBe(0);
    expect(b.release()).toEqual([
      { port, slot: 8, errno: UV_EINVAL },
      { port, slot: 9, errno: UV_EINVAL },
    ]);
    // Nothing was queued, so the port has nothing in flight and closes.
    expect(b.close(port)).toBe(0);
    unistd.close(fd);
  });

  it('sends a held batch in one go and drains every completion', async () => {
    const b = workBackend();
    const fd = eventfd.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const port = b.open(fd)!;
    const probe = b.fn('mini_probe_sleep', 'int');
    const counters = new Int32Array(3);
    b.hold();
    for (let slot = 0; slot < 50; slot++) expect(b.submit(port, slot, probe, 0, [counters, 0, 0])).toBe(0);
    // Held: nothing has reached a thread yet.
    expect(counters[2]).toBe(0);
    expect(b.release()).toEqual([]);
    const out = new Uint8Array(16 * 64);
    const slots = new Set<number>();
    const deadline = Date.now() + 5000;
    while (slots.size < 50 && Date.now() < deadline) {
      const n = b.drain(port, out, 64);
      const w = new Uint32Array(out.buffer);
      for (let i = 0; i < n; i++) slots.add(w[i * 4]!);
      if (n === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect(slots.size).toBe(50);
    expect(counters[2]).toBe(50);
    expect(b.close(port)).toBe(0);
    // Busy while something is in flight.
    const busyPort = b.open(fd)!;
    expect(b.submit(busyPort, 0, probe, 0, [null, 100, 0])).toBe(0);
    expect(b.close(busyPort)).toBe(UV_EBUSY);
    while (b.drain(busyPort, out, 64) === 0) await new Promise((r) => setTimeout(r, 5));
    expect(b.close(busyPort)).toBe(0);
    unistd.close(fd);
  });
});

describe('without libmini', () => {
  it('warns once, says why, and runs requests inline instead of crashing', () => {
    // A copy of the built package without its native library, as a machine without a C compiler builds it.
    const root = mkdtempSync(join(tmpdir(), 'mini-nolib-'));
    cpSync(join(__dirname, '..', 'dist'), join(root, 'dist'), { recursive: true, filter: (src) => !src.includes(`${sep}native${sep}`) });
    mkdirSync(join(root, 'dist', 'native'), { recursive: true });
    writeFileSync(join(root, 'dist', 'native', 'unavailable.txt'), 'no C compiler could build libmini.so (cc: not found)\n');
    const child = `
      const sys = require(${JSON.stringify(join(root, 'dist', 'index.js'))});
      const b = sys.workBackend();
      const again = sys.workBackend();
      const fd = sys.eventfd.eventfd(0, sys.EFD_CLOEXEC | sys.EFD_NONBLOCK);
      const port = b.open(fd);
      const getpid = b.fn('getpid', 'int');
      const rc = b.submit(port, 3, getpid, 0, []);
      const out = new Uint8Array(64);
      const n = b.drain(port, out, 4);
      const w = new Int32Array(out.buffer);
      console.log(JSON.stringify({ status: sys.nativeStatus(), same: b === again, rc, n, slot: w[0], result: w[2], pid: process.pid, missing: b.fn('no_such_function_anywhere', 'int') }));
    `;
    const r = spawnSync(process.execPath, ['-e', child], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') },
    });
    rmSync(root, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ same: true, rc: 0, n: 1, slot: 3, missing: UV_ENOENT });
    expect(out.result).toBe(out.pid);
    expect(out.status).toEqual({ kind: 'inline', reason: 'no C compiler could build libmini.so (cc: not found)' });
    const warnings = r.stderr.split('\n').filter((l) => l.includes('MINI_NATIVE_POOL') || l.includes('native thread pool'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('no C compiler could build libmini.so');
  });
});
