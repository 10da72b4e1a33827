/**
 * The handle layer of a message port: one end of a channel, on this
 * thread's loop.
 *
 *   sender                                     receiving thread
 *   post(envelope) ─ ring (plain messages) ─────▶ read in the order sent
 *     │            ─ host port queue ──────────▶ (never dispatched by the
 *     │              (transfers, shared memory,    host: the host port is
 *     │               what the ring cannot take)   never started; ring.ts)
 *     ├ pending[peer] += 1
 *     └ wake the peer's thread (thread-table.ts) ─▶ eventfd in its epoll:
 *                                                  the hub's poll callback
 *                                                  drains each started port
 *                                                  whose pending count moved
 *
 * The host's MessagePort queue is kept for what only it can carry (a
 * SharedArrayBuffer or a transferred ArrayBuffer crosses isolates no other
 * way); who is woken, when, and on which loop's phase the message is
 * handled is ours. The channel's state is shared memory both ends see:
 *
 *   [OWNER0, OWNER1]     thread-table slot owning each end (IN_TRANSIT while
 *                        a port travels inside a message)
 *   [PENDING0, PENDING1] messages posted towards each end since it drained
 *   [CLOSED]             set once either end closed
 *
 * A posted message is an envelope `[kind, payload, ports?, states?]`: the
 * kind says what the runtime does with it (a user message, the close of
 * the peer, a worker's stdio); ports sent along come back beside the
 * payload so the receiver can adopt them.
 */
import { receiveMessageOnPort as hostReceive, MessagePort as HostMessagePort } from 'node:worker_threads';
import { Check, Handle, IoWatcher, settleThreadpool, type Loop } from '@mini/loop';
import { EPOLLIN, unistd } from '@mini/sys';
import { RING_BYTES, RING_HEADER_BYTES, Ring } from './ring.js';
import { claimSlot, newWakeFd, wakeSlot } from './thread-table.js';

/** The ring carrying messages into end `end` of the channel whose buffer is `buffer`. */
function ringInto(buffer: SharedArrayBuffer, end: number): Ring {
  return new Ring(buffer, STATE_BYTES + end * (RING_HEADER_BYTES + RING_BYTES));
}

export const OWNER = 0;
export const PENDING = 2;
export const CLOSED = 4;
/** The state words come first in a channel's buffer, then the ring into each end. */
const STATE_BYTES = 32;
export const IN_TRANSIT = -1;

/** What an envelope carries. */
export const enum Kind {
  MESSAGE = 0,
  MESSAGE_WITH_PORTS = 1,
  CLOSE = 2,
  /** A worker's stdout / stderr chunk, its stdin chunk and end, its start. */
  STDOUT = 3,
  STDERR = 4,
  STDIN = 5,
  STDIN_END = 6,
  ONLINE = 7,
}

/** [kind, payload, ports, their channels, sequence number] (see ring.ts for the number). */
export type Envelope = [Kind, unknown, (HostMessagePort[] | undefined)?, ([SharedArrayBuffer, number][] | undefined)?, number?];

const hostProto = HostMessagePort.prototype as unknown as {
  postMessage(this: HostMessagePort, value: unknown, transfer?: readonly unknown[]): void;
  close(this: HostMessagePort): void;
  unref(this: HostMessagePort): void;
};
const hostPost = hostProto.postMessage;
const hostClose = hostProto.close;
const hostUnref = hostProto.unref;

/** A new channel's shared state, both ends owned by no thread yet. */
export function newChannelState(): Int32Array {
  const state = new Int32Array(new SharedArrayBuffer(STATE_BYTES + 2 * (RING_HEADER_BYTES + RING_BYTES)));
  state[OWNER] = IN_TRANSIT;
  state[OWNER + 1] = IN_TRANSIT;
  return state;
}

