import { spawnSync } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');

/** A fixture (test/fixtures) run on mini and on node, each to its end. */
export function both(fixture: string): { ours: ReturnType<typeof spawnSync>; theirs: ReturnType<typeof spawnSync> } {
  const script = resolve(__dirname, 'fixtures', fixture);
  const ours = spawnSync(MINI, [script], { encoding: 'utf8', timeout: 30_000 });
  const theirs = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
  return { ours, theirs };
}

/** Send `data` on a fresh connection; resolve with what came back when the peer closes or `ms` passes. */
export function exchange(port: number, data: string | Buffer, ms = 250): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write(data));
    let text = '';
    c.on('data', (d) => (text += d.toString('latin1')));
    c.on('error', () => {});
    const t = setTimeout(() => {
      c.destroy();
      resolve({ text, closed: false });
    }, ms);
    c.on('close', () => {
      clearTimeout(t);
      resolve({ text, closed: true });
    });
  });
}

export function portOf(server: { address(): unknown }): number {
  return (server.address() as AddressInfo).port;
}

export function listening<S extends { listen(...a: unknown[]): unknown; once(e: string, f: () => void): unknown }>(server: S): Promise<S> {
  return new Promise((resolve) => {
    server.once('listening', () => resolve(server));
    server.listen(0, '127.0.0.1');
  });
}

export function closed(server: { close(cb?: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export const normDate = (s: string): string => s.replace(/Date: [^\r]*/g, 'Date: <date>');
