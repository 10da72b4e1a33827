/**
 * The thread table: which eventfd wakes which thread's loop, shared by
 * every thread of the process (one SharedArrayBuffer, made by the first
 * thread that needs it and handed to each worker at its start).
 *
 *   slot i:  [state, wake fd, broadcast members]
 *   state    0 free · CLAIMING being filled · DYING being retired ·
 *            n ≥ 1 alive, with n − 1 writers between reading the fd and
 *            writing it
 *   broadcast members  the thread's open BroadcastChannels: a broadcast
 *            wakes each thread that has any (broadcast-handle.ts)
 *
 * A message port names the slot of the thread that owns each end (see
 * channel.ts), never an fd: a thread may end while another still holds
 * the peer end, and an fd number is reused by the next open. So a writer
 * enters the slot (state + 1) before it writes, and whoever retires a slot
 * waits for the writers inside to leave before closing the fd: no write
 * ever lands on a closed or reused descriptor. A write to a slot that is
 * free or dying is dropped, as Node drops a message to a port whose
 * thread is gone.
 */
import { EFD_CLOEXEC, EFD_NONBLOCK, errnoException, eventfd, lastError, unistd } from '@mini/sys';

const SLOTS = 4096;
/** Int32 words per slot. */
const STRIDE = 3;
const STATE = 0;
const FD = 1;
const BROADCAST = 2;
const CLAIMING = -2;
const DYING = -1;

const ONE = new Uint8Array(new BigUint64Array([1n]).buffer);
const pause = new Int32Array(new SharedArrayBuffer(4));

let table: Int32Array | undefined;

/** The process's table: this thread's, or a new one if no thread made one yet. */
export function threadTable(): Int32Array {
  return (table ??= new Int32Array(new SharedArrayBuffer(SLOTS * STRIDE * 4)));
}

/** A worker adopts the table its parent sent. */
export function adoptThreadTable(shared: Int32Array): void {
  table = shared;
}

/** A new eventfd (non-blocking, close-on-exec) to wake a loop. */
export function newWakeFd(): number {
  const fd = eventfd.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (fd < 0) throw errnoException(lastError(), 'eventfd');
  return fd;
}

/** Take a free slot for a thread woken through `fd`. */
export function claimSlot(fd: number): number {
  const t = threadTable();
  for (let i = 0; i < SLOTS; i++) {
    const at = i * STRIDE;
    if (Atomics.compareExchange(t, at + STATE, 0, CLAIMING) !== 0) continue;
    Atomics.store(t, at + FD, fd);
    Atomics.store(t, at + BROADCAST, 0);
    Atomics.store(t, at + STATE, 1);
    return i;
  }
  throw new Error('too many threads: the thread table is full');
}

/** Wake the thread in `slot`; nothing if it has gone. */
export function wakeSlot(slot: number): void {
  const t = table;
  if (t === undefined || slot < 0) return;
  const at = slot * STRIDE;
  for (;;) {
    const state = Atomics.load(t, at + STATE);
    if (state <= 0) return;
    if (Atomics.compareExchange(t, at + STATE, state, state + 1) === state) break;
  }
  unistd.write(Atomics.load(t, at + FD), ONE, 8);
  Atomics.sub(t, at + STATE, 1);
}

/** One BroadcastChannel more (+1) or fewer (−1) open on the thread in `slot`. */
export function countBroadcastMember(slot: number, delta: 1 | -1): void {
  Atomics.add(threadTable(), slot * STRIDE + BROADCAST, delta);
}

/**
 * Wake every thread with an open BroadcastChannel (the sender's own too:
 * its other channels of the name receive). Which names a thread listens
 * to is not in the table, so a thread may be woken for nothing; a scan of
 * the table is a few microseconds.
 */
export function wakeBroadcastMembers(): void {
  const t = table;
  if (t === undefined) return;
  for (let slot = 0; slot < SLOTS; slot++) {
    const at = slot * STRIDE;
    if (Atomics.load(t, at + BROADCAST) > 0) wakeSlot(slot);
  }
}

/** Retire a slot: wait for writers to leave, close its fd, free it. */
export function retireSlot(slot: number): void {
  const t = threadTable();
  const at = slot * STRIDE;
  while (Atomics.compareExchange(t, at + STATE, 1, DYING) !== 1) {
    // A writer is between its read of the fd and its write: microseconds.
    Atomics.wait(pause, 0, 0, 0.05);
  }
  unistd.close(Atomics.load(t, at + FD));
  Atomics.store(t, at + FD, -1);
  Atomics.store(t, at + BROADCAST, 0);
  Atomics.store(t, at + STATE, 0);
}