/**
 * This thread's wakeup: its slot in the thread table and the eventfd in
 * its epoll set. The main thread makes its own on first use; a worker is
 * given one by the thread that starts it (which also closes it).
 */
interface ThreadWake {
  slot: number;
  fd: number;
  owned: boolean;
}

let wake: ThreadWake | undefined;

/**
 * Set in a worker: the word its parent sets to ask it to end. Checked on
 * each wakeup, so a worker in our loop ends itself from JavaScript, between
 * callbacks (see worker.ts terminate()).
 */
let terminateCell: Int32Array | undefined;
const hostProcess = process as unknown as { reallyExit(code: number): never };
const reallyExit = hostProcess.reallyExit.bind(hostProcess);

/** The terminate word once the worker has seen it and is ending itself. */
export const TERMINATE_HEARD = 2;

export function setTerminateCell(cell: Int32Array): void {
  terminateCell = cell;
}

export function setThreadWake(slot: number, fd: number): void {
  wake = { slot, fd, owned: false };
}

function threadWake(): ThreadWake {
  if (wake === undefined) {
    const fd = newWakeFd();
    wake = { slot: claimSlot(fd), fd, owned: true };
  }
  return wake;
}

export function thisThreadSlot(): number {
  return threadWake().slot;
}

/** What a wakeup of this thread looks at: a port's end, a BroadcastChannel. */
export interface WakeTarget {
  /** Deliver what came for it, if anything did. */
  check(): void;
}

/** The ports (and broadcast channels) of this thread, and the one watcher that wakes them all. */
class PortHub {
  readonly ports = new Set<WakeTarget>();
  private readonly watcher: IoWatcher;
  private readonly drainBuf = new Uint8Array(8);

  constructor(private readonly loop: Loop) {
    const w = threadWake();
    this.watcher = new IoWatcher(loop, w.fd, () => this.onWake(), null);
    this.watcher.borrowed = !w.owned;
    this.watcher.start(EPOLLIN);
  }

  private onWake(): void {
    unistd.read(this.watcher.fd, this.drainBuf, 8);
    // A terminated worker ends as Node's does: code 1, no 'exit' event in the thread.
    if (terminateCell !== undefined && Atomics.load(terminateCell, 0) !== 0) {
      // Heard: the parent leaves the rest to us (no V8 stop in the middle of the settle).
      Atomics.store(terminateCell, 0, TERMINATE_HEARD);
      // The pool may still be reading into this thread's buffers: wait for it first.
      settleThreadpool(this.loop);
      reallyExit(1);
    }
    for (const port of this.ports) port.check();
  }

  /** Look at every port again on the next poll (a port started, or a drain cut short). */
  rewake(): void {
    wakeSlot(threadWake().slot);
  }
}

const hubs = new WeakMap<Loop, PortHub>();

/** In a worker, watch the wakeup from boot on, so terminate() is heard before any port exists. */
export function watchThreadWake(loop: Loop): void {
  hubOf(loop);
}

/** Look at `target` on each wakeup of this thread, from now until unwatchWakeups. */
export function watchWakeups(loop: Loop, target: WakeTarget): void {
  hubOf(loop).ports.add(target);
}

export function unwatchWakeups(loop: Loop, target: WakeTarget): void {
  hubOf(loop).ports.delete(target);
}

function hubOf(loop: Loop): PortHub {
  let hub = hubs.get(loop);
  if (hub === undefined) {
    hub = new PortHub(loop);
    hubs.set(loop, hub);
  }
  return hub;
}

export interface PortEvents {
  /** A user message, with the ports that came along already adopted. */
  onMessage(payload: unknown, ports: readonly HostMessagePort[]): void;
  /** A runtime envelope (a worker's stdio, its start). */
  onControl(kind: Kind, payload: unknown): void;
  /** The handle closed (either end closed, or this end was sent away); runs in the closing phase. */
  onClose(): void;
  /** Adopt a port that arrived inside a message: make it ours on this thread. */
  adopt(port: HostMessagePort, state: Int32Array, end: number): void;
}

