/**
 * The IPC channel of a forked child, on both ends: one end of a Unix
 * socketpair in a Pipe handle, carrying Node's serializations ('json' or
 * 'advanced', ipc-serialization.ts), so a mini parent talks to a node
 * child and the reverse.
 *
 *   target (a ChildProcess, or `process` in the child)
 *     .send(message, [handle], [options], [callback])   → one line written
 *     .on('message')                                    ← one line read
 *     .disconnect() / 'disconnect' / .connected / .channel
 *
 * Messages whose `cmd` starts with 'NODE_' are Node's own (handle passing,
 * cluster) and go to 'internalMessage' instead of 'message'. A handle
 * given to send() travels with its message as Node sends it
 * (ipc-handles.ts): later sends wait until the other side acknowledges it.
 *
 * Each message is emitted on a tick of its own after the read, as Node
 * emits them. One that arrives while the target has no 'message' listener
 * is kept until one is added, not dropped: a child whose main module is an
 * ES module graph is still loading it when its parent's first message
 * comes (vitest's forks pool sends 'start' at once and waits for the reply).
 *
 * The channel keeps its loop alive only while the target has 'message' or
 * 'disconnect' listeners, as Node's does. An end of file from the other
 * side disconnects; on a ChildProcess it also counts towards 'close' (a
 * disconnect we start ourselves does not, as in Node).
 */
import type { EventEmitter } from 'node:events';
import { defaultLoop } from '@mini/loop';
import { Pipe, WriteReq, handleForFd, type FdHandle } from '@mini/net';
import { conversions, handleTypeOf, type HandleChannel, type HandleMessage, type HandleType, type SendOptions } from './ipc-handles.js';
import { serializationFor, type SerializationMode } from './ipc-serialization.js';
import {
  FD_CLOEXEC,
  F_GETFD,
  F_GETFL,
  F_SETFD,
  F_SETFL,
  O_NONBLOCK,
  codedError,
  errnoException,
  invalidArgType,
  unistd,
  validateObject,
} from '@mini/sys';

/** Node's backpressure mark: send() returns false once this much waits in the queue. */
const QUEUE_HIGH_WATER = 65536 * 2;

export interface IpcTarget extends EventEmitter {
  connected: boolean;
  channel?: Control | null;
  send?: (...args: unknown[]) => boolean;
  disconnect?: () => void;
  /** A ChildProcess counts the channel's end of file towards 'close'. */
  _channelEnded?: () => void;
}

/** What `target.channel` is: Node's Control, with ref/unref and the fd. */
export class Control {
  private refs = 0;
  private explicitUnref = false;

  constructor(readonly pipe: Pipe) {}

  get fd(): number {
    return this.pipe.fd;
  }

  ref(): void {
    this.explicitUnref = false;
    this.pipe.ref();
  }

  unref(): void {
    this.explicitUnref = true;
    this.pipe.unref();
  }

  /** Set for a channel whose fd was never open: it can never keep the loop alive. */
  inert = false;

  /** A listener for 'message' or 'disconnect' was added. */
  refCounted(): void {
    if (++this.refs === 1 && !this.explicitUnref && !this.inert) this.pipe.ref();
  }

  unrefCounted(): void {
    if (--this.refs === 0 && !this.explicitUnref) this.pipe.unref();
  }
}

function validateMessage(message: unknown): void {
  if (message === undefined) throw codedError('ERR_MISSING_ARGS', 'message');
  const t = typeof message;
  if (t !== 'string' && t !== 'object' && t !== 'number' && t !== 'boolean') {
    throw invalidArgType('message', ['string', 'object', 'number', 'boolean'], message);
  }
}

function isInternal(message: unknown): boolean {
  if (message === null || typeof message !== 'object') return false;
  const cmd = (message as { cmd?: unknown }).cmd;
  return typeof cmd === 'string' && cmd.startsWith('NODE_');
}

/** A handle waiting for the other side's NODE_HANDLE_ACK, to be closed then (a socket sent without keepOpen). */
interface PendingHandle {
  wire: Buffer;
  handle: FdHandle;
  retransmissions: number;
}

/** A send waiting behind a handle that is not acknowledged yet. */
interface QueuedSend {
  message: unknown;
  handle: unknown;
  options: SendOptions;
  callback: unknown;
}

/** Node gives up on a handle the other side could not take after this many retries. */
const MAX_HANDLE_RETRANSMISSIONS = 3;

