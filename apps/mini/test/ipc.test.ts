/**
 * IPC between runtimes: a node parent forks a mini child (the launcher
 * keeps NODE_CHANNEL_FD from the host, the runtime opens the channel on
 * our loop), and a mini parent forks a node child, in both of Node's
 * serializations; each side echoes what it gets.
 */
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');
const dir = mkdtempSync(join(tmpdir(), 'mini-ipc-'));

const CHILD = join(dir, 'child.js');
writeFileSync(
  CHILD,
  `process.on('message', (m) => {
    if (m === 'bye') return process.disconnect();
    process.send({ echo: m, env: process.env.NODE_CHANNEL_FD === undefined });
  });`,
);

const PARENT = join(dir, 'parent.js');
writeFileSync(
  PARENT,
  `const { fork } = require('child_process');
  const child = fork(${JSON.stringify(CHILD)}, [], { execPath: process.argv[2], serialization: process.argv[3] });
  const got = [];
  child.on('message', (m) => { got.push(m); if (got.length === 2) child.send('bye'); });
  child.on('close', (code, signal) => console.log(JSON.stringify({ got, code, signal })));
  child.send({ n: 1, s: 'é' });
  child.send('x'.repeat(70000));`,
);

const EXPECTED = {
  got: [
    { echo: { n: 1, s: 'é' }, env: true },
    { echo: 'x'.repeat(70000), env: true },
  ],
  code: 0,
  signal: null,
};

describe.each(['json', 'advanced'] as const)('fork across runtimes, %s serialization', (serialization) => {
  it('a node parent and a mini child', async () => {
    // execArgv: the test runner's own flags are not the child's.
    const child = fork(CHILD, [], { execPath: MINI, execArgv: [], serialization });
    const got: unknown[] = [];
    const closed = new Promise<[number | null, string | null]>((done) => child.on('close', (code, signal) => done([code, signal])));
    child.on('message', (m) => {
      got.push(m);
      if (got.length === 2) child.send('bye');
    });
    child.send({ n: 1, s: 'é' });
    child.send('x'.repeat(70000));
    const [code, signal] = await closed;
    expect({ got, code, signal }).toEqual(EXPECTED);
  });

  it('a mini parent and a node child, and a mini parent and a mini child', () => {
    for (const childRuntime of [process.execPath, MINI]) {
      const r = spawnSync(MINI, [PARENT, childRuntime, serialization], { encoding: 'utf8', timeout: 30_000 });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
    }
  });
});
