/**
 * Handles passed over IPC (SCM_RIGHTS) in Node's protocol, with real node
 * processes on the other end: a node parent hands a mini child a listening
 * server, accepted connections and a UDP socket, and a mini parent hands
 * them to a node child; the answers come over real loopback connections
 * made from here. Then this process as the parent (our channel, our
 * net.Server) with node children, and the fd count it ends with.
 */
import { spawn as hostSpawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dgram, net } from '@mini/net';
import { openFdCount } from '@mini/sys';
import { fork, type ChildProcess } from '../src/child_process.js';

const MINI = resolve(__dirname, '../../../apps/mini/bin/mini');
const PARENT = join(__dirname, 'fixtures', 'handle-parent.js');
const CHILD = join(__dirname, 'fixtures', 'handle-child.js');

type Kind = 'server' | 'socket' | 'dgram';

interface Run {
  proc: ChildProcessWithoutNullStreams;
  port: number;
  finish(): Promise<string>;
}

/** Start `runtime handle-parent.js kind childRuntime` and wait for its port. */
function startParent(runtime: string, kind: Kind, childRuntime: string): Promise<Run> {
  const proc = hostSpawn(runtime, [PARENT, kind, childRuntime]);
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d));
  const exited = new Promise<string>((done) => proc.on('close', (code) => done(`${out}exit ${code}${err ? `\n${err}` : ''}`)));
  let announced = false;
  return new Promise((ready, fail) => {
    proc.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m !== null && !announced) {
        announced = true;
        ready({
          proc,
          port: Number(m[1]),
          finish: () => {
            proc.stdin.end('done\n');
            return exited;
          },
        });
      }
    });
    void exited.then((s) => fail(new Error(`parent ended before it was ready: ${s}`)));
  });
}

/** One TCP connection to `port`: everything the other side wrote before it ended. */
function ask(port: number): Promise<string> {
  return new Promise((done, fail) => {
    const c = connect(port, '127.0.0.1');
    let got = '';
    c.on('data', (d: Buffer) => (got += d));
    c.on('end', () => done(got));
    c.on('error', fail);
  });
}

/** One datagram to `port` and the reply. */
function askUdp(port: number, text: string): Promise<string> {
  return new Promise((done, fail) => {
    const s = createSocket('udp4');
    s.on('message', (msg) => {
      s.close();
      done(String(msg));
    });
    s.on('error', fail);
    s.send(text, port, '127.0.0.1');
  });
}

const pairs: [string, string, string, string][] = [
  ['a node parent', 'node', 'a mini child', MINI],
  ['a mini parent', MINI, 'a node child', 'node'],
];

for (const [parentName, parentRuntime, childName, childRuntime] of pairs) {
  const childAnswer = `${childRuntime === 'node' ? 'node' : 'mini'} child answers`;
  describe(`${parentName} with ${childName}`, () => {
    it('passes a listening server the child answers on', async () => {
      const run = await startParent(parentRuntime, 'server', childRuntime);
      const answers = [await ask(run.port), await ask(run.port), await ask(run.port)];
      expect(answers).toEqual([childAnswer, childAnswer, childAnswer]);
      expect(await run.finish()).toMatch(/child exit 0 null\nexit 0/);
    });

    it('hands each accepted connection to the child', async () => {
      const run = await startParent(parentRuntime, 'socket', childRuntime);
      const answers = await Promise.all([ask(run.port), ask(run.port), ask(run.port), ask(run.port)]);
      expect(answers).toEqual([childAnswer, childAnswer, childAnswer, childAnswer]);
      const out = await run.finish();
      // close() waited for the child to say its sockets are gone.
      expect(out).toContain('server closed');
      expect(out).toContain('child exit 0 null');
      expect(out).toMatch(/exit 0$/);
    });

    it('passes a UDP socket the child answers on', async () => {
      const run = await startParent(parentRuntime, 'dgram', childRuntime);
      const kind = childRuntime === 'node' ? 'node' : 'mini';
      expect(await askUdp(run.port, 'one')).toBe(`${kind} child got one`);
      expect(await askUdp(run.port, 'two')).toBe(`${kind} child got two`);
      expect(await run.finish()).toMatch(/child exit 0 null\nexit 0/);
    });
  });
}