/** Give `target` its channel on `pipe` (an open, non-blocking IPC Pipe). */
export function setupChannel(target: IpcTarget, pipe: Pipe, mode: SerializationMode = 'json'): Control {
  const control = new Control(pipe);
  // No fd (a NODE_CHANNEL_FD naming nothing): node still shows a channel
  // whose sends fail, and the process is free to exit.
  control.inert = pipe.fd < 0 || unistd.fcntl(pipe.fd, F_GETFD, 0) < 0;
  const serialization = serializationFor(mode);
  const decode = serialization.decoder();
  target.channel = control;
  target.connected = true;
  pipe.unref();

  // Sends wait here from a handle's send until its acknowledgement (null: none outstanding).
  let handleQueue: QueuedSend[] | null = null;
  let pendingHandle: PendingHandle | null = null;
  // disconnect() asked while the queue was not empty: done once it is.
  let disconnectPending = false;
  const channel: HandleChannel = {
    target,
    sendInternal: (message, swallowErrors) => void doSend(message, undefined, { swallowErrors }, undefined),
    sent: new Map(),
    got: new Map(),
  };

  // 'message' events that found no listener, for the first one added.
  let unheard: [message: unknown, handle: unknown][] = [];
  const listened = (type: unknown): boolean => type === 'message' || type === 'disconnect';
  target.on('newListener', (type: unknown) => {
    if (listened(type)) control.refCounted();
    // On the next tick, as Node does: the listener is in place by then (this
    // event comes before it is added), and so are any others added with it.
    // Any listener added triggers the check, not only a 'message' one, as in Node.
    if (unheard.length > 0) process.nextTick(emitUnheard);
  });
  target.on('removeListener', (type: unknown) => {
    if (listened(type)) control.unrefCounted();
  });
  for (const type of ['message', 'disconnect']) for (let i = target.listenerCount(type); i > 0; i--) control.refCounted();

  pipe.onread = (nread, buf) => {
    if (nread > 0 && buf !== undefined) {
      for (const message of decode(buf)) {
        if (!isOpen()) break;
        if (!isInternal(message)) process.nextTick(emitMessage, message);
        else if ((message as { cmd: string }).cmd === 'NODE_HANDLE') {
          // The fd came with these bytes: it is taken now, so that it stays with its message.
          process.nextTick(receiveHandle, message as HandleMessage, pipe.takePending());
        } else process.nextTick(internalMessage, message as { cmd: string });
      }
      return;
    }
    // End of file, or an error: the other side is gone.
    pipe.onread = undefined;
    if (target.connected) disconnect();
    target._channelEnded?.();
  };
  if (!control.inert) pipe.readStart();

  /** Node's test before it queues a message's emit: a channel not disconnected yet. */
  function isOpen(): boolean {
    return target.channel !== null && target.channel !== undefined;
  }

  function emitMessage(message: unknown, handle?: unknown): void {
    if (target.listenerCount('message') > 0) target.emit('message', message, handle);
    else if (isOpen()) unheard.push([message, handle]);
  }

  function emitUnheard(): void {
    if (!isOpen() || target.listenerCount('message') === 0 || unheard.length === 0) return;
    const messages = unheard;
    unheard = [];
    for (const [message, handle] of messages) target.emit('message', message, handle);
  }

  /** A NODE_HANDLE message, with the fd that came with its bytes (-1: none did). */
  function receiveHandle(message: HandleMessage, fd: number): void {
    // Disconnected since the read: nobody will take it.
    if (!isOpen()) {
      if (fd >= 0) unistd.close(fd);
      return;
    }
    const handle = fd >= 0 ? handleForFd(pipe.loop, fd) : undefined;
    if (typeof handle === 'string') unistd.close(fd);
    const conversion = conversions[message.type] as (typeof conversions)[HandleType] | undefined;
    if (handle === undefined || typeof handle === 'string' || conversion === undefined) {
      // Lost on the way (the kernel truncated the control data): ask again.
      if (typeof handle === 'object') handle.close();
      doSend({ cmd: 'NODE_HANDLE_NACK' }, undefined, { swallowErrors: true }, undefined);
      return;
    }
    // Not fatal if the other side is gone already: nobody asked for this send.
    doSend({ cmd: 'NODE_HANDLE_ACK' }, undefined, { swallowErrors: true }, undefined);
    target.emit('internalMessage', message, handle);
    conversion.got(channel, message, handle, (object) => {
      if (!isOpen()) return;
      if (isInternal(message.msg)) process.nextTick(() => target.emit('internalMessage', message.msg, object));
      else process.nextTick(emitMessage, message.msg, object);
    });
  }

  function internalMessage(message: { cmd: string }): void {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      if (pendingHandle !== null) {
        pendingHandle.handle.close();
        pendingHandle = null;
      }
      const queue = handleQueue ?? [];
      handleQueue = null;
      for (const q of queue) doSend(q.message, q.handle, q.options, q.callback);
      if (disconnectPending && handleQueue === null) disconnect();
    } else if (message.cmd === 'NODE_HANDLE_NACK') {
      const pending = pendingHandle;
      if (pending !== null) {
        if (pending.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
          pending.handle.close();
          pendingHandle = null;
          process.emitWarning('Handle did not reach the receiving process correctly', 'SentHandleNotReceivedWarning');
        } else {
          pipe.writeBuffer(new WriteReq(pipe.loop), pending.wire, pending.handle);
        }
      }
    }
    target.emit('internalMessage', message);
  }

  const closedError = (callback: unknown): false => {
    const ex = codedError('ERR_IPC_CHANNEL_CLOSED');
    if (typeof callback === 'function') process.nextTick(callback as (e: Error) => void, ex);
    else process.nextTick(() => target.emit('error', ex));
    return false;
  };

  target.send = function send(message: unknown, handle?: unknown, options?: unknown, callback?: unknown): boolean {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options != null) {
      validateObject(options, 'options');
    }
    validateMessage(message);
    if (!target.connected) return closedError(callback);
    return doSend(message, handle, { swallowErrors: false, ...(options as SendOptions | undefined) }, callback);
  };

  /** Node's ChildProcess#_send: wrap a handle's message, queue behind an unacknowledged handle, write. */
  function doSend(message: unknown, object: unknown, options: SendOptions, callback: unknown): boolean {
    let handle: FdHandle | undefined;
    let closesAfterAck = false;
    if (object !== undefined && object !== null) {
      const type = handleTypeOf(object);
      if (handleQueue !== null) {
        handleQueue.push({ message, handle: object, options, callback });
        return handleQueue.length === 1;
      }
      const wrapped: HandleMessage = { cmd: 'NODE_HANDLE', type, msg: message };
      const conversion = conversions[type];
      handle = conversion.send(channel, wrapped, object, options);
      closesAfterAck = handle !== undefined && conversion.closesAfterAck(options);
      // Nothing to send with it (a socket already given away): the message goes alone.
      if (handle !== undefined) message = wrapped;
    } else if (handleQueue !== null && !isAck(message)) {
      // Behind the handle, so that messages arrive in the order they were sent.
      handleQueue.push({ message, handle: undefined, options, callback });
      return handleQueue.length === 1;
    }
    const req = new WriteReq(pipe.loop);
    const done = (status: number): void => {
      if (status < 0 && options.swallowErrors) return;
      if (typeof callback !== 'function') {
        if (status < 0) target.emit('error', errnoException(status, 'write'));
        return;
      }
      (callback as (e: Error | null) => void)(status < 0 ? errnoException(status, 'write') : null);
    };
    req.oncomplete = (status) => done(status);
    const wire = serialization.encode(message);
    const err = pipe.writeBuffer(req, wire, handle);
    if (err < 0) {
      // A handle that cannot be sent stays ours; a socket we gave up is closed.
      if (closesAfterAck) handle!.close();
      process.nextTick(() => done(err));
      return false;
    }
    if (handle !== undefined) {
      handleQueue = [];
      if (closesAfterAck) pendingHandle = { wire, handle, retransmissions: 0 };
    }
    // Done at once: only a callback needs to hear it (on the next tick, as Node calls it).
    if (!req.async && typeof callback === 'function') process.nextTick(() => done(0));
    return pipe.writeQueueSize < QUEUE_HIGH_WATER;
  }

  function disconnect(): void {
    target.connected = false;
    target.channel = null;
    disconnectPending = false;
    // Never acknowledged: the other side will not take it now.
    if (pendingHandle !== null) {
      pendingHandle.handle.close();
      pendingHandle = null;
    }
    // Closed on the next tick, as Node does: a message sent just before is on its way by then.
    process.nextTick(() => {
      if (!pipe.isClosing()) pipe.close();
      target.emit('disconnect');
    });
  }

  target.disconnect = function (): void {
    if (!target.connected) {
      target.emit('error', codedError('ERR_IPC_DISCONNECTED'));
      return;
    }
    // Sends still queued behind a handle go first.
    if (handleQueue !== null) {
      target.connected = false;
      disconnectPending = true;
      return;
    }
    disconnect();
  };
  return control;
}

