import { once } from 'node:events';
import * as hostNet from 'node:net';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPPROTO_TCP, SOL_SOCKET, SO_KEEPALIVE, TCP_KEEPIDLE, TCP_NODELAY } from '@mini/sys';
import { getsockoptInt } from '../src/handles/socket.js';
import { TCP } from '../src/handles/tcp.js';
import { net, type StreamHandle } from '../src/index.js';

type AnySocket = hostNet.Socket | InstanceType<typeof net.Socket>;

function portOf(server: { address(): unknown }): number {
  return (server.address() as hostNet.AddressInfo).port;
}

/** Everything a socket receives until 'end', as a string. */
function collect(s: AnySocket): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    s.on('data', (d: Buffer) => (got += d.toString()));
    s.on('end', () => resolve(got));
    s.on('error', reject);
  });
}

function close(server: { close(cb: (err?: Error) => void): unknown }): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

const dir = mkdtempSync(join(tmpdir(), 'mini-net-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('echo over TCP with real peers', () => {
  it('our server, host client (127.0.0.1)', async () => {
    const server = net.createServer((s) => s.pipe(s));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const c = hostNet.connect(portOf(server), '127.0.0.1');
    const got = collect(c);
    c.end('ping over loopback');
    expect(await got).toBe('ping over loopback');
    await close(server);
  });

  it('our client, host server (::1), with addresses on both ends', async () => {
    const host = hostNet.createServer((s) => s.pipe(s));
    host.listen(0, '::1');
    await once(host, 'listening');
    const c = net.connect({ port: portOf(host), host: '::1' });
    await once(c, 'connect');
    expect(c.remoteAddress).toBe('::1');
    expect(c.remoteFamily).toBe('IPv6');
    expect(c.remotePort).toBe(portOf(host));
    expect(c.localAddress).toBe('::1');
    const got = collect(c);
    c.write('a');
    c.write(Buffer.from('b'));
    c.end('c');
    expect(await got).toBe('abc');
    await once(c, 'close');
    expect(c.bytesRead).toBe(3);
    expect(c.bytesWritten).toBe(3);
    await close(host);
  });

  it('moves 8 MiB each way intact', async () => {
    const server = net.createServer((s) => s.pipe(s));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const payload = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;
    const c = hostNet.connect(portOf(server), '127.0.0.1');
    const chunks: Buffer[] = [];
    c.on('data', (d: Buffer) => chunks.push(d));
    c.end(payload);
    await once(c, 'end');
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
    await close(server);
  });
});

describe('half-close and backpressure', () => {
  it('allowHalfOpen: the server replies after the client ended', async () => {
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      let got = '';
      s.on('data', (d: Buffer) => (got += d));
      s.on('end', () => setTimeout(() => s.end(`reply to ${got}`), 10));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const c = hostNet.connect(portOf(server), '127.0.0.1');
    const got = collect(c);
    c.end('request');
    expect(await got).toBe('reply to request');
    await close(server);
  });

  it('write() returns false against a slow reader and drain follows', async () => {
    let received = 0;
    const host = hostNet.createServer((s) => {
      s.pause();
      setTimeout(() => s.resume(), 100);
      s.on('data', (d: Buffer) => (received += d.length));
      s.on('end', () => s.end());
    });
    host.listen(0, '127.0.0.1');
    await once(host, 'listening');
    const c = net.connect(portOf(host), '127.0.0.1');
    await once(c, 'connect');
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let writes = 0;
    while (c.write(chunk)) writes++;
    expect(writes).toBeLessThan(64);
    expect(c.writableNeedDrain).toBe(true);
    await once(c, 'drain');
    c.end();
    c.resume();
    await once(c, 'close');
    expect(received).toBe((writes + 1) * chunk.length);
    await close(host);
  });
});

