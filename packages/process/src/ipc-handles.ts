/**
 * Handles over the IPC channel: what `send(message, handle)` puts on the
 * wire and what the other end rebuilds from it, in Node's protocol, so
 * either end may be node.
 *
 *   sender                                     receiver
 *   { cmd: 'NODE_HANDLE', type, msg } ──────►  fd taken from the same read
 *     + the handle's fd (SCM_RIGHTS)           (or none: NODE_HANDLE_NACK)
 *   later sends wait in a queue                object rebuilt from `type`,
 *                               ◄────────────  { cmd: 'NODE_HANDLE_ACK' }
 *   queue flushed; a socket sent without       'message' (msg, object)
 *   keepOpen is closed on our side
 *
 * `type` names what was sent, and so what is rebuilt:
 *   'net.Server'   a listening server: the receiver listens on the fd too
 *   'net.Socket'   a connection; `key` names the server it came from, so
 *                  that server's close() and getConnections() can ask the
 *                  receiver about it (NODE_SOCKET_* messages, below)
 *   'dgram.Socket' a UDP socket, `dgramType` 'udp4' or 'udp6'
 *   'net.Native' / 'dgram.Native'  a bare handle, handed over as is
 *
 * This module holds the per-type conversions and the socket lists; the
 * channel (ipc.ts) does the queueing and the acknowledgements.
 */
import { EventEmitter } from 'node:events';
import { dgram, net, Pipe, StreamHandle, TCP, UDP, udpHandleOf, type FdHandle } from '@mini/net';
import { codedError } from '@mini/sys';

export type HandleType = 'net.Server' | 'net.Socket' | 'net.Native' | 'dgram.Socket' | 'dgram.Native';

export interface HandleMessage {
  cmd: 'NODE_HANDLE';
  type: HandleType;
  msg: unknown;
  key?: string;
  dgramType?: string;
}

export interface SendOptions {
  keepOpen?: boolean;
  swallowErrors?: boolean;
}

/** What a conversion needs of the channel it runs on. */
export interface HandleChannel {
  /** The ChildProcess, or `process` in a child. */
  readonly target: EventEmitter & { connected: boolean };
  /** Send one of Node's own messages, past the handle queue; errors are dropped when `swallowErrors`. */
  sendInternal(message: object, swallowErrors: boolean): void;
  /** The socket lists of this channel, by server key. */
  readonly sent: Map<string, SocketListSend>;
  readonly got: Map<string, SocketListReceive>;
}

type NetServer = InstanceType<typeof net.Server>;
type NetSocket = InstanceType<typeof net.Socket>;
type DgramSocket = InstanceType<typeof dgram.Socket>;

interface Conversion {
  /** The handle to send for `object`, or undefined when it has none (then the message goes alone). */
  send(channel: HandleChannel, message: HandleMessage, object: unknown, options: SendOptions): FdHandle | undefined;
  /** Whether the sender gives up the handle once the receiver has it (a socket, unless keepOpen). */
  closesAfterAck(options: SendOptions): boolean;
  /** Rebuild the object from the received handle; `emit` it once it is usable. */
  got(channel: HandleChannel, message: HandleMessage, handle: FdHandle, emit: (object: unknown) => void): void;
}

/** What `send`'s second argument is, in Node's order of checks. */
export function handleTypeOf(object: unknown): HandleType {
  if (object instanceof net.Socket) return 'net.Socket';
  if (object instanceof net.Server) return 'net.Server';
  if (object instanceof TCP || object instanceof Pipe) return 'net.Native';
  if (object instanceof dgram.Socket) return 'dgram.Socket';
  if (object instanceof UDP) return 'dgram.Native';
  throw codedError('ERR_INVALID_HANDLE_TYPE');
}

const never = (): boolean => false;

