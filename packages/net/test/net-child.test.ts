import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as hostNet from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { net } from '../src/index.js';

const echoFixture = resolve(__dirname, 'fixtures', 'net', 'echo-server.cjs');

/** The first JSON line a child prints. */
async function firstLine(child: ChildProcess): Promise<Record<string, unknown>> {
  const rl = createInterface({ input: child.stdout! });
  const [line] = (await once(rl, 'line')) as [string];
  return JSON.parse(line) as Record<string, unknown>;
}

function echoOnce(port: number, text: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const c = hostNet.connect(port, '127.0.0.1');
    let got = '';
    c.on('data', (d: Buffer) => (got += d));
    c.on('end', () => resolvePromise(got));
    c.on('error', reject);
    c.end(text);
  });
}

/** utime + stime of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

describe('real node processes as peers', () => {
  it('our client against a node echo server in a child process', async () => {
    const child = spawn(process.execPath, [
      '-e',
      "const s=require('net').createServer(c=>c.pipe(c)).listen(0,'127.0.0.1',()=>console.log(JSON.stringify({port:s.address().port})))",
    ]);
    try {
      const { port } = (await firstLine(child)) as { port: number };
      const c = net.connect(port, '127.0.0.1');
      let got = '';
      c.on('data', (d: Buffer) => (got += d));
      c.end('to a node child');
      await once(c, 'end');
      expect(got).toBe('to a node child');
    } finally {
      child.kill();
    }
  });

  it('a node client in a child process against our server', async () => {
    const server = net.createServer((s) => s.pipe(s));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as hostNet.AddressInfo).port;
    const child = spawn(process.execPath, [
      '-e',
      `const c=require('net').connect(${port},'127.0.0.1');let g='';c.on('data',d=>g+=d);c.on('end',()=>console.log(JSON.stringify({g})));c.end('from a node child')`,
    ]);
    const out = await firstLine(child);
    expect(out).toEqual({ g: 'from a node child' });
    await new Promise((r) => server.close(r));
  });

  it('a server out of descriptors sheds connections without spinning, then serves again', async () => {
    // The fixture loads the built package: an fd limit applies to a whole process.
    const child = spawn('sh', ['-c', `ulimit -n 64 && exec "${process.execPath}" "${echoFixture}"`]);
    try {
      const { port } = (await firstLine(child)) as { port: number };
      expect(await echoOnce(port, 'before')).toBe('before');
      const clients: hostNet.Socket[] = [];
      let shed = 0;
      const settled: Promise<unknown>[] = [];
      for (let i = 0; i < 120; i++) {
        const c = hostNet.connect(port, '127.0.0.1');
        c.on('error', () => {});
        // The server accepted and closed it at once: shed.
        c.on('end', () => shed++);
        c.resume();
        settled.push(once(c, 'connect').catch(() => undefined));
        clients.push(c);
      }
      await Promise.all(settled);
      // Wait for the server to work through its backlog, then look at its CPU use.
      await new Promise((r) => setTimeout(r, 200));
      const before = cpuTicks(child.pid!);
      await new Promise((r) => setTimeout(r, 500));
      const spent = cpuTicks(child.pid!) - before;
      // A spinning loop would burn the whole half second (50 ticks at 100 Hz).
      expect(spent).toBeLessThan(10);
      // 64 descriptors cannot hold 120 connections: some were shed.
      expect(shed).toBeGreaterThan(40);
      for (const c of clients) c.destroy();
      await new Promise((r) => setTimeout(r, 200));
      expect(await echoOnce(port, 'after')).toBe('after');
    } finally {
      child.kill();
    }
  });
});
