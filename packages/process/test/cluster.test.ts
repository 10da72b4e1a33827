/**
 * node:cluster on mini with real peers: a 2-worker HTTP cluster loaded by
 * wrk and by host node's http client, in both scheduling modes. Each mode
 * is shown to be that mode from /proc: under round-robin only the primary
 * holds the listening socket (the workers get each connection's fd), under
 * 'none' every worker holds the primary's one listening socket. Then a
 * worker killed with SIGKILL under wrk: the primary sees its exit, the
 * other worker keeps answering and the primary is left with no accepted
 * connection of its own.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');
const FIXTURE = join(__dirname, 'fixtures', 'cluster-http.js');

interface Cluster {
  proc: ChildProcessWithoutNullStreams;
  port: number;
  primary: number;
  workers: number[];
  /** The next stdout line matching `re`, from now on or already seen since the last match. */
  line(re: RegExp): Promise<RegExpExecArray>;
  command(cmd: string): void;
  finish(): Promise<string>;
}

function startCluster(policy: 'rr' | 'none', workers = 2): Promise<Cluster> {
  const proc = spawn(MINI, [FIXTURE, String(workers)], { env: { ...process.env, NODE_CLUSTER_SCHED_POLICY: policy } });
  let out = '';
  let err = '';
  let seen = 0;
  const waiters: (() => void)[] = [];
  proc.stdout.on('data', (d: Buffer) => {
    out += d;
    for (const w of waiters.splice(0)) w();
  });
  proc.stderr.on('data', (d: Buffer) => (err += d));
  const closed = new Promise<string>((done) =>
    proc.on('close', (code, signal) => done(`${out}close ${code} ${signal}${err ? `\n${err}` : ''}`)),
  );
  const line = (re: RegExp): Promise<RegExpExecArray> =>
    new Promise((done, fail) => {
      const look = (): void => {
        const rest = out.slice(seen);
        const m = new RegExp(re.source, 'm').exec(rest);
        if (m !== null) {
          seen += m.index + m[0].length;
          done(m);
        } else if (proc.exitCode !== null || proc.signalCode !== null) {
          fail(new Error(`cluster ended: ${out}${err}`));
        } else {
          waiters.push(look);
        }
      };
      look();
    });
  void closed.then(() => {
    for (const w of waiters.splice(0)) w();
  });
  return line(/^ready (\d+) (\d+) ([\d ]+)$/).then((m) => ({
    proc,
    port: Number(m[1]),
    primary: Number(m[2]),
    workers: m[3]!.split(' ').map(Number),
    line,
    command: (cmd) => proc.stdin.write(`${cmd}\n`),
    finish: () => {
      proc.stdin.end('done\n');
      return closed;
    },
  }));
}

/** Inodes of the TCP sockets listening on `port` (/proc/net/tcp and tcp6, state 0A). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const local = cols[1]!;
      if (cols[3] === '0A' && parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** Inodes of every TCP socket (any state) on the host, so a process's TCP fds can be told from its Unix ones. */
function tcpInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      if (cols.length >= 10) inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** The socket inodes `pid` holds open, one per fd. */
function socketInodes(pid: number): string[] {
  const out: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const m = /^socket:\[(\d+)\]$/.exec(target);
    if (m !== null) out.push(m[1]!);
  }
  return out;
}

const fdCount = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

/**
 * wrk against the cluster: the requests it completed, and its non-2xx and
 * socket errors. `close`: a new connection for every request, so that the
 * primary is always handing connections out.
 */
function wrk(port: number, seconds: number, connections = 8, close = false): Promise<{ requests: number; output: string }> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, ...(close ? ['-H', 'Connection: close'] : []), `http://127.0.0.1:${port}/`];
  return new Promise((done, fail) => {
    execFile('wrk', args, (err, stdout) => {
      if (err !== null) {
        fail(err);
        return;
      }
      const m = /(\d+) requests in/.exec(stdout);
      if (m === null) fail(new Error(stdout));
      else done({ requests: Number(m[1]), output: stdout });
    });
  });
}

/** One request on a connection of its own from host node's http client: the body. */
function hello(port: number): Promise<string> {
  return new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => done(body));
    }).on('error', fail);
  });
}

