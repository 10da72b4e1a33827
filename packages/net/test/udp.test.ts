import { describe, expect, it } from 'vitest';
import { Check, Timer, defaultLoop } from '@mini/loop';
import { AF_UNIX, SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK, UV_ECANCELED, openFdCount, socket as sock } from '@mini/sys';
import { UDP, UdpSendRequest, type RemoteInfo } from '../src/handles/udp.js';

/** Run `fn` from a callback of our loop (a 0 ms timer), where phases are observable. */
function onLoop(fn: () => void): void {
  const t = new Timer(defaultLoop());
  t.start(
    () => {
      t.close();
      fn();
    },
    0,
    0,
  );
}

function socketpairDgram(): [number, number] {
  const fds = Buffer.alloc(8);
  expect(sock.socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds)).toBe(0);
  return [fds.readInt32LE(0), fds.readInt32LE(4)];
}

describe('UDP handle', () => {
  it('binds lazily: no fd until bind, EBADF from setters before', () => {
    const h = new UDP();
    expect(h.fd).toBe(-1);
    expect(h.setBroadcast(true)).toBe(-9);
    expect(h.getsockname()).toBe(-9);
    expect(h.bind(4, '::1', 0, 0)).toBe(-22);
    expect(h.fd).toBe(-1);
    expect(h.bind(4, '127.0.0.1', 0, 0)).toBe(0);
    expect(h.fd).toBeGreaterThan(2);
    const name = h.getsockname() as RemoteInfo;
    expect(name.address).toBe('127.0.0.1');
    // A second bind on the same socket: the kernel's EINVAL.
    expect(h.bind(4, '127.0.0.1', 0, 0)).toBe(-22);
    h.close();
  });

  it('a queued send completes in the pending phase, before check, never synchronously', async () => {
    const log = await new Promise<string[]>((resolve) => {
      onLoop(() => {
        const log: string[] = [];
        const rx = new UDP();
        rx.bind(4, '127.0.0.1', 0, 0);
        const port = (rx.getsockname() as RemoteInfo).port;
        const tx = new UDP();
        const check = new Check(defaultLoop());
        check.start(() => {
          log.push('check');
          check.close();
          tx.close();
          rx.close(() => resolve(log));
        });
        const r = tx.send(new UdpSendRequest(tx.loop), [Buffer.from('q')], 4, '127.0.0.1', port, (status, size) =>
          log.push(`send cb ${status} ${size} queue=${tx.getSendQueueCount()}`),
        );
        log.push(`send returned ${r} queue=${tx.getSendQueueCount()}`);
      });
    });
    expect(log).toEqual(['send returned 0 queue=1', 'send cb 1 1 queue=0', 'check']);
  });

  it('trySend sends at once; EDESTADDRREQ unconnected without an address, EISCONN connected with one', async () => {
    await new Promise<void>((resolve) => {
      onLoop(() => {
        const rx = new UDP();
        rx.bind(6, '::1', 0, 0);
        const port = (rx.getsockname() as RemoteInfo).port;
        const tx = new UDP();
        expect(tx.trySend([Buffer.from('ab'), Buffer.from('c')], 6, '::1', port)).toBe(3);
        expect(tx.trySend([Buffer.from('x')], 6)).toBe(-89);
        expect(tx.connect(6, '::1', port)).toBe(0);
        expect(tx.trySend([Buffer.from('x')], 6, '::1', port)).toBe(-106);
        expect(tx.trySend([Buffer.from('x')], 6)).toBe(1);
        expect(tx.connect(6, '::1', port)).toBe(-106);
        expect(tx.disconnect()).toBe(0);
        expect(tx.trySend([Buffer.from('x')], 6)).toBe(-89);
        const got: string[] = [];
        rx.recvStart((n, buf) => {
          got.push(buf!.toString());
          if (got.length === 2) {
            expect(got).toEqual(['abc', 'x']);
            rx.close();
            tx.close(resolve);
          }
        });
      });
    });
  });

  it('trySendMany sends a burst in order, 64 datagrams per call; EDESTADDRREQ unconnected, EAGAIN behind queued sends', async () => {
    await new Promise<void>((resolve) => {
      onLoop(() => {
        const rx = new UDP();
        rx.bind(4, '127.0.0.1', 0, 0);
        const port = (rx.getsockname() as RemoteInfo).port;
        const tx = new UDP();
        expect(tx.trySendMany([Buffer.from('x')])).toBe(-89);
        expect(tx.connect(4, '127.0.0.1', port)).toBe(0);
        expect(tx.trySendMany([])).toBe(0);
        // Sizes vary, so that each lands at its own offset of the staging buffer.
        const burst = Array.from({ length: 150 }, (_, i) => Buffer.from(`${i}:${'.'.repeat(i % 7)}`));
        expect(tx.trySendMany(burst)).toBe(150);
        const got: string[] = [];
        rx.recvStart((n, buf) => {
          got.push(buf!.toString());
          if (got.length < 150) return;
          expect(got).toEqual(burst.map(String));
          // A queued send goes first: a burst waits behind it.
          tx.send(new UdpSendRequest(tx.loop), [Buffer.from('q')], 4, undefined, undefined, () => {});
          expect(tx.trySendMany([Buffer.from('y')])).toBe(-11);
          rx.close();
          tx.close(resolve);
        });
      });
    });
  });

  it('the send queue waits for EPOLLOUT when the kernel pushes back, in order, and cancels on close', async () => {
    // A Unix datagram pair pushes back once the peer's queue is full (UDP on
    // loopback never does: it drops instead).
    const [a, b] = socketpairDgram();
    const result = await new Promise<{ queuedMax: number; statuses: number[]; order: number[]; cancelled: number }>((resolve) => {
      onLoop(() => {
        const tx = new UDP();
        expect(tx.open(a)).toBe(0);
        const rx = new UDP();
        expect(rx.open(b)).toBe(0);
        const payload = Buffer.alloc(1024);
        const statuses: number[] = [];
        const order: number[] = [];
        let queuedMax = 0;
        const total = 2000;
        for (let i = 0; i < total; i++) {
          const data = Buffer.from(payload);
          data.writeUInt32LE(i, 0);
          tx.send(new UdpSendRequest(tx.loop), [data], 4, undefined, undefined, (status) => statuses.push(status));
          queuedMax = Math.max(queuedMax, tx.getSendQueueCount());
        }
        rx.recvStart((n, buf) => {
          order.push(buf!.readUInt32LE(0));
          if (order.length === total) {
            // Now fill the peer's queue with nobody reading, and close: what
            // is still queued is cancelled.
            let cancelled = 0;
            rx.recvStop();
            for (let i = 0; i < 2000; i++) {
              tx.send(new UdpSendRequest(tx.loop), [payload], 4, undefined, undefined, (status) => {
                if (status === UV_ECANCELED) cancelled++;
              });
            }
            rx.close();
            tx.close(() => resolve({ queuedMax, statuses, order, cancelled }));
          }
        });
      });
    });
    expect(result.queuedMax).toBeGreaterThan(1);
    expect(result.statuses.slice(0, 2000)).toEqual(new Array(2000).fill(1024));
    expect(result.order).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(result.cancelled).toBeGreaterThan(0);
  });

  it('membership on an unbound handle binds it (SO_REUSEADDR), as libuv', () => {
    const before = openFdCount();
    const h = new UDP();
    expect(h.setMembership('224.0.0.115', '127.0.0.1', true)).toBe(0);
    expect((h.getsockname() as RemoteInfo).address).toBe('0.0.0.0');
    expect(h.setMembership('224.0.0.115', '127.0.0.1', false)).toBe(0);
    expect(h.setMembership('not-an-address', undefined, true)).toBe(-22);
    h.close();
    // The fd goes at close, not at the close callback.
    expect(openFdCount()).toBe(before);
  });
});
