/**
 * Packages that live on async fs, unchanged (pinned in devDependencies), run
 * on mini as a new user would run them: fs-extra, glob, mkdirp, tar and
 * rimraf on a temporary tree; express.static serving files to real http
 * requests while winston's file transport logs. Each fixture's output must be
 * node's. The proof that the work ran on our fs: mini's host has every async
 * function of its own fs and fs/promises poisoned before mini boots, and the
 * same poison stops the fixtures on plain node.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');
const dir = mkdtempSync(join(tmpdir(), 'mini-fs-packages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every async function of the host's fs and fs/promises throws; classes and Sync ones stay.
const poison = join(dir, 'poison.cjs');
writeFileSync(
  poison,
  `const fs = require('fs');
  for (const name of Object.keys(fs)) {
    if (typeof fs[name] !== 'function' || name.endsWith('Sync') || /^[A-Z]/.test(name)) continue;
    fs[name] = () => { throw new Error('host fs.' + name + ' called'); };
  }
  for (const name of Object.keys(fs.promises)) {
    if (typeof fs.promises[name] === 'function') fs.promises[name] = () => { throw new Error('host fs.promises.' + name + ' called'); };
  }
  `,
);
const poisonedNode = join(dir, 'poisoned-node');
writeFileSync(poisonedNode, `#!/bin/sh\nexec "${process.execPath}" -r "${poison}" "$@"\n`);
chmodSync(poisonedNode, 0o755);

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(cmd: string, fixture: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, [join(__dirname, 'fixtures', fixture)], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ stdout, stderr, code: error === null ? 0 : typeof error.code === 'number' ? error.code : null }),
    );
  });
}

async function onBoth(fixture: string): Promise<{ ours: Run; theirs: Run; poisoned: Run }> {
  const [ours, theirs, poisoned] = await Promise.all([
    run(MINI, fixture, { MINI_HOST_NODE: poisonedNode }),
    run(process.execPath, fixture),
    run(poisonedNode, fixture),
  ]);
  return { ours, theirs, poisoned };
}

describe('packages on our fs', () => {
  it('fs-extra, glob, mkdirp, tar and rimraf build, pack, unpack and remove a tree as on node', async () => {
    const { ours, theirs, poisoned } = await onBoth('file-tools.js');
    expect(theirs.stdout).toContain("listed [ 'a/', 'a/b/', 'a/b/c/', 'a/b/c/x.txt', 'a/y.json' ]");
    expect(theirs.stdout).toContain('removed false');
    expect(poisoned.stdout).toContain('failed: host fs.');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.code).toBe(0);
  });

  it('express.static serves files, ranges and 304s, and winston logs them to a file, as on node', async () => {
    const { ours, theirs, poisoned } = await onBoth('express-static.js');
    expect(theirs.stdout).toContain('"status":206,"type":"application/octet-stream","range":"bytes 10-19/300000","length":10');
    expect(theirs.stdout).toContain('log lines 6');
    expect(poisoned.code).not.toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.code).toBe(0);
  });
});