export class PortHandle extends Handle implements WakeTarget {
  readonly host: HostMessagePort;
  readonly state: Int32Array;
  readonly end: number;
  private readonly peer: number;
  private readonly hub: PortHub;
  events: PortEvents;
  /** Sent away in a message: this object no longer speaks for the end. */
  detached = false;
  private readonly inRing: Ring;
  private readonly outRing: Ring;
  /** A host-queue envelope read ahead of a ring message numbered before it. */
  private lookahead: Envelope | undefined;

  constructor(loop: Loop, host: HostMessagePort, state: Int32Array, end: number, events: PortEvents) {
    super(loop);
    this.host = host;
    this.state = state;
    this.end = end;
    this.peer = 1 - end;
    this.events = events;
    this.inRing = ringInto(state.buffer as SharedArrayBuffer, end);
    this.outRing = ringInto(state.buffer as SharedArrayBuffer, this.peer);
    hostUnref.call(host);
    this.hub = hubOf(loop);
    this.hub.ports.add(this);
    // Messages posted while the end travelled are in the host queue; a
    // sender that saw IN_TRANSIT woke nobody, so look once we own it.
    Atomics.store(state, OWNER + end, thisThreadSlot());
    if (Atomics.load(state, PENDING + end) > 0 || Atomics.load(state, CLOSED) !== 0) this.hub.rewake();
  }

  override get typeName(): string {
    return 'MessagePort';
  }

  isClosed(): boolean {
    return this.isClosing() || Atomics.load(this.state, CLOSED) !== 0;
  }

  /** Deliver messages from the poll phase on (node's port.start()). */
  start(): void {
    if (this.isClosing() || this.isActive()) return;
    this.activate();
    if (Atomics.load(this.state, PENDING + this.end) > 0) this.hub.rewake();
  }

  stop(): void {
    this.deactivate();
  }

  /** Post an envelope to the other end; dropped if the channel is closed. */
  post(envelope: Envelope, transfer?: readonly unknown[]): void {
    if (Atomics.load(this.state, CLOSED) !== 0) {
      // Still cloned, as Node throws for a bad message to a closed port; sent nowhere.
      if (transfer === undefined && envelope[0] === Kind.MESSAGE) structuredClone(envelope[1]);
      return;
    }
    this.send(envelope, transfer);
  }

  /** Number the envelope, put it on the ring or the host queue, wake the peer. */
  private send(envelope: Envelope, transfer?: readonly unknown[]): void {
    const ring = this.outRing;
    const seq = ring.nextSeq();
    const kind = envelope[0];
    const plain = transfer === undefined && kind !== Kind.MESSAGE_WITH_PORTS && kind !== Kind.CLOSE;
    if (!plain || !ring.write(kind, envelope[1], seq)) {
      envelope[4] = seq;
      try {
        hostPost.call(this.host, envelope, transfer);
      } catch (err) {
        ring.returnSeq();
        throw err;
      }
    }
    // A peer already counted as pending has a wakeup on its way and drains
    // after it: one eventfd write per burst, not per message. A close is
    // always told, since a port that is not receiving only looks on a wakeup.
    if (Atomics.add(this.state, PENDING + this.peer, 1) === 0 || kind === Kind.CLOSE) {
      wakeSlot(Atomics.load(this.state, OWNER + this.peer));
    }
  }

  /** The next envelope in the order sent, from the ring or the host queue; undefined if none yet. */
  receive(): Envelope | undefined {
    const ring = this.inRing;
    const next = ring.expected();
    if (ring.peekSeq() === next) {
      const [kind, value] = ring.take();
      ring.taken();
      return [kind as Kind, value];
    }
    let env = this.lookahead;
    if (env === undefined) {
      const r = hostReceive(this.host) as { message: Envelope } | undefined;
      if (r === undefined) return undefined;
      env = r.message;
    }
    if (env[4] !== next) {
      this.lookahead = env;
      return undefined;
    }
    this.lookahead = undefined;
    ring.taken();
    return env;
  }

