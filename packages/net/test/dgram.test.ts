import { describe, expect, it } from 'vitest';
import type { RemoteInfo } from 'node:dgram';
import { openFdCount } from '@mini/sys';
import { dgram } from '../src/index.js';
import { attempt, delay, errorShape, host, mini, once, type DgramModule } from './dgram-helpers.js';

type Rinfo = RemoteInfo;

describe('dgram send and receive', () => {
  it('udp4: a datagram arrives with Node-shaped rinfo and a buffer of its own size', async () => {
    const a = dgram.createSocket('udp4');
    const b = dgram.createSocket('udp4');
    a.bind(0, '127.0.0.1');
    await once(a, 'listening');
    const port = a.address().port;
    const got = once<[Buffer, Rinfo]>(a, 'message');
    const sent = new Promise<[Error | null, number]>((resolve) => b.send('hello', port, '127.0.0.1', (err, n) => resolve([err, n!])));
    const [msg, rinfo] = await got;
    expect(await sent).toEqual([null, 5]);
    expect(msg.toString()).toBe('hello');
    expect(msg.buffer.byteLength).toBe(5);
    expect(Object.keys(rinfo)).toEqual(['address', 'family', 'port', 'size']);
    expect(rinfo).toEqual({ address: '127.0.0.1', family: 'IPv4', port: b.address().port, size: 5 });
    a.close();
    b.close();
    await once(b, 'close');
  });

  it('udp6 on ::1, lists of buffers, offsets, TypedArrays and empty datagrams', async () => {
    const a = dgram.createSocket('udp6');
    const b = dgram.createSocket('udp6');
    a.bind(0, '::1');
    await once(a, 'listening');
    const port = a.address().port;
    const received: string[] = [];
    const all = new Promise<void>((resolve) => {
      a.on('message', (msg: Buffer, rinfo: Rinfo) => {
        expect(rinfo.family).toBe('IPv6');
        expect(rinfo.address).toBe('::1');
        received.push(msg.toString());
        if (received.length === 5) resolve();
      });
    });
    b.send(['ab', Buffer.from('cd'), new Uint8Array([101, 102])], port, '::1');
    b.send('0123456789', 2, 3, port, '::1');
    b.send(new Uint16Array([0x6867]), port, '::1');
    b.send('', port, '::1');
    b.send([], port, '::1');
    await all;
    expect(received).toEqual(['abcdef', '234', 'gh', '', '']);
    a.close();
    b.close();
  });

  it('talks to host node both ways, IPv4 and IPv6', async () => {
    for (const [type, addr] of [
      ['udp4', '127.0.0.1'],
      ['udp6', '::1'],
    ] as const) {
      const theirs = host.createSocket(type);
      const ours = dgram.createSocket(type);
      theirs.bind(0, addr);
      ours.bind(0, addr);
      await Promise.all([once(theirs, 'listening'), once(ours, 'listening')]);
      const toThem = once<[Buffer, Rinfo]>(theirs, 'message');
      ours.send(`from mini ${type}`, theirs.address().port, addr);
      const [m1, r1] = await toThem;
      expect(m1.toString()).toBe(`from mini ${type}`);
      expect(r1.port).toBe(ours.address().port);
      const toUs = once<[Buffer, Rinfo]>(ours, 'message');
      theirs.send(`from node ${type}`, ours.address().port, addr);
      const [m2, r2] = await toUs;
      expect(m2.toString()).toBe(`from node ${type}`);
      expect(r2).toEqual({ address: addr, family: type === 'udp4' ? 'IPv4' : 'IPv6', port: theirs.address().port, size: m2.length });
      theirs.close();
      ours.close();
    }
  });

  it('a dual-stack udp6 socket hears IPv4 peers as ::ffff: addresses', async () => {
    const ours = dgram.createSocket('udp6');
    ours.bind(0);
    await once(ours, 'listening');
    const theirs = host.createSocket('udp4');
    const got = once<[Buffer, Rinfo]>(ours, 'message');
    theirs.send('v4', ours.address().port, '127.0.0.1');
    const [, rinfo] = await got;
    expect(rinfo.address).toBe('::ffff:127.0.0.1');
    expect(rinfo.family).toBe('IPv6');
    ours.close();
    theirs.close();
  });

  it('connect, send without an address, remoteAddress, disconnect', async () => {
    const peer = host.createSocket('udp4');
    peer.bind(0, '127.0.0.1');
    await once(peer, 'listening');
    const port = peer.address().port;
    const s = dgram.createSocket('udp4');
    const events: string[] = [];
    s.on('listening', () => events.push('listening'));
    s.connect(port, '127.0.0.1', () => events.push('connect cb'));
    await once(s, 'connect');
    expect(events).toEqual(['listening', 'connect cb']);
    expect(s.remoteAddress()).toEqual({ address: '127.0.0.1', family: 'IPv4', port });
    expect(() => s.connect(port)).toThrow(expect.objectContaining({ code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' }));
    expect(() => s.send('x', 0, 1, port, '127.0.0.1')).toThrow(expect.objectContaining({ code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' }));
    const got = once<[Buffer]>(peer, 'message');
    const bytes = await new Promise<number>((resolve, reject) => s.send('hello', 1, 3, (err, n) => (err ? reject(err) : resolve(n!))));
    expect(bytes).toBe(3);
    expect((await got)[0].toString()).toBe('ell');
    s.disconnect();
    expect(() => s.remoteAddress()).toThrow(expect.objectContaining({ code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' }));
    const again = once<[Buffer]>(peer, 'message');
    s.send('unconnected', port, '127.0.0.1');
    expect((await again)[0].toString()).toBe('unconnected');
    s.close();
    peer.close();
  });

  it('an implicit bind on first send emits listening, then the callback', async () => {
    const peer = host.createSocket('udp4');
    peer.bind(0, '127.0.0.1');
    await once(peer, 'listening');
    const log: string[] = [];
    const s = dgram.createSocket('udp4');
    s.on('listening', () => log.push(`listening ${s.address().address}`));
    s.send('x', peer.address().port, '127.0.0.1', (err, n) => log.push(`sent ${err} ${n}`));
    log.push('sync');
    await once(peer, 'message');
    await delay(10);
    expect(log).toEqual(['sync', 'listening 0.0.0.0', 'sent null 1']);
    s.close();
    peer.close();
  });

  it('unref lets the process go; close releases the fd, 300 times over', async () => {
    const before = openFdCount();
    for (let i = 0; i < 300; i++) {
      const s = dgram.createSocket(i % 2 ? 'udp4' : 'udp6');
      s.bind(0);
      await once(s, 'listening');
      s.unref();
      s.close();
    }
    await delay(20);
    expect(openFdCount()).toBe(before);
  });
});

/**
 * Scenarios run once on host node's dgram and once on ours; each returns a
 * log, and the two logs must be equal.
 */
async function both(scenario: (d: DgramModule) => Promise<unknown>): Promise<void> {
  const theirs = await scenario(host);
  const ours = await scenario(mini);
  // DGRAM_SHOW=1 prints what host node observed, to see what is compared.
  if (process.env.DGRAM_SHOW) console.log(JSON.stringify(theirs, null, 1));
  expect(ours).toEqual(theirs);
}

describe('dgram matches host node', () => {
  it('synchronous argument and state errors', async () => {
    await both(async (d) => {
      const s = d.createSocket('udp4');
      const any = s as unknown as Record<string, (...a: unknown[]) => unknown>;
      const out: Record<string, unknown> = {
        badType: attempt(() => d.createSocket('udp5' as 'udp4')),
        badTypeObj: attempt(() => d.createSocket({} as { type: 'udp4' })),
        badLookup: attempt(() => d.createSocket({ type: 'udp4', lookup: 5 as never })),
        badRecvBuf: attempt(() => d.createSocket({ type: 'udp4', recvBufferSize: -1 })),
        badRecvBufType: attempt(() => d.createSocket({ type: 'udp4', recvBufferSize: '1' as never })),
        setTTLUnbound: attempt(() => s.setTTL(5)),
        setTTLZero: attempt(() => s.setTTL(0)),
        setTTLString: attempt(() => any.setTTL!.call(s, '5')),
        setBroadcastUnbound: attempt(() => s.setBroadcast(true)),
        setMcTTLRange: attempt(() => s.setMulticastTTL(300)),
        setMcTTLUnbound: attempt(() => s.setMulticastTTL(3)),
        setMcLoopUnbound: attempt(() => s.setMulticastLoopback(true)),
        setMcIfUnbound: attempt(() => s.setMulticastInterface('127.0.0.1')),
        setMcIfNumber: attempt(() => any.setMulticastInterface!.call(s, 1)),
        addressUnbound: attempt(() => s.address()),
        remoteAddress: attempt(() => s.remoteAddress()),
        disconnect: attempt(() => s.disconnect()),
        getRecvBufferSize: attempt(() => s.getRecvBufferSize()),
        getSendBufferSize: attempt(() => s.getSendBufferSize()),
        setRecvBufferSizeNeg: attempt(() => s.setRecvBufferSize(-1)),
        sendPortZero: attempt(() => s.send('x', 0, '127.0.0.1')),
        sendPortBig: attempt(() => s.send('x', 70000, '127.0.0.1')),
        sendPortString: attempt(() => any.send!.call(s, 'x', 'abc', '127.0.0.1')),
        sendNoPort: attempt(() => any.send!.call(s, 'x')),
        sendAnonFn: attempt(() => any.send!.call(s, 'x', () => {})),
        sendBadBuffer: attempt(() => any.send!.call(s, 5, 1234, '127.0.0.1')),
        sendBadList: attempt(() => any.send!.call(s, [5], 1234, '127.0.0.1')),
        sendBadAddress: attempt(() => any.send!.call(s, 'x', 1234, 5)),
        sendOffsetOOB: attempt(() => s.send(Buffer.alloc(3), 5, 1, 1234, '127.0.0.1')),
        sendLengthOOB: attempt(() => s.send(Buffer.alloc(3), 1, 5, 1234, '127.0.0.1')),
        connectPortZero: attempt(() => s.connect(0)),
        connectPortNegString: attempt(() => any.connect!.call(s, '-1')),
        connectPortFloat: attempt(() => s.connect(1.5)),
        badSignal: attempt(() => d.createSocket({ type: 'udp4', signal: {} as AbortSignal })),
        connectBadAddress: attempt(() => any.connect!.call(s, 1234, 5)),
        addMembershipNone: attempt(() => any.addMembership!.call(s)),
        ssmBadSource: attempt(() => any.addSourceSpecificMembership!.call(s, 1, '232.1.1.1')),
        bindBadHost: attempt(() => any.bind!.call(d.createSocket('udp4'), 0, 5)),
      };
      s.close();
      const closed = d.createSocket('udp4');
      closed.close();
      out.closedClose = attempt(() => closed.close());
      out.closedSend = attempt(() => closed.send('x', 1234));
      out.closedBind = attempt(() => closed.bind());
      out.closedAddress = attempt(() => closed.address());
      out.closedSetTTL = attempt(() => closed.setTTL(3));
      out.closedRef = attempt(() => closed.ref());
      out.closedMembership = attempt(() => closed.addMembership('224.0.0.1'));
      await delay(5);
      return out;
    });
  });

  it('asynchronous bind errors and their order', async () => {
    const blocker = host.createSocket('udp4');
    blocker.bind(0, '127.0.0.1');
    await once(blocker, 'listening');
    const taken = blocker.address().port;
    await both(async (d) => {
      const log: unknown[] = [];
      const sockets = [
        ['inuse', d.createSocket('udp4'), [taken, '127.0.0.1']],
        ['v6 on udp4', d.createSocket('udp4'), [0, '::1']],
        ['v4 on udp6', d.createSocket('udp6'), [0, '127.0.0.1']],
        ['ipv6Only udp4', d.createSocket({ type: 'udp4', ipv6Only: true }), [0]],
        ['not local', d.createSocket('udp4'), [0, '192.0.2.1']],
        ['ok', d.createSocket('udp4'), [{ port: 0, address: 'localhost' }]],
      ] as const;
      for (const [name, s, args] of sockets) {
        s.on('error', (e) => log.push([name, 'error', errorShape(e)]));
        s.on('listening', () => log.push([name, 'listening', s.address().address]));
        s.on('close', () => log.push([name, 'close']));
        (s.bind as (...a: unknown[]) => void)(...args, () => log.push([name, 'bind cb']));
      }
      log.push('sync');
      await delay(50);
      const bound = sockets[5][1];
      log.push(attempt(() => bound.bind()));
      for (const [, s] of sockets) s.close();
      await delay(10);
      return log;
    });
    blocker.close();
  });

  it('send results, errors and callback order against a listening peer', async () => {
    const peer = host.createSocket('udp4');
    peer.bind(0, '127.0.0.1');
    await once(peer, 'listening');
    const port = peer.address().port;
    let received: string[] = [];
    peer.on('message', (m) => received.push(m.toString().slice(0, 10)));
    await both(async (d) => {
      received = [];
      const log: unknown[] = [];
      const s = d.createSocket('udp4');
      s.bind(0, '127.0.0.1');
      await once(s, 'listening');
      setImmediate(() => log.push('immediate'));
      void Promise.resolve().then(() => log.push('promise'));
      process.nextTick(() => log.push('tick'));
      const cb = (name: string) => (err: Error | null, n?: number) => log.push([name, err && errorShape(err), n]);
      s.send('one', port, '127.0.0.1', cb('one'));
      s.send(Buffer.alloc(70000), port, '127.0.0.1', cb('too big'));
      s.send(Buffer.alloc(70000), port, '127.0.0.1');
      s.send('x', port, '::1', cb('v6 address'));
      s.send('x', port, cb('default address'));
      s.send(['a', 'b'], port, '127.0.0.1', cb('list'));
      s.send('helloworld', 5, 5, port, '127.0.0.1', cb('slice'));
      log.push('sync');
      await delay(50);
      s.close(() => log.push('close cb'));
      log.push(attempt(() => s.send('x', port)));
      await delay(5);
      return [log, received];
    });
    peer.close();
  });

  it('connect errors and disconnected sends', async () => {
    await both(async (d) => {
      const log: unknown[] = [];
      const u = d.createSocket('udp6');
      u.connect(9, '127.0.0.1', (err?: Error) => log.push(['udp6→v4 connect cb', errorShape(err)]));
      const w = d.createSocket('udp4');
      w.on('error', (e) => log.push(['w error', errorShape(e)]));
      w.connect(9, '::1');
      const x = d.createSocket('udp4');
      x.connect(9, () => {
        log.push(['default address', x.remoteAddress()]);
        x.disconnect();
        log.push(attempt(() => x.disconnect()));
      });
      await delay(50);
      for (const s of [u, w, x]) s.close();
      return log;
    });
  });

  it('close while binding runs after listening; close events and callbacks in order', async () => {
    await both(async (d) => {
      const log: string[] = [];
      const s = d.createSocket('udp4');
      for (const e of ['listening', 'close', 'connect']) s.on(e, () => log.push(e));
      s.send('x', 9, '127.0.0.1', (err) => log.push(`send cb ${err}`));
      s.close(() => log.push('close cb'));
      log.push('sync');
      await delay(30);
      return log;
    });
  });
});

describe('dgram options', () => {
  it('broadcast, TTLs, loopback, buffer sizes and send queue counters on a bound socket', async () => {
    const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 65536, sendBufferSize: 65536 });
    s.bind(0, '127.0.0.1');
    await once(s, 'listening');
    s.setBroadcast(true);
    expect(s.setTTL(64)).toBe(64);
    expect(s.setMulticastTTL(2)).toBe(2);
    expect(s.setMulticastLoopback(false)).toBe(false);
    // Linux reports twice what was set (the kernel's bookkeeping share).
    expect(s.getRecvBufferSize()).toBe(131072);
    expect(s.getSendBufferSize()).toBe(131072);
    s.setRecvBufferSize(32768);
    expect(s.getRecvBufferSize()).toBe(65536);
    expect(s.getSendQueueSize()).toBe(0);
    expect(s.getSendQueueCount()).toBe(0);
    s.close();
    const v6 = dgram.createSocket('udp6');
    v6.bind(0, '::1');
    await once(v6, 'listening');
    expect(v6.setTTL(10)).toBe(10);
    expect(v6.setMulticastTTL(4)).toBe(4);
    v6.close();
  });

  it('an AbortSignal closes the socket', async () => {
    const ac = new AbortController();
    const s = dgram.createSocket({ type: 'udp4', signal: ac.signal });
    s.bind(0);
    await once(s, 'listening');
    const closed = once(s, 'close');
    ac.abort();
    await closed;
    expect(() => s.address()).toThrow(expect.objectContaining({ code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' }));
  });

  it('host names other than localhost fail naming dns.lookup', async () => {
    const s = dgram.createSocket('udp4');
    const [err] = await new Promise<[Error & { code?: string }]>((resolve) => s.send('x', 9, 'example.com', (e) => resolve([e!])));
    expect(err.code).toBe('ERR_MINI_NOT_IMPLEMENTED');
    expect(err.message).toMatch(/dns\.lookup/);
    s.close();
  });
});
