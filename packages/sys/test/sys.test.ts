import { openSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
  errnoException,
  eventfd,
  exceptionWithHostPort,
  hostUv,
  hostUvPointers,
  lastErrno,
  openFdCount,
  orThrow,
  unistd,
  uvException,
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
    const ours = uvException(2, { syscall: 'open', path: '/nonexistent/x' });
    expect(ours.message).toBe(real.message);
    expect([ours.code, ours.errno, ours.syscall, ours.path]).toEqual([real.code, real.errno, real.syscall, real.path]);
  });

  it('a real failed syscall reports its errno', () => {
    const fd = unistd.open('/nonexistent/y', 0, 0);
    expect(fd).toBe(-1);
    expect(lastErrno()).toBe(2);
    expect(() => orThrow(unistd.open('/nonexistent/y', 0, 0), { syscall: 'open', path: '/nonexistent/y' })).toThrow(
      "ENOENT: no such file or directory, open '/nonexistent/y'",
    );
    expect(check(unistd.close(-1))).toBe(-9);
  });

  it('exceptionWithHostPort and errnoException speak as net does', () => {
    const e = exceptionWithHostPort(111, 'connect', '127.0.0.1', 1);
    expect(e.message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(e).toMatchObject({ code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: '127.0.0.1', port: 1 });
    expect(errnoException(11, 'read').message).toBe('read EAGAIN');
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
    const loop = hostUvPointers.uv_default_loop();
    const fd = hostUv.uv_backend_fd(loop);
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
