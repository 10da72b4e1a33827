/**
 * child_process on our handles, with real children: the order of events,
 * failures to start, stdin from a pipe, a flood read slowly, and no fd or
 * zombie left behind after a thousand children.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { exec, spawn, spawnSync, type ChildProcess } from '../src/child_process.js';

function closed(child: ChildProcess): Promise<[number | null, string | null]> {
  return new Promise((resolve) => child.on('close', (code: number | null, signal: string | null) => resolve([code, signal])));
}

/** Children of this process still known to the kernel (running or zombie). */
function childPids(): string[] {
  const out: string[] = [];
  for (const tid of readdirSync('/proc/self/task')) {
    const list = readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim();
    if (list !== '') out.push(...list.split(' '));
  }
  return out;
}

describe('spawn', () => {
  it('emits spawn, exit, close in order, with stdout read to its end first', async () => {
    const events: string[] = [];
    const child = spawn('sh', ['-c', 'read x; echo "got $x"; exit 3']);
    child.on('spawn', () => events.push('spawn'));
    child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    child.stdout!.on('data', (d: Buffer) => events.push(`data ${d.toString().trim()}`));
    child.stdout!.on('end', () => events.push('end'));
    child.stdin!.end('hello\n');
    expect(await closed(child)).toEqual([3, null]);
    expect(events[0]).toBe('spawn');
    expect(events).toContain('data got hello');
    expect(events.indexOf('end')).toBeGreaterThan(events.indexOf('data got hello'));
    expect(events).toContain('exit 3 null');
    expect([child.exitCode, child.signalCode, child.spawnfile, child.spawnargs]).toEqual([
      3,
      null,
      'sh',
      ['sh', '-c', 'read x; echo "got $x"; exit 3'],
    ]);
  });

  it('reports a missing program through error (ENOENT, spawn x, path, spawnargs) and no exit', async () => {
    const child = spawn('no-such-program-here', ['a', 'b']);
    const events: string[] = [];
    child.on('exit', () => events.push('exit'));
    const done = closed(child);
    const err = await new Promise<NodeJS.ErrnoException & { spawnargs?: string[] }>((resolve) => child.on('error', resolve));
    expect([err.code, err.errno, err.syscall, err.path, err.spawnargs, err.message]).toEqual([
      'ENOENT',
      -2,
      'spawn no-such-program-here',
      'no-such-program-here',
      ['a', 'b'],
      'spawn no-such-program-here ENOENT',
    ]);
    expect(await done).toEqual([-2, null]);
    expect(events).toEqual([]);
    expect(child.pid).toBeUndefined();
  });

  it('kills by signal: exit (null, SIGTERM), killed set', async () => {
    const child = spawn('sleep', ['30']);
    await new Promise((resolve) => child.on('spawn', resolve));
    expect(child.kill()).toBe(true);
    expect(await closed(child)).toEqual([null, 'SIGTERM']);
    expect(child.killed).toBe(true);
  });

  it('loses nothing of a flood read slowly', async () => {
    const size = 8 * 1024 * 1024;
    const child = spawn(process.execPath, [
      '-e',
      `const b = Buffer.alloc(${size}); for (let i = 0; i < b.length; i++) b[i] = i % 251; process.stdout.write(b);`,
    ]);
    const hash = createHash('sha256');
    let got = 0;
    child.stdout!.on('data', (d: Buffer) => {
      hash.update(d);
      got += d.length;
      // A slow reader: the child blocks on a full socket buffer meanwhile.
      child.stdout!.pause();
      setTimeout(() => child.stdout!.resume(), 1);
    });
    expect(await closed(child)).toEqual([0, null]);
    const expected = Buffer.alloc(size);
    for (let i = 0; i < size; i++) expected[i] = i % 251;
    expect(got).toBe(size);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('leaves the fd count unchanged and no zombie after 1000 spawn/close cycles', async () => {
    // Warm up: the first spawn opens libmini and the loop's own fds.
    await closed(spawn('true'));
    const before = openFdCount();
    for (let i = 0; i < 1000; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => closed(spawn('sh', ['-c', `exit ${(i + j) % 3}`], { stdio: j % 2 ? 'ignore' : 'pipe' }))),
      );
    }
    expect(openFdCount()).toBe(before);
    expect(childPids()).toEqual([]);
  });
});

describe('exec', () => {
  it('fails with Command failed, code, cmd, stdout and stderr', async () => {
    type ExecError = Error & { code?: unknown; cmd?: string; killed?: boolean };
    type Outcome = { err: ExecError | null; stdout: unknown; stderr: unknown };
    const r = await new Promise<Outcome>((resolve) =>
      exec('echo out; echo err >&2; exit 4', (err: ExecError | null, stdout: unknown, stderr: unknown) => resolve({ err, stdout, stderr })),
    );
    expect([r.err?.message, r.err?.code, r.err?.killed, r.err?.cmd, r.stdout, r.stderr]).toEqual([
      'Command failed: echo out; echo err >&2; exit 4\nerr\n',
      4,
      false,
      'echo out; echo err >&2; exit 4',
      'out\n',
      'err\n',
    ]);
  });
});

describe('spawnSync', () => {
  it('runs the child on its own loop: input, output, status, signal', () => {
    const r = spawnSync('sh', ['-c', 'cat; echo e >&2; exit 2'], { input: 'piped in\n' });
    expect([r.status, r.signal, String(r.stdout), String(r.stderr), r.output?.[0]]).toEqual([2, null, 'piped in\n', 'e\n', null]);
    expect(spawnSync('sh', ['-c', 'kill -9 $$']).signal).toBe('SIGKILL');
    const t = spawnSync('sleep', ['10'], { timeout: 50 });
    expect([t.signal, (t.error as NodeJS.ErrnoException).code]).toEqual(['SIGTERM', 'ETIMEDOUT']);
    expect(childPids()).toEqual([]);
  });

  it('returns at the timeout even when a grandchild still holds the pipes', () => {
    const r = spawnSync('sh', ['-c', 'sleep 30 & echo $!; wait'], { timeout: 200, encoding: 'utf8' });
    expect([r.signal, (r.error as NodeJS.ErrnoException).code]).toEqual(['SIGTERM', 'ETIMEDOUT']);
    const grandchild = Number(String(r.stdout).trim());
    if (grandchild > 0) process.kill(grandchild, 'SIGKILL');
  });
});

describe('uid and gid', () => {
  it('run the child as nobody when root, and fail with EPERM when not', () => {
    const nobody = 65534;
    if (process.getuid!() === 0) {
      const r = spawnSync('sh', ['-c', 'id -u; id -g'], { uid: nobody, gid: nobody, encoding: 'utf8' });
      expect([r.status, r.stdout]).toEqual([0, `${nobody}\n${nobody}\n`]);
      // The same package, not root: asking for root's uid is refused.
      const script = `const { spawnSync } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'child_process.js'))});
        const r = spawnSync('true', [], { uid: 0 });
        console.log(r.error.code, r.error.syscall);`;
      const asNobody = spawnSync(process.execPath, ['-e', script], { uid: nobody, gid: nobody, encoding: 'utf8' });
      expect(asNobody.stdout).toBe('EPERM spawnSync true\n');
    } else {
      const r = spawnSync('true', [], { uid: 0 });
      expect((r.error as NodeJS.ErrnoException).code).toBe('EPERM');
    }
  });
});
