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
 * cluster) and go to 'internalMessage' instead of 'message'.
 *
 * The channel keeps its loop alive only while the target has 'message' or
 * 'disconnect' listeners, as Node's does. An end of file from the other
 * side disconnects; on a ChildProcess it also counts towards 'close' (a
 * disconnect we start ourselves does not, as in Node).
 */
import type { EventEmitter } from 'node:events';
import { defaultLoop } from '@mini/loop';
import { Pipe, WriteReq } from '@mini/net';
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

/** Give `target` its channel on `pipe` (an open, non-blocking socket). */
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

  const listened = (type: unknown): boolean => type === 'message' || type === 'disconnect';
  target.on('newListener', (type: unknown) => {
    if (listened(type)) control.refCounted();
  });
  target.on('removeListener', (type: unknown) => {
    if (listened(type)) control.unrefCounted();
  });
  for (const type of ['message', 'disconnect']) for (let i = target.listenerCount(type); i > 0; i--) control.refCounted();

  pipe.onread = (nread, buf) => {
    if (nread > 0 && buf !== undefined) {
      for (const message of decode(buf)) {
        if (!target.connected) break;
        if (isInternal(message)) target.emit('internalMessage', message);
        else target.emit('message', message);
      }
      return;
    }
    // End of file, or an error: the other side is gone.
    pipe.onread = undefined;
    if (target.connected) disconnect();
    target._channelEnded?.();
  };
  if (!control.inert) pipe.readStart();

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
    } else if (typeof options === 'function') {
      callback = options;
    } else if (options != null) {
      validateObject(options, 'options');
    }
    validateMessage(message);
    if (handle !== undefined && handle !== null) {
      throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'sending a handle over IPC');
    }
    if (!target.connected) return closedError(callback);
    const req = new WriteReq(pipe.loop);
    const done = (status: number): void => {
      if (typeof callback !== 'function') {
        if (status < 0) target.emit('error', errnoException(status, 'write'));
        return;
      }
      (callback as (e: Error | null) => void)(status < 0 ? errnoException(status, 'write') : null);
    };
    req.oncomplete = (status) => done(status);
    const err = pipe.writeBuffer(req, serialization.encode(message));
    if (err < 0) {
      process.nextTick(() => done(err));
      return false;
    }
    // Done at once: only a callback needs to hear it (on the next tick, as Node calls it).
    if (!req.async && typeof callback === 'function') process.nextTick(() => done(0));
    return pipe.writeQueueSize < QUEUE_HIGH_WATER;
  };

  function disconnect(): void {
    target.connected = false;
    target.channel = null;
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
    disconnect();
  };
  return control;
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
  const pipe = fd >= 0 ? new Pipe(defaultLoop(), fd) : new Pipe(defaultLoop());
  setupChannel(proc as unknown as IpcTarget, pipe, mode === 'advanced' ? 'advanced' : 'json');
}