async function counts(c: Cluster): Promise<Record<string, number>> {
  c.command('counts');
  const m = await c.line(/^counts (.*)$/);
  return JSON.parse(m[1]!) as Record<string, number>;
}

/** Two seconds of wrk: what each worker answered meanwhile, checked against what wrk saw answered. */
async function loadedBy(c: Cluster, connections: number): Promise<number[]> {
  const before = await counts(c);
  const run = await wrk(c.port, 2, connections);
  const after = await counts(c);
  const answered = Object.keys(after).map((id) => after[id]! - before[id]!);
  // wrk counts what it saw complete; the workers also count requests in flight when it stopped.
  expect(answered.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(run.requests);
  expect(run.requests).toBeGreaterThan(100);
  expect(run.output).not.toMatch(/Non-2xx/);
  return answered;
}

describe('cluster', () => {
  it('round-robin: the primary alone listens, hands each connection to a worker, and every worker answers wrk and node', async () => {
    const c = await startCluster('rr');
    try {
      const listening = listeningInodes(c.port);
      expect(listening.size).toBe(1);
      const [inode] = [...listening];
      expect(socketInodes(c.primary)).toContain(inode);
      for (const pid of c.workers) {
        for (const held of socketInodes(pid)) expect(listening.has(held)).toBe(false);
      }

      const bodies = await Promise.all(Array.from({ length: 8 }, () => hello(c.port)));
      expect(new Set(bodies)).toEqual(new Set(['worker 1', 'worker 2']));

      const answered = await loadedBy(c, 8);
      for (const n of answered) expect(n).toBeGreaterThan(0);
    } finally {
      const end = await c.finish();
      expect(end).toMatch(/disconnected\n/);
    }
  }, 60_000);

  it("'none': every worker listens on the primary's one socket and the workers together answer wrk", async () => {
    const c = await startCluster('none');
    try {
      const listening = listeningInodes(c.port);
      expect(listening.size).toBe(1);
      const [inode] = [...listening];
      expect(socketInodes(c.primary)).toContain(inode);
      for (const pid of c.workers) expect(socketInodes(pid)).toContain(inode);

      const bodies = await Promise.all(Array.from({ length: 4 }, () => hello(c.port)));
      for (const b of bodies) expect(b).toMatch(/^worker [12]$/);

      await loadedBy(c, 16);
    } finally {
      const end = await c.finish();
      expect(end).toMatch(/disconnected\n/);
    }
  }, 60_000);

  it.each(['rr', 'none'] as const)(
    '%s: a worker killed with SIGKILL under wrk: the primary sees it exit, the other keeps answering, the primary holds no connection',
    async (policy) => {
      const c = await startCluster(policy);
      try {
        const fdsBefore = fdCount(c.primary);
        // Connections closed after each request: some are on their way to the worker when it dies.
        const load = wrk(c.port, 3, 8, true);
        await new Promise((r) => setTimeout(r, 1000));
        process.kill(c.workers[0]!, 'SIGKILL');
        const exit = await c.line(/^exit (\d+) (\S+) (\S+)$/);
        expect(exit.slice(1)).toEqual(['1', 'null', 'SIGKILL']);
        await load;

        const bodies = await Promise.all(Array.from({ length: 6 }, () => hello(c.port)));
        expect(new Set(bodies)).toEqual(new Set(['worker 2']));
        const after = await counts(c);
        expect(Object.keys(after)).toEqual(['2']);
        const run = await wrk(c.port, 1);
        expect(run.requests).toBeGreaterThan(50);

        // Every connection the primary accepted went to a worker or was closed with the dead one.
        await new Promise((r) => setTimeout(r, 200));
        const tcp = tcpInodes();
        const listening = listeningInodes(c.port);
        const primaryTcp = socketInodes(c.primary).filter((i) => tcp.has(i));
        expect(primaryTcp.filter((i) => !listening.has(i))).toEqual([]);
        // The dead worker's channel and process handle are gone too: fewer fds than with two workers.
        expect(fdCount(c.primary)).toBeLessThan(fdsBefore);
      } finally {
        const end = await c.finish();
        expect(end).toMatch(/disconnected\n/);
      }
    },
    60_000,
  );
});
