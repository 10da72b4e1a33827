/**
 * The messages between a cluster primary and its workers: Node's
 * NODE_CLUSTER protocol, on the IPC channel beside the program's own
 * messages (their `cmd` starts with 'NODE_', so the channel hands them to
 * 'internalMessage', never to 'message').
 *
 *   { cmd: 'NODE_CLUSTER', act, seq, ... }    a request, or a notice
 *   { cmd: 'NODE_CLUSTER', ack: seq, ... }    the reply to request `seq`
 *
 * Acts, worker → primary: 'online', 'queryServer' (answered with the
 * handle or an errno), 'listening', 'close', 'exitedAfterDisconnect'
 * (answered); primary → worker: 'newconn' (a connection, answered with
 * `accepted`), 'disconnect'. Sequence numbers count per process.
 */
import type { EventEmitter } from 'node:events';

export interface ClusterMessage {
  cmd: 'NODE_CLUSTER';
  seq: number;
  act?: string;
  ack?: number;
  key?: string;
  errno?: number | null;
  [field: string]: unknown;
}

/** Either end of the channel: a worker's ChildProcess in the primary, `process` in a worker. */
export interface ChannelEnd extends EventEmitter {
  connected: boolean;
  send?: (...args: unknown[]) => boolean;
}

export type Reply = (message: ClusterMessage, handle?: unknown) => void;

const callbacks = new Map<number, Reply>();
let seq = 0;

/** Send `message` as a NODE_CLUSTER message; `reply` is called with the answer to it. */
export function sendHelper(end: ChannelEnd, message: object, handle?: unknown, reply?: Reply): boolean {
  if (!end.connected || end.send === undefined) return false;
  const wire = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (reply !== undefined) callbacks.set(seq, reply);
  seq += 1;
  return handle === undefined || handle === null ? end.send(wire) : end.send(wire, handle);
}

/** An 'internalMessage' listener: replies go to whoever waits for them, other messages to `onmessage`. */
export function internal<T>(
  self: T,
  onmessage: (this: T, message: ClusterMessage, handle?: unknown) => void,
): (message: ClusterMessage, handle?: unknown) => void {
  return (message, handle) => {
    if (message === null || typeof message !== 'object' || message.cmd !== 'NODE_CLUSTER') return;
    let fn: (this: T, message: ClusterMessage, handle?: unknown) => void = onmessage;
    if (message.ack !== undefined) {
      const callback = callbacks.get(message.ack);
      if (callback !== undefined) {
        fn = callback;
        callbacks.delete(message.ack);
      }
    }
    fn.call(self, message, handle);
  };
}