describe('errors as Node reports them', () => {
  it('ECONNREFUSED has the host error shape', async () => {
    const mine = net.connect(1, '127.0.0.1');
    const host = hostNet.connect(1, '127.0.0.1');
    // Not events.once: it would also reject on the 'error' we expect.
    const closed = new Promise<boolean>((resolve) => mine.on('close', resolve));
    const [[a], [b]] = (await Promise.all([once(mine, 'error'), once(host, 'error')])) as [
      [NodeJS.ErrnoException],
      [NodeJS.ErrnoException],
    ];
    const shape = (e: NodeJS.ErrnoException) => ({ ...e, message: e.message, name: e.name, keys: Object.keys(e) });
    expect(shape(a)).toEqual(shape(b));
    expect(a.message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(await closed).toBe(true);
  });

  it('EADDRINUSE on a taken port, with Node message', async () => {
    const host = hostNet.createServer();
    host.listen(0, '127.0.0.1');
    await once(host, 'listening');
    const port = portOf(host);
    const server = net.createServer();
    server.listen(port, '127.0.0.1');
    const [err] = (await once(server, 'error')) as [NodeJS.ErrnoException & { address: string; port: number }];
    expect(err.message).toBe(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
    expect([err.code, err.errno, err.syscall, err.address, err.port]).toEqual(['EADDRINUSE', -98, 'listen', '127.0.0.1', port]);
    expect(server.listening).toBe(false);
    await close(host);
  });

  it('a Unix path nobody listens on fails with connect ENOENT', async () => {
    const path = join(dir, 'nobody.sock');
    const c = net.connect(path);
    const [err] = (await once(c, 'error')) as [NodeJS.ErrnoException];
    expect(err.message).toBe(`connect ENOENT ${path}`);
    expect(err.code).toBe('ENOENT');
  });

  it('argument errors match Node', () => {
    const errorOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return `${err.name} ${err.code} ${err.message}`;
      }
      return 'no throw';
    };
    const cases: [string, (n: typeof hostNet | typeof net) => unknown][] = [
      ['bad port', (n) => n.connect({ port: 65536, host: '127.0.0.1' })],
      ['string port', (n) => n.connect({ port: 'x' as unknown as number })],
      ['no port', (n) => n.connect({} as hostNet.NetConnectOpts)],
      ['listen {}', (n) => n.createServer().listen({})],
      ['timeout', (n) => new n.Socket().setTimeout('x' as unknown as number)],
      ['createServer(1)', (n) => n.createServer(1 as unknown as hostNet.ServerOpts)],
      ["listen({ port: '-1' })", (n) => n.createServer().listen({ port: '-1' as unknown as number })],
      ['listen({ port: 1.5 })', (n) => n.createServer().listen({ port: 1.5 })],
      ['listen(65536)', (n) => n.createServer().listen(65536)],
      ['bad localAddress', (n) => n.connect({ port: 1, localAddress: 'x' })],
      ['bad localPort', (n) => n.connect({ port: 1, localAddress: '127.0.0.1', localPort: '1' as unknown as number })],
      ['negative timeout', (n) => new n.Socket().setTimeout(-1)],
      ['bad timeout callback', (n) => new n.Socket().setTimeout(1, 'x' as unknown as () => void)],
      ['boolean port', (n) => n.connect({ port: true as unknown as number })],
    ];
    for (const [label, fn] of cases)
      expect(
        errorOf(() => fn(net)),
        label,
      ).toBe(errorOf(() => fn(hostNet)));
  });

  it('host names other than localhost fail with ERR_MINI_NOT_IMPLEMENTED naming dns.lookup', async () => {
    const c = net.connect(80, 'example.invalid');
    const [err] = (await once(c, 'error')) as [NodeJS.ErrnoException];
    expect(err.code).toBe('ERR_MINI_NOT_IMPLEMENTED');
    expect(err.message).toContain('dns.lookup');
  });
});

