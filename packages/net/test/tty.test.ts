/**
 * The TTY handle and guessHandleType on descriptors a test process can
 * make (files, /dev/null, a FIFO, sockets); on a real terminal they are
 * tested through the mini command (apps/mini/test/stdio.test.ts, on a pty).
 * And a write queue of many small chunks behind a full socket, as stdout's
 * console.log lines queue behind a slow reader.
 */
import { mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { Loop, RunMode } from '@mini/loop';
import {
  AF_INET,
  AF_UNIX,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  UV_EINVAL,
  openFdCount,
  socket as sock,
  unistd,
} from '@mini/sys';
import { Pipe } from '../src/handles/pipe.js';
import { WriteReq } from '../src/handles/stream.js';
import { openSocket } from '../src/handles/socket.js';
import { TTY, guessHandleType } from '../src/handles/tty.js';
import { isatty } from '../src/tty.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-tty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function socketPair(type = SOCK_STREAM): [number, number] {
  const pair = new Int32Array(2);
  expect(sock.socketpair(AF_UNIX, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, new Uint8Array(pair.buffer))).toBe(0);
  return [pair[0]!, pair[1]!];
}

describe('guessHandleType', () => {
  it("names each kind of descriptor as libuv's uv_guess_handle does", () => {
    const file = openSync(__filename, 'r');
    const devnull = openSync('/dev/null', 'r');
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    // O_RDWR: opening a FIFO for reading alone would wait for a writer.
    const fifo = openSync(join(dir, 'fifo'), 'r+');
    const [a, b] = socketPair();
    const [da, db] = socketPair(SOCK_DGRAM);
    const tcp = openSocket(AF_INET, SOCK_STREAM);
    const udp = openSocket(AF_INET, SOCK_DGRAM);
    expect(guessHandleType(file)).toBe('FILE');
    expect(guessHandleType(devnull)).toBe('FILE');
    expect(guessHandleType(fifo)).toBe('PIPE');
    expect(guessHandleType(a)).toBe('PIPE');
    expect(guessHandleType(da)).toBe('UNKNOWN');
    expect(guessHandleType(tcp)).toBe('TCP');
    expect(guessHandleType(udp)).toBe('UDP');
    expect(guessHandleType(-1)).toBe('UNKNOWN');
    for (const fd of [file, devnull, fifo, a, b, da, db, tcp, udp]) unistd.close(fd);
    expect(guessHandleType(file)).toBe('UNKNOWN');
  });
});

describe('TTY handle off a terminal', () => {
  it('refuses a file (UV_EINVAL), takes a pipe as a stream, and leaks nothing', () => {
    const loop = new Loop();
    const before = openFdCount();
    const file = openSync(__filename, 'r');
    const onFile = new TTY(loop, file);
    expect(onFile.initStatus).toBe(UV_EINVAL);
    expect(onFile.fd).toBe(-1);
    closeSync(file);

    const [a, b] = socketPair();
    const onPipe = new TTY(loop, a);
    expect(onPipe.initStatus).toBe(0);
    // Not a terminal: no window size, no raw mode, as libuv reports them.
    expect(onPipe.getWindowSize([])).toBeLessThan(0);
    expect(onPipe.setRawMode(true)).toBeLessThan(0);
    onPipe.close();
    loop.run(RunMode.DEFAULT);
    unistd.close(b);
    expect(openFdCount()).toBe(before);
    expect(isatty(a)).toBe(false);
  });

  it('isatty is false, not an error, for what is not a descriptor', () => {
    for (const fd of [-1, 1.5, '0', null, undefined, 2 ** 31, {}]) expect(isatty(fd)).toBe(false);
  });
});

describe('a write queue of many small chunks', () => {
  it('delivers 10^5 chunks queued behind a full socket, in order', () => {
    const loop = new Loop();
    const [a, b] = socketPair();
    const pipe = new Pipe(loop, a);
    const chunks: Buffer[] = [];
    for (let i = 0; i < 1e5; i++) chunks.push(Buffer.from(`chunk ${i}\n`));
    const expected = Buffer.concat(chunks);
    const req = new WriteReq(loop);
    let status: number | undefined;
    req.oncomplete = (s) => {
      status = s;
    };
    expect(pipe.writev(req, chunks)).toBe(0);
    // More than the socket buffer takes: the rest waits for the reader.
    expect(req.async).toBe(true);
    const got: Buffer[] = [];
    const buf = Buffer.alloc(65536);
    while (status === undefined) {
      for (;;) {
        const n = unistd.read(b, buf, buf.length);
        if (n <= 0) break;
        got.push(Buffer.from(buf.subarray(0, n)));
      }
      loop.run(RunMode.NOWAIT);
    }
    for (;;) {
      const n = unistd.read(b, buf, buf.length);
      if (n <= 0) break;
      got.push(Buffer.from(buf.subarray(0, n)));
    }
    expect(status).toBe(0);
    expect(Buffer.concat(got).equals(expected)).toBe(true);
    pipe.close();
    loop.run(RunMode.DEFAULT);
    unistd.close(b);
  });
});