  /** Called on a wakeup of this thread: drain if messages came for us. */
  check(): void {
    if (this.isClosing()) return;
    if (Atomics.load(this.state, PENDING + this.end) > 0 && this.isActive()) {
      this.drain();
    } else if (Atomics.load(this.state, CLOSED) !== 0 && !this.isActive()) {
      // Closed by the peer while not receiving: what was queued is dropped, as Node's is.
      this.closeFromPeer();
    }
  }

  /** Everything queued now, one callback each (ticks drained after each, as Node's). */
  private drain(): void {
    Atomics.store(this.state, PENDING + this.end, 0);
    let done = false;
    try {
      while (this.isActive() && !this.isClosing()) {
        const env = this.receive();
        if (env === undefined) break;
        this.loop.invoke(() => this.dispatch(env), 'MessagePort message');
      }
      done = true;
    } finally {
      // A listener threw (on its way to the uncaught handler): the rest
      // wait for the next poll rather than for the next message.
      if (!done) {
        Atomics.add(this.state, PENDING + this.end, 1);
        this.hub.rewake();
      }
    }
  }

  /** Act on one envelope: a user message goes to onMessage, the peer's close closes us. */
  dispatch(env: Envelope): void {
    const kind = env[0];
    if (kind === Kind.MESSAGE) this.events.onMessage(env[1], NO_PORTS);
    else if (kind === Kind.MESSAGE_WITH_PORTS) this.events.onMessage(env[1], this.adoptAll(env));
    else if (kind === Kind.CLOSE) this.closeFromPeer();
    else this.events.onControl(kind, env[1]);
  }

  adoptAll(env: Envelope): HostMessagePort[] {
    const ports = env[2]!;
    const states = env[3]!;
    for (let i = 0; i < ports.length; i++) this.events.adopt(ports[i]!, new Int32Array(states[i]![0]), states[i]![1]);
    return ports;
  }

  /**
   * The peer closed the channel. This end closes from the next iteration's
   * pending phase (queued from this one's check phase), so the closer's
   * 'close' comes first, as in Node: the closing phase runs the newest
   * close first.
   */
  private closeFromPeer(): void {
    if (this.closingSoon || this.isClosing()) return;
    this.closingSoon = true;
    const check = new Check(this.loop);
    check.start(() => {
      check.close();
      this.loop.queuePending(() => {
        if (!this.isClosing()) this.close();
      });
    });
  }

  private closingSoon = false;

  /** The shared state and end of this handle, to send along with its port. */
  describe(): [SharedArrayBuffer, number] {
    return [this.state.buffer as SharedArrayBuffer, this.end];
  }

  /** This end is going away inside a message: stop speaking for it here. */
  detach(): void {
    this.detached = true;
    Atomics.store(this.state, OWNER + this.end, IN_TRANSIT);
    if (!this.isClosing()) this.close();
  }

  /** Close the channel: the peer is told (after what was sent before), and both ends emit 'close'. */
  closeChannel(): void {
    if (this.isClosing()) return;
    if (Atomics.exchange(this.state, CLOSED, 1) === 0) {
      // What this end sent stays in the peer's queue after the host port closes (measured).
      this.send([Kind.CLOSE, undefined]);
    }
    this.close();
  }

  protected onClose(): void {
    this.deactivate();
    this.hub.ports.delete(this);
    if (this.detached) return;
    // Closed here or by the peer: the channel is over for both ends.
    Atomics.store(this.state, CLOSED, 1);
    hostClose.call(this.host);
  }

  override finishClose(): void {
    super.finishClose();
    this.events.onClose();
  }
}

const NO_PORTS: readonly HostMessagePort[] = Object.freeze([]);
