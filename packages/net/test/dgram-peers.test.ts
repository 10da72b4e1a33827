import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteInfo } from 'node:dgram';
import { dgram } from '../src/index.js';
import { delay, host, once } from './dgram-helpers.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

/** A host node child running `source`; resolves with its first stdout line and a reader for the rest. */
async function nodeChild(
  source: string,
  args: string[] = [],
): Promise<{ child: ChildProcess; first: string; lines: AsyncIterableIterator<string> }> {
  const child = spawn(process.execPath, ['-e', source, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('child exited before reporting');
  return { child, first: first.value, lines };
}

const ECHO_SERVER = `
const dgram = require('dgram');
const type = process.argv[1];
const s = dgram.createSocket(type);
s.on('message', (m, r) => s.send(Buffer.concat([Buffer.from('echo:'), m]), r.port, r.address));
s.bind(0, type === 'udp4' ? '127.0.0.1' : '::1', () => console.log(s.address().port));
`;

const SENDER = `
const dgram = require('dgram');
const [type, addr, port, n] = process.argv.slice(1);
const s = dgram.createSocket(type);
let acked = 0;
s.on('message', (m) => { if (m.toString() === 'ack') { console.log('acked'); s.close(); } });
for (let i = 0; i < Number(n); i++) s.send('msg ' + i, Number(port), addr);
s.send('done', Number(port), addr);
`;

describe('dgram against node child processes', () => {
  for (const [type, addr] of [
    ['udp4', '127.0.0.1'],
    ['udp6', '::1'],
  ] as const) {
    it(`${type}: a node echo server answers our datagrams`, async () => {
      const { first } = await nodeChild(ECHO_SERVER, [type]);
      const port = Number(first);
      const s = dgram.createSocket(type);
      const replies: string[] = [];
      const done = new Promise<void>((resolve) => {
        s.on('message', (m: Buffer, r: RemoteInfo) => {
          expect(r.port).toBe(port);
          replies.push(m.toString());
          if (replies.length === 3) resolve();
        });
      });
      for (const word of ['a', 'bb', 'ccc']) s.send(word, port, addr);
      await done;
      expect(replies.sort()).toEqual(['echo:a', 'echo:bb', 'echo:ccc']);
      s.close();
    });

    it(`${type}: a node sender reaches us, and our reply reaches it`, async () => {
      const s = dgram.createSocket(type);
      s.bind(0, addr);
      await once(s, 'listening');
      const got: string[] = [];
      const finished = new Promise<RemoteInfo>((resolve) => {
        s.on('message', (m: Buffer, r: RemoteInfo) => {
          if (m.toString() === 'done') resolve(r);
          else got.push(m.toString());
        });
      });
      const child = spawn(process.execPath, ['-e', SENDER, type, addr, String(s.address().port), '20'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const peer = await finished;
      expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `msg ${i}`));
      s.send('ack', peer.port, peer.address);
      expect((await lines.next()).value).toBe('acked');
      s.close();
    });
  }
});

describe('dgram bulk and multicast', () => {
  it('10^4 datagrams of 100 B from node reach us on loopback (windowed; drops counted)', async () => {
    const N = 10_000;
    const WINDOW = 100;
    const s = dgram.createSocket('udp4');
    s.bind(0, '127.0.0.1');
    await once(s, 'listening');
    const peer = host.createSocket('udp4');
    peer.bind(0, '127.0.0.1');
    await once(peer, 'listening');
    const seen = new Uint8Array(N);
    let received = 0;
    let sent = 0;
    const payload = Buffer.alloc(100, 7);
    const burst = () => {
      const end = Math.min(N, sent + WINDOW);
      for (; sent < end; sent++) {
        const b = Buffer.from(payload);
        b.writeUInt32LE(sent, 0);
        peer.send(b, s.address().port, '127.0.0.1');
      }
    };
    const complete = new Promise<void>((resolve) => {
      s.on('message', (m: Buffer) => {
        expect(m.length).toBe(100);
        const i = m.readUInt32LE(0);
        if (!seen[i]) {
          seen[i] = 1;
          received++;
        }
        if (received === N) resolve();
        else if (received === sent) burst();
      });
    });
    burst();
    await Promise.race([complete, delay(20_000)]);
    // Drops would stall a window; say how many, rather than time out silently.
    expect({ received, dropped: N - received }).toEqual({ received: N, dropped: 0 });
    s.close();
    peer.close();
  });

  it('10^4 datagrams of 100 B from us reach node (windowed; drops counted)', async () => {
    const N = 10_000;
    const WINDOW = 100;
    const theirs = host.createSocket('udp4');
    theirs.bind(0, '127.0.0.1');
    await once(theirs, 'listening');
    const ours = dgram.createSocket('udp4');
    let received = 0;
    let sent = 0;
    const burst = () => {
      const end = Math.min(N, sent + WINDOW);
      for (; sent < end; sent++) ours.send(Buffer.alloc(100, sent & 0xff), theirs.address().port, '127.0.0.1');
    };
    const complete = new Promise<void>((resolve) => {
      theirs.on('message', () => {
        received++;
        if (received === N) resolve();
        else if (received === sent) burst();
      });
    });
    burst();
    await Promise.race([complete, delay(20_000)]);
    expect({ received, dropped: N - received }).toEqual({ received: N, dropped: 0 });
    ours.close();
    theirs.close();
  });

  it('multicast loopback on 127.0.0.1 / 224.0.0.114, to us and to node', async (ctx) => {
    const GROUP = '224.0.0.114';
    const ours = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    ours.bind(0);
    await once(ours, 'listening');
    try {
      ours.addMembership(GROUP, '127.0.0.1');
    } catch (err) {
      ours.close();
      ctx.skip(`the sandbox refuses IP_ADD_MEMBERSHIP on lo: ${(err as Error).message}`);
      return;
    }
    const theirs = host.createSocket({ type: 'udp4', reuseAddr: true });
    theirs.bind(0);
    await once(theirs, 'listening');
    theirs.addMembership(GROUP, '127.0.0.1');

    const sender = dgram.createSocket('udp4');
    sender.bind(0);
    await once(sender, 'listening');
    sender.setMulticastInterface('127.0.0.1');
    sender.setMulticastLoopback(true);
    sender.setMulticastTTL(1);

    const toUs = once<[Buffer, RemoteInfo]>(ours, 'message', 2000);
    sender.send('to the group', ours.address().port, GROUP);
    const toThem = once<[Buffer, RemoteInfo]>(theirs, 'message', 2000);
    sender.send('to node too', theirs.address().port, GROUP);
    const [[m1], [m2, r2]] = await Promise.all([toUs, toThem]);
    expect(m1.toString()).toBe('to the group');
    expect(m2.toString()).toBe('to node too');
    expect(r2.port).toBe(sender.address().port);

    // Node's sender, our receiver.
    const back = once<[Buffer]>(ours, 'message', 2000);
    theirs.setMulticastInterface('127.0.0.1');
    theirs.send('from node', ours.address().port, GROUP);
    expect((await back)[0].toString()).toBe('from node');

    ours.dropMembership(GROUP, '127.0.0.1');
    expect(() => ours.dropMembership(GROUP, '127.0.0.1')).toThrow(
      expect.objectContaining({ code: 'EADDRNOTAVAIL', message: 'dropMembership EADDRNOTAVAIL' }),
    );
    for (const s of [ours, theirs, sender]) s.close();
  });
});
