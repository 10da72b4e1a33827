/**
 * Handles on descriptors made elsewhere: `server.listen({ fd })`,
 * `server.listen(handle)`, `new net.Socket({ fd })`, and Node's errors
 * for descriptors no stream can be made of. Peers are the host's own net.
 */
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import * as hostNet from 'node:net';
import { describe, expect, it } from 'vitest';
import { AF_INET, AF_UNIX, SOCK_CLOEXEC, SOCK_STREAM, encodeInet, openFdCount, socket as sock, unistd } from '@mini/sys';
import { net, openSocket, socketName } from '../src/index.js';

function ask(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = hostNet.connect(port, '127.0.0.1');
    let got = '';
    c.on('data', (d: Buffer) => (got += d));
    c.on('end', () => resolve(got));
    c.on('error', reject);
  });
}

/** A listening TCP socket on 127.0.0.1 made with plain system calls: its fd and port. */
function rawListener(): { fd: number; port: number } {
  const fd = openSocket(AF_INET, SOCK_STREAM);
  const addr = encodeInet('127.0.0.1', 0);
  expect(sock.bind(fd, addr, addr.length)).toBe(0);
  expect(sock.listen(fd, 16)).toBe(0);
  const name = socketName(fd, 'getsockname') as { port: number };
  return { fd, port: name.port };
}

describe('handles on existing descriptors', () => {
  it('listens on a given fd and on another server handle, and closes the fd with the server', async () => {
    // The loop's own fds and the listeners' reserve fd come with the first server.
    const warm = net.createServer().listen(0, '127.0.0.1');
    await once(warm, 'listening');
    await new Promise((done) => warm.close(done));
    const before = openFdCount();
    const { fd, port } = rawListener();
    const server = net.createServer((s) => s.end('from fd'));
    server.listen({ fd });
    await once(server, 'listening');
    expect((server.address() as { port: number }).port).toBe(port);
    expect(await ask(port)).toBe('from fd');
    // listen(handle): a second server takes the first one's handle.
    const handle = server._handle!;
    server._handle = null;
    const second = net.createServer((s) => s.end('from handle'));
    second.listen(handle);
    await once(second, 'listening');
    expect(await ask(port)).toBe('from handle');
    await new Promise((done) => second.close(done));
    expect(openFdCount()).toBe(before);
  });

  it('makes a socket on a given fd, a Pipe for a Unix socket', async () => {
    const pair = new Int32Array(2);
    expect(sock.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, new Uint8Array(pair.buffer))).toBe(0);
    const socket = new net.Socket({ fd: pair[0]! });
    expect(socket._handle?.constructor.name).toBe('Pipe');
    const got = once(socket, 'data');
    unistd.write(pair[1]!, Buffer.from('hello'), 5);
    expect(String((await got)[0])).toBe('hello');
    socket.destroy();
    await once(socket, 'close');
    unistd.close(pair[1]!);
  });

  it('refuses a file as Node does: ERR_INVALID_FD_TYPE from Socket, listen EINVAL from a server', async () => {
    const fd = openSync(__filename, 'r');
    expect(() => new net.Socket({ fd })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_FD_TYPE', message: 'Unsupported fd type: FILE' }),
    );
    const server = net.createServer();
    server.listen({ fd });
    const [err] = (await once(server, 'error')) as [NodeJS.ErrnoException & { address?: unknown }];
    expect([err.message, err.code, err.syscall, err.address]).toEqual(['listen EINVAL: invalid argument', 'EINVAL', 'listen', null]);
    closeSync(fd);
  });
});
