import { openSync, closeSync } from 'node:fs';
import { constants } from 'node:os';
import { getSystemErrorMap } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as sys from '../src/index.js';
import {
  EPOLLIN,
  EPOLL_CLOEXEC,
  EPOLL_CTL_ADD,
  EPOLL_DATA_OFFSET,
  EPOLL_EVENT_SIZE,
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  check,
  epoll,
  errnoDescription,
  errnoException,
  errnoName,
  eventfd,
  exceptionWithHostPort,
  hostUv,
  lastErrno,
  lastError,
  openFdCount,
  orThrow,
  unistd,
  uvErrorContext,
  uvException,
  uvExceptionWithHostPort,
  UV_EADDRINUSE,
  UV_EAGAIN,
  UV_EBADF,
  UV_ECONNREFUSED,
  UV_ENOENT,
} from '../src/index.js';

/** What real Node throws for the same failure, to compare against. */
function nodeError(fn: () => unknown): NodeJS.ErrnoException {
  try {
    fn();
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  throw new Error('expected a throw');
}

describe('errno as Node errors', () => {
  it('uvException matches the error node:fs throws for a missing file', () => {
    const real = nodeError(() => openSync('/nonexistent/x', 'r'));
    const ours = uvException(UV_ENOENT, { syscall: 'open', path: '/nonexistent/x' });
    expect(ours.message).toBe(real.message);
    expect([ours.code, ours.errno, ours.syscall, ours.path]).toEqual([real.code, real.errno, real.syscall, real.path]);
  });

  it('a real failed syscall reports its errno: positive from the kernel, negative from lastError()', () => {
    const fd = unistd.open('/nonexistent/y', 0, 0);
    expect(fd).toBe(-1);
    expect(lastErrno()).toBe(2);
    expect(lastError()).toBe(UV_ENOENT);
    expect(() => orThrow(unistd.open('/nonexistent/y', 0, 0), { syscall: 'open', path: '/nonexistent/y' })).toThrow(
      "ENOENT: no such file or directory, open '/nonexistent/y'",
    );
    expect(check(unistd.close(-1))).toBe(UV_EBADF);
  });

  it('exceptionWithHostPort and errnoException speak as net does', () => {
    const e = exceptionWithHostPort(UV_ECONNREFUSED, 'connect', '127.0.0.1', 1);
    expect(e.message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(e).toMatchObject({ code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: '127.0.0.1', port: 1 });
    expect(errnoException(UV_EAGAIN, 'read').message).toBe('read EAGAIN');
  });

  it("uvExceptionWithHostPort matches net's listen EADDRINUSE", async () => {
    const net = await import('node:net');
    const first = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => first.once('listening', r));
    const port = (first.address() as { port: number }).port;
    const second = net.createServer().listen(port, '127.0.0.1');
    const real = await new Promise<NodeJS.ErrnoException & { address?: string; port?: number }>((r) => second.once('error', r));
    first.close();
    const ours = uvExceptionWithHostPort(UV_EADDRINUSE, 'listen', '127.0.0.1', port);
    expect({ ...ours, message: ours.message }).toEqual({ ...real, message: real.message });
  });

  it.each([
    ['errnoName', () => errnoName(11)],
    ['errnoDescription', () => errnoDescription(11)],
    ['uvException', () => uvException(2, { syscall: 'open' })],
    ['errnoException', () => errnoException(0, 'read')],
    ['exceptionWithHostPort', () => exceptionWithHostPort(111, 'connect', '127.0.0.1', 1)],
    ['uvExceptionWithHostPort', () => uvExceptionWithHostPort(98, 'listen', '::', 80)],
    ['uvErrorContext', () => uvErrorContext(Number.NaN, 'x')],
  ])('%s rejects an errno that is not negative', (name, call) => {
    expect(call).toThrow(new RegExp(`^${name}: errno must be a negative libuv status`));
  });
});

describe('the errno table', () => {
  const map = getSystemErrorMap();
  const table = Object.entries(sys).filter(([k]) => /^UV_E[A-Z]+$/.test(k)) as [string, number][];

  it.each(table.filter(([k]) => k !== 'UV_EINPROGRESS'))('%s is the code libuv gives %i', (name, value) => {
    expect(value).toBeLessThan(0);
    expect(map.get(value)?.[0]).toBe(name.slice(3));
  });

  it('UV_EINPROGRESS, absent from libuv, is the kernel one negated', () => {
    expect(sys.UV_EINPROGRESS).toBe(-constants.errno.EINPROGRESS);
  });
});

describe('native tables', () => {
  it('epoll sees an eventfd become readable; events decode at the packed offsets', () => {
    const before = openFdCount();
    const ep = epoll.epoll_create1(EPOLL_CLOEXEC);
    const efd = eventfd.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    expect(ep).toBeGreaterThan(2);
    expect(efd).toBeGreaterThan(2);
    const ev = Buffer.alloc(EPOLL_EVENT_SIZE);
    ev.writeUInt32LE(EPOLLIN, 0);
    ev.writeUInt32LE(efd, EPOLL_DATA_OFFSET);
    expect(epoll.epoll_ctl(ep, EPOLL_CTL_ADD, efd, ev)).toBe(0);
    const out = Buffer.alloc(EPOLL_EVENT_SIZE * 4);
    expect(epoll.epoll_wait(ep, out, 4, 0)).toBe(0);
    expect(unistd.write(efd, new Uint8Array(new BigUint64Array([3n]).buffer), 8)).toBe(8);
    expect(epoll.epoll_wait(ep, out, 4, 0)).toBe(1);
    expect(out.readUInt32LE(0) & EPOLLIN).toBe(EPOLLIN);
    expect(out.readUInt32LE(EPOLL_DATA_OFFSET)).toBe(efd);
    const counter = new BigUint64Array(1);
    expect(unistd.read(efd, new Uint8Array(counter.buffer), 8)).toBe(8);
    expect(counter[0]).toBe(3n);
    unistd.close(efd);
    unistd.close(ep);
    expect(openFdCount()).toBe(before);
  });

  it('reaches the host libuv: its backend fd is a real epoll fd', () => {
    const loop = hostUv.uv_default_loop();
    expect(loop).not.toBeNull();
    const fd = hostUv.uv_backend_fd(loop!);
    expect(fd).toBeGreaterThan(2);
    // Closing a dup proves it is an open descriptor of ours to look at.
    const dup = unistd.dup(fd);
    expect(dup).toBeGreaterThan(2);
    expect(unistd.close(dup)).toBe(0);
  });

  it('isatty is false for a file', () => {
    const fd = openSync(__filename, 'r');
    expect(unistd.isatty(fd)).toBe(0);
    closeSync(fd);
  });
});
