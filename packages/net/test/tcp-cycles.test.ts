import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { net } from '../src/index.js';

const CYCLES = 100_000;
const IN_FLIGHT = 64;

describe('no descriptor leak', () => {
  it(`keeps the fd count after ${CYCLES} connect/close cycles`, async () => {
    const server = net.createServer((s) => {
      s.on('error', () => {});
      s.resume();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    // Warm up once so lazily opened fds (the accept reserve) are counted in the baseline.
    const warm = net.connect(port, '127.0.0.1');
    await once(warm, 'connect');
    warm.destroy();
    await once(warm, 'close');
    while (server._connections > 0) await new Promise((r) => setTimeout(r, 1));
    const before = openFdCount();

    let started = 0;
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      const next = () => {
        if (started >= CYCLES) return;
        started++;
        const c = net.connect(port, '127.0.0.1');
        c.on('error', reject);
        c.on('connect', () => c.destroy());
        c.on('close', () => {
          if (++done === CYCLES) resolve();
          else next();
        });
      };
      for (let i = 0; i < IN_FLIGHT; i++) next();
    });
    while (server._connections > 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => server.close(r));
    expect(openFdCount()).toBe(before - 1);
  }, 120_000);
});