/**
 * A child sends its own listening server up with process.send(message,
 * handle); the parent, on `runtime`, answers on it once the child is gone.
 */
function serverFromChild(runtime: string, childRuntime: string): Promise<string> {
  // The corpus' child for the same exchange (child_process/handle-from-child.js).
  const upChild = join(__dirname, '../../../apps/compare/corpus/child_process/fixtures/handle-up-child.js');
  const parent = `
    const child = require('child_process').fork(${JSON.stringify(upChild)}, [], { execPath: ${JSON.stringify(childRuntime)} });
    child.on('message', (m, server) => {
      server.on('connection', (s) => s.end('parent answers'));
      child.on('exit', (code) => console.log('child exit', code, 'port', m.port));
      process.stdin.once('data', () => server.close(() => console.log('closed')));
    });`;
  const proc = hostSpawn(runtime, ['-e', parent]);
  let out = '';
  return new Promise((done, fail) => {
    proc.stdout.on('data', async (d: Buffer) => {
      out += d;
      const m = /child exit 0 port (\d+)/.exec(out);
      if (m === null || out.includes('answer:')) return;
      out += `answer: ${await ask(Number(m[1]))}\n`;
      proc.stdin.end('x\n');
    });
    proc.on('close', (code) => done(`${out}exit ${code}`));
    proc.on('error', fail);
  });
}

describe('process.send(message, server) from the child', () => {
  it('reaches a node parent from a mini child, and a mini parent from a node child', async () => {
    for (const [parent, child] of [
      ['node', MINI],
      [MINI, 'node'],
    ] as const) {
      expect(await serverFromChild(parent, child)).toMatch(/child exit 0 port \d+\nanswer: parent answers\nclosed\nexit 0$/);
    }
  });
});

/** Until the child says it is ready (its first message). */
function firstMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((done) => child.once('message', done));
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.on('close', (code: number | null) => done(code)));
}

describe('this process as the parent, with node children', () => {
  it('sends a server, a connection and a UDP socket, and leaves the fd count unchanged', async () => {
    const cycle = async (): Promise<string[]> => {
      const child = fork(CHILD, [], { execArgv: [] });
      const answers: string[] = [];
      // A server: the child answers on our port once we stop accepting.
      const server = net.createServer();
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const port = (server.address() as { port: number }).port;
      child.send!('server', server);
      await firstMessage(child);
      await new Promise((done) => server.close(done));
      answers.push(await ask(port));
      // Connections accepted here, each handed over.
      const acceptor = net.createServer({ pauseOnConnect: true }, (s) => child.send!('socket', s));
      await new Promise<void>((done) => acceptor.listen(0, '127.0.0.1', done));
      answers.push(await ask((acceptor.address() as { port: number }).port));
      // A UDP socket.
      const udp = dgram.createSocket('udp4');
      await new Promise<void>((done) => udp.bind(0, '127.0.0.1', () => done()));
      const udpPort = udp.address().port;
      child.send!('dgram', udp);
      await firstMessage(child);
      udp.close();
      answers.push(await askUdp(udpPort, 'x'));
      const closedAcceptor = new Promise((done) => acceptor.close(done));
      child.send!('done');
      expect(await exited(child)).toBe(0);
      await closedAcceptor;
      return answers;
    };
    expect(await cycle()).toEqual(['node child answers', 'node child answers', 'node child got x']);
    const before = openFdCount();
    for (let i = 0; i < 5; i++) await cycle();
    expect(openFdCount()).toBe(before);
  });

  it('refuses what is not a handle, and sends a socket already given away as a plain message', async () => {
    const child = fork(CHILD, [], { execArgv: [] });
    expect(() => child.send!('x', {})).toThrow(expect.objectContaining({ code: 'ERR_INVALID_HANDLE_TYPE', name: 'TypeError' }));
    expect(() => child.send!('x', 'str')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_HANDLE_TYPE' }));
    const socket = new net.Socket();
    // No handle under it: the child gets the message without one ("if (socket)" in the docs).
    await new Promise<void>((done, fail) => child.send!('socket', socket, (err: Error | null) => (err ? fail(err) : done())));
    child.send!('done');
    expect(await exited(child)).toBe(0);
  });
});
