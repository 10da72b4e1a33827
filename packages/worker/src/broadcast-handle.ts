/**
 * The handle layer of a BroadcastChannel: one member of a name's group,
 * on this thread's loop.
 *
 *   post(value) ─ the host's group port ───────▶ queued at every other member
 *     │           (clones once per member,       of the name, in any thread
 *     │            keyed by the name)
 *     └ wake each thread with a member ─────────▶ eventfd in its epoll: each
 *       (thread-table.ts)                          member takes what its port
 *                                                  holds, one callback each,
 *                                                  in the poll phase
 *
 * As with a MessagePort's host queue (port-handle.ts), the host port only
 * carries: it is never started, so the host never dispatches from it, and
 * it never keeps the host's loop alive. Who is woken, when, on which loop
 * and phase a message is handled, and what keeps the loop alive (an open,
 * ref'd member, as in Node) are ours. The group — which ports share a name
 * across the process's threads — is the host's, the one registry every
 * isolate of the process can reach.
 */
import { receiveMessageOnPort as hostReceive, MessagePort as HostMessagePort } from 'node:worker_threads';
import { Handle, type Loop } from '@mini/loop';
import { hostBinding } from '@mini/sys';
import { thisThreadSlot, unwatchWakeups, watchWakeups, type WakeTarget } from './port-handle.js';
import { countBroadcastMember, wakeBroadcastMembers, wakeSlot } from './thread-table.js';

interface Messaging {
  broadcastChannel(name: string): HostMessagePort;
}

let messaging: Messaging | undefined;

/** The host's messaging binding, where its groups of BroadcastChannels by name are. */
function hostMessaging(): Messaging {
  return (messaging ??= hostBinding<Messaging>('messaging'));
}

const hostProto = HostMessagePort.prototype as unknown as {
  postMessage(this: HostMessagePort, value: unknown): boolean | undefined;
  close(this: HostMessagePort): void;
  unref(this: HostMessagePort): void;
};
const hostPost = hostProto.postMessage;
const hostClose = hostProto.close;
const hostUnref = hostProto.unref;

export interface BroadcastEvents {
  onMessage(value: unknown): void;
  /** A message that could not be deserialized here. */
  onMessageError(error: unknown): void;
}

export class BroadcastHandle extends Handle implements WakeTarget {
  private readonly port: HostMessagePort;
  private readonly slot: number;

  constructor(
    loop: Loop,
    name: string,
    private readonly events: BroadcastEvents,
  ) {
    super(loop);
    this.port = hostMessaging().broadcastChannel(name);
    // The host calls a port's onclose when it closes; ours says nothing (a BroadcastChannel has no 'close').
    Object.defineProperty(this.port, 'onclose', { value() {} });
    hostUnref.call(this.port);
    this.slot = thisThreadSlot();
    countBroadcastMember(this.slot, 1);
    watchWakeups(loop, this);
    this.activate();
  }

  override get typeName(): string {
    return 'BroadcastChannel';
  }

  /** Queue `value` at every other member of the name (the host's clone throws DataCloneError), and wake them. */
  post(value: unknown): boolean {
    const posted = hostPost.call(this.port, value) !== undefined;
    wakeBroadcastMembers();
    return posted;
  }

  /** On a wakeup of this thread: what came, one callback each (ticks drained after each, as Node's). */
  check(): void {
    let done = false;
    try {
      while (!this.isClosing()) {
        let received: { message: unknown } | undefined;
        try {
          received = hostReceive(this.port) as { message: unknown } | undefined;
        } catch (err) {
          this.loop.invoke(() => this.events.onMessageError(err), 'BroadcastChannel messageerror');
          continue;
        }
        if (received === undefined) break;
        const value = received.message;
        this.loop.invoke(() => this.events.onMessage(value), 'BroadcastChannel message');
      }
      done = true;
    } finally {
      // A listener threw (on its way to the uncaught handler): the rest wait for the next poll.
      if (!done) wakeSlot(this.slot);
    }
  }

  protected onClose(): void {
    this.deactivate();
    unwatchWakeups(this.loop, this);
    countBroadcastMember(this.slot, -1);
    hostClose.call(this.port);
  }
}