describe('Unix sockets', () => {
  it('echoes over a path, which the server removes on close', async () => {
    const path = join(dir, 'echo.sock');
    const server = net.createServer((s) => s.pipe(s));
    server.listen(path);
    await once(server, 'listening');
    expect(server.address()).toBe(path);
    const c = hostNet.connect(path);
    const got = collect(c);
    c.end('over unix');
    expect(await got).toBe('over unix');
    await close(server);
    expect(existsSync(path)).toBe(false);
  });

  it('echoes over an abstract name, to and from host node', async () => {
    const name = `\0mini-net-${process.pid}`;
    const server = net.createServer((s) => s.pipe(s));
    server.listen(name);
    await once(server, 'listening');
    const c = hostNet.connect(name);
    const got = collect(c);
    c.end('abstract');
    expect(await got).toBe('abstract');
    await close(server);

    const host = hostNet.createServer((s) => s.pipe(s));
    host.listen(name);
    await once(host, 'listening');
    const mine = net.connect(name);
    const got2 = collect(mine);
    mine.end('back');
    expect(await got2).toBe('back');
    await close(host);
  });
});

describe('socket options', () => {
  it('setKeepAlive and setNoDelay reach the kernel on each change, repeated or not', async () => {
    const server = net.createServer((s) => s.resume());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const c = net.connect({ port: portOf(server), host: '127.0.0.1', keepAlive: true, keepAliveInitialDelay: 3000 });
    await once(c, 'connect');
    const fd = (c._handle as TCP).fd;
    const keepAlive = (): [number, number] => [getsockoptInt(fd, SOL_SOCKET, SO_KEEPALIVE), getsockoptInt(fd, IPPROTO_TCP, TCP_KEEPIDLE)];
    // The options given to connect are applied once connected.
    expect(keepAlive()).toEqual([1, 3]);
    c.setKeepAlive(true, 3000);
    expect(keepAlive()).toEqual([1, 3]);
    c.setKeepAlive(true, 7000);
    expect(keepAlive()).toEqual([1, 7]);
    c.setKeepAlive(false);
    expect(keepAlive()[0]).toBe(0);
    c.setKeepAlive(false);
    expect(keepAlive()[0]).toBe(0);
    c.setKeepAlive(true, 7000);
    expect(keepAlive()).toEqual([1, 7]);
    c.setNoDelay(true);
    expect(getsockoptInt(fd, IPPROTO_TCP, TCP_NODELAY)).toBe(1);
    c.setNoDelay(false);
    expect(getsockoptInt(fd, IPPROTO_TCP, TCP_NODELAY)).toBe(0);
    c.destroy();
    await close(server);
  });
});

describe('server bookkeeping', () => {
  it('getConnections counts, maxConnections drops the extra', async () => {
    const server = net.createServer((s) => s.resume());
    server.maxConnections = 2;
    const drops: unknown[] = [];
    server.on('drop', (d) => drops.push(d));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const clients = [0, 1].map(() => hostNet.connect(portOf(server), '127.0.0.1'));
    await Promise.all(clients.map((c) => once(c, 'connect')));
    while (server._connections < 2) await new Promise((r) => setTimeout(r, 5));
    const third = hostNet.connect(portOf(server), '127.0.0.1');
    third.resume();
    await once(third, 'close');
    expect(drops).toHaveLength(1);
    const count = await new Promise((resolve) => server.getConnections((_e, n) => resolve(n)));
    expect(count).toBe(2);
    for (const c of clients) c.end();
    await close(server);
    expect(server._connections).toBe(0);
  });

  it('listen() with no host is dual-stack; address() reports ::', async () => {
    const server = net.createServer((s) => s.end('v4 ok'));
    server.listen(0);
    await once(server, 'listening');
    expect(server.address()).toMatchObject({ address: '::', family: 'IPv6' });
    const c = hostNet.connect(portOf(server), '127.0.0.1');
    expect(await collect(c)).toBe('v4 ok');
    await close(server);
  });

  it('an unref()ed server does not hold the loop, ref() does', async () => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const handle = server._handle as StreamHandle;
    const loop = handle.loop;
    const before = loop.activeHandles;
    server.unref();
    expect(loop.activeHandles).toBe(before - 1);
    server.ref();
    expect(loop.activeHandles).toBe(before);
    await close(server);
  });
});
