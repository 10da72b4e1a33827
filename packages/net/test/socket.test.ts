/**
 * The shared socket base (src/handles/socket.ts) and the watcher interest
 * it drives: what TCP, Pipe and UDP get from it, checked once here.
 */
import { describe, expect, it, vi } from 'vitest';
import { IoWatcher, Loop, RunMode } from '@mini/loop';
import {
  AF_INET,
  AF_UNIX,
  EPOLLIN,
  EPOLLOUT,
  FD_CLOEXEC,
  F_GETFD,
  F_GETFL,
  O_NONBLOCK,
  SOCK_DGRAM,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_RCVBUF,
  SO_REUSEADDR,
  UV_EBADF,
  UV_ENOTCONN,
  encodeInet,
  socket as sock,
  unistd,
} from '@mini/sys';
import { getsockoptInt, openSocket, setsockoptInt, socketName } from '../src/handles/socket.js';
import { Pipe } from '../src/handles/pipe.js';
import { TCP, type AddressInfo } from '../src/handles/tcp.js';
import { UDP } from '../src/handles/udp.js';

describe('socket base', () => {
  it('makes sockets non-blocking and close-on-exec from birth', () => {
    for (const [domain, type] of [
      [AF_INET, SOCK_STREAM],
      [AF_INET, SOCK_DGRAM],
      [AF_UNIX, SOCK_STREAM],
    ] as const) {
      const fd = openSocket(domain, type);
      expect(fd).toBeGreaterThan(2);
      expect(unistd.fcntl(fd, F_GETFL, 0) & O_NONBLOCK).toBe(O_NONBLOCK);
      expect(unistd.fcntl(fd, F_GETFD, 0) & FD_CLOEXEC).toBe(FD_CLOEXEC);
      unistd.close(fd);
    }
  });

  it('reads and writes int options, failing with a negative status', () => {
    const fd = openSocket(AF_INET, SOCK_DGRAM);
    expect(getsockoptInt(fd, SOL_SOCKET, SO_REUSEADDR)).toBe(0);
    expect(setsockoptInt(fd, SOL_SOCKET, SO_REUSEADDR, 1)).toBe(0);
    expect(getsockoptInt(fd, SOL_SOCKET, SO_REUSEADDR)).toBe(1);
    // The kernel doubles a buffer size it is given (socket(7)).
    expect(setsockoptInt(fd, SOL_SOCKET, SO_RCVBUF, 65536)).toBe(0);
    expect(getsockoptInt(fd, SOL_SOCKET, SO_RCVBUF)).toBe(131072);
    unistd.close(fd);
    expect(setsockoptInt(fd, SOL_SOCKET, SO_REUSEADDR, 1)).toBe(UV_EBADF);
    expect(getsockoptInt(fd, SOL_SOCKET, SO_REUSEADDR)).toBe(UV_EBADF);
  });

  it('decodes our name and reports no peer as UV_ENOTCONN', () => {
    const fd = openSocket(AF_INET, SOCK_DGRAM);
    const addr = encodeInet('127.0.0.1', 0);
    expect(sock.bind(fd, addr, addr.length)).toBe(0);
    expect(socketName(fd, 'getsockname')).toMatchObject({ family: 'IPv4', address: '127.0.0.1' });
    expect(socketName(fd, 'getpeername')).toBe(UV_ENOTCONN);
    unistd.close(fd);
  });

  it('gives every handle the same answers before a socket exists and after close', () => {
    const loop = new Loop();
    const tcp = new TCP(loop);
    const pipe = new Pipe(loop);
    const udp = new UDP(loop);
    const out: Partial<AddressInfo> = {};
    expect([tcp.getsockname(out), pipe.getsockname(), udp.getsockname()]).toEqual([UV_EBADF, UV_EBADF, UV_EBADF]);
    expect(tcp.bind('127.0.0.1', 0)).toBe(0);
    expect(tcp.getsockname(out)).toBe(0);
    expect(out.address).toBe('127.0.0.1');
    tcp.close();
    pipe.close();
    udp.close();
    expect(tcp.fd).toBe(-1);
    // A closing handle makes no new socket: it would outlive its close.
    expect(pipe.bind('\0mini-closed-pipe')).toBe(UV_EBADF);
    expect(udp.bind(4, '127.0.0.1', 0, 0)).toBe(UV_EBADF);
    expect([pipe.fd, udp.fd]).toEqual([-1, -1]);
    loop.run(RunMode.NOWAIT);
    loop.close();
  });
});

describe('IoWatcher.setEvents', () => {
  it('registers with the kernel only when the mask changes', () => {
    const loop = new Loop();
    const fd = openSocket(AF_INET, SOCK_DGRAM);
    const w = new IoWatcher(loop, fd, () => {});
    const update = vi.spyOn(loop.backend, 'update');
    w.setEvents(EPOLLIN);
    w.setEvents(EPOLLIN);
    expect(update).toHaveBeenCalledTimes(1);
    expect(w.registered).toBe(EPOLLIN);
    w.start(EPOLLOUT);
    w.start(EPOLLOUT);
    expect(w.registered).toBe(EPOLLIN | EPOLLOUT);
    w.stop(EPOLLIN);
    w.setEvents(EPOLLOUT);
    expect(update).toHaveBeenCalledTimes(3);
    expect([w.events, w.registered, loop.backend.size]).toEqual([EPOLLOUT, EPOLLOUT, 1]);
    w.close();
    expect([w.events, w.registered, loop.backend.size]).toEqual([0, 0, 0]);
    update.mockRestore();
    unistd.close(fd);
    loop.close();
  });
});