function isAck(message: unknown): boolean {
  const cmd = (message as { cmd?: unknown } | null)?.cmd;
  return cmd === 'NODE_HANDLE_ACK' || cmd === 'NODE_HANDLE_NACK';
}

/**
 * In a child started with an IPC channel: open it on our loop and give
 * `proc` send/disconnect/connected/channel, as Node does at startup. The
 * launcher kept NODE_CHANNEL_FD from the host (which would claim the fd),
 * and the runtime handed it back; it is removed here, as Node removes it.
 */
export function connectToParent(proc: NodeJS.Process): void {
  const env = proc.env;
  const fd = Number(env['NODE_CHANNEL_FD']);
  const mode = env['NODE_CHANNEL_SERIALIZATION_MODE'] ?? 'json';
  delete env['NODE_CHANNEL_FD'];
  delete env['NODE_CHANNEL_SERIALIZATION_MODE'];
  if (!Number.isInteger(fd) || fd + 1 < 0) return;
  // -1: the launcher found no such fd open; the channel exists but is dead.
  if (fd >= 0) {
    unistd.fcntl(fd, F_SETFL, unistd.fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
    unistd.fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  const pipe = fd >= 0 ? new Pipe(defaultLoop(), fd, true) : new Pipe(defaultLoop(), -1, true);
  setupChannel(proc as unknown as IpcTarget, pipe, mode === 'advanced' ? 'advanced' : 'json');
}
