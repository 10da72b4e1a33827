import { describe, expect, it } from 'vitest';
import { EFD_CLOEXEC, EFD_NONBLOCK, UV_EBUSY, UV_EINVAL, eventfd, nativeStatus, unistd, workBackend } from '../src/index.js';

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
