/**
 * The `ws` package, unchanged, running on mini: server and client, text,
 * binary and a 70 kB (fragmented by TCP) message, close handshake. The
 * output must be node's.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { MINI } from './helpers.js';

const script = resolve(__dirname, 'fixtures/ws-echo.js');

it('a ws echo server and client run on mini as on node', () => {
  const ours = spawnSync(MINI, [script], { encoding: 'utf8', timeout: 30_000 });
  const theirs = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
  expect(ours.stderr).toBe('');
  expect(theirs.stdout).toContain('close 1000 done');
  expect(ours.stdout).toBe(theirs.stdout);
  expect(ours.status).toBe(0);
});

it('wss:// with ws over our https and tls runs on mini as on node', () => {
  const secure = resolve(__dirname, 'fixtures/wss-echo.js');
  const ours = spawnSync(MINI, [secure], { encoding: 'utf8', timeout: 30_000 });
  const theirs = spawnSync(process.execPath, [secure], { encoding: 'utf8', timeout: 30_000 });
  expect(ours.stderr).toBe('');
  expect(theirs.stdout).toContain('hello over TLSv1.3');
  expect(theirs.stdout).toContain('close 1000 done');
  expect(ours.stdout).toBe(theirs.stdout);
  expect(ours.status).toBe(0);
});