export const conversions: Record<HandleType, Conversion> = {
  'net.Native': {
    send: (_c, _m, handle) => handle as FdHandle,
    closesAfterAck: never,
    got: (_c, _m, handle, emit) => emit(handle),
  },

  'net.Server': {
    // The server keeps listening here too: both processes accept from it.
    // A round-robin cluster worker's server has no socket of its own to send.
    send: (_c, _m, server) => {
      const handle = (server as NetServer)._handle;
      return handle instanceof StreamHandle ? handle : undefined;
    },
    closesAfterAck: never,
    got(_c, _m, handle, emit) {
      const server = new net.Server();
      server.listen(handle, () => emit(server));
    },
  },

  'net.Socket': {
    send(channel, message, object, options) {
      const socket = object as NetSocket;
      const handle = socket._handle;
      if (handle === null) return undefined;
      const server = socket.server as NetServer | null;
      if (server !== null && server !== undefined && server._connectionKey !== undefined) {
        // The receiver counts it under the server's key; the server asks it from now on.
        message.key = server._connectionKey;
        let list = channel.sent.get(message.key);
        if (list === undefined) {
          list = new SocketListSend(channel, message.key);
          channel.sent.set(message.key, list);
          server._setupWorker(list);
        }
        if (!options.keepOpen) server._connections--;
      }
      if (!options.keepOpen) {
        // The connection is the receiver's now: nothing more is read here
        // (libuv would hand data read meanwhile to nobody).
        handle.readStop();
        handle.onread = () => {};
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },
    closesAfterAck: (options) => !options.keepOpen,
    got(channel, message, handle, emit) {
      const socket = new net.Socket({ handle: handle as StreamHandle, readable: true, writable: true });
      if (typeof message.key === 'string') {
        let list = channel.got.get(message.key);
        if (list === undefined) {
          list = new SocketListReceive(channel, message.key);
          channel.got.set(message.key, list);
        }
        list.add(socket);
      }
      emit(socket);
    },
  },

  'dgram.Socket': {
    send(_c, message, object) {
      const socket = object as DgramSocket;
      message.dgramType = socket.type;
      return udpHandleOf(socket) ?? undefined;
    },
    closesAfterAck: never,
    got(_c, message, handle, emit) {
      const socket = new dgram.Socket(message.dgramType === 'udp6' ? 'udp6' : 'udp4');
      socket.bind(handle as UDP, () => emit(socket));
    },
  },

  'dgram.Native': {
    send: (_c, _m, handle) => handle as FdHandle,
    closesAfterAck: never,
    got: (_c, _m, handle, emit) => emit(handle),
  },
};

interface InternalReply {
  cmd?: unknown;
  key?: unknown;
  count?: unknown;
}

/**
 * The sending side's record of the sockets one server handed to the other
 * process: what the server's close() and getConnections() ask through
 * (net.Server's WorkerSocketList).
 */
export class SocketListSend extends EventEmitter {
  constructor(
    private readonly channel: HandleChannel,
    readonly key: string,
  ) {
    super();
    channel.target.once('exit', () => this.emit('exit', this));
  }

  /** Send `message`, then wait for the reply `cmd` about our key, or for the channel to end. */
  private request(
    message: object,
    cmd: string,
    swallowErrors: boolean,
    callback: (err: Error | null, reply?: InternalReply) => void,
  ): void {
    const target = this.channel.target;
    const onReply = (reply: InternalReply): void => {
      if (reply.cmd !== cmd || reply.key !== this.key) return;
      target.removeListener('disconnect', onClose);
      target.removeListener('internalMessage', onReply);
      callback(null, reply);
    };
    const onClose = (): void => {
      target.removeListener('internalMessage', onReply);
      callback(codedError('ERR_CHILD_CLOSED_BEFORE_REPLY'));
    };
    if (!target.connected) {
      onClose();
      return;
    }
    this.channel.sendInternal(message, swallowErrors);
    target.once('disconnect', onClose);
    target.on('internalMessage', onReply);
  }

  close(callback: (err: Error | null) => void): void {
    this.request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false, (err, reply) => {
        if (err !== null) reject(err);
        else resolve(reply!.count as number);
      });
    });
  }
}

/** The receiving side's count of the sockets it got from one server, answering the sender's questions. */
export class SocketListReceive extends EventEmitter {
  connections = 0;

  constructor(
    channel: HandleChannel,
    readonly key: string,
  ) {
    super();
    const onEmpty = (): void => {
      if (channel.target.connected) channel.sendInternal({ cmd: 'NODE_SOCKET_ALL_CLOSED', key }, true);
    };
    channel.target.on('internalMessage', (message: InternalReply) => {
      if (message.key !== key) return;
      if (message.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) onEmpty();
        else this.once('empty', onEmpty);
      } else if (message.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (channel.target.connected) channel.sendInternal({ cmd: 'NODE_SOCKET_COUNT', key, count: this.connections }, false);
      }
    });
  }

  add(socket: NetSocket): void {
    this.connections++;
    socket.once('close', () => {
      if (--this.connections === 0) this.emit('empty', this);
    });
  }
}
