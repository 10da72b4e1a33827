/**
 * node:worker_threads' BroadcastChannel (also the global), on
 * broadcast-handle.ts: an EventTarget whose 'message' and 'messageerror'
 * events carry a MessageEvent, with `onmessage`/`onmessageerror`
 * attributes. An open channel keeps its thread alive until close() or
 * unref(), as Node's does.
 */
import { defaultLoop } from '@mini/loop';
import { codedError } from '@mini/sys';
import { BroadcastHandle } from './broadcast-handle.js';

const kName = Symbol('kName');
const kHandle = Symbol('kHandle');
const kHandlers = Symbol('kHandlers');

/** An `on<type>` attribute's listener: added once, in place, calling whatever handler is set now. */
interface EventHandler {
  (this: BroadcastChannel, event: Event): unknown;
  handler: unknown;
}

interface Fields {
  [kName]: string;
  [kHandle]: BroadcastHandle | undefined;
  [kHandlers]: Map<string, EventHandler>;
}

function fields(self: unknown): Fields {
  if (typeof self !== 'object' || self === null || !(kName in self)) throw codedError('ERR_INVALID_THIS', 'BroadcastChannel');
  return self as Fields;
}

function domException(message: string, name: string): Error {
  return new DOMException(message, name);
}

export class BroadcastChannel extends EventTarget {
  constructor(name: unknown) {
    if (arguments.length === 0) throw codedError('ERR_MISSING_ARGS', 'name');
    super();
    const self = this as unknown as Fields;
    self[kName] = `${name as string}`;
    self[kHandlers] = new Map();
    const dispatch = (type: string, data: unknown): void => {
      this.dispatchEvent(new MessageEvent(type, { data }));
    };
    self[kHandle] = new BroadcastHandle(defaultLoop(), self[kName], {
      onMessage: (value) => dispatch('message', value),
      onMessageError: (error) => dispatch('messageerror', error),
    });
  }

  get name(): string {
    return fields(this)[kName];
  }

  close(): void {
    const self = fields(this);
    const handle = self[kHandle];
    if (handle === undefined) return;
    self[kHandle] = undefined;
    handle.close();
  }

  postMessage(message: unknown): void {
    const self = fields(this);
    if (arguments.length === 0) throw codedError('ERR_MISSING_ARGS', 'message');
    const handle = self[kHandle];
    if (handle === undefined) throw domException('BroadcastChannel is closed.', 'InvalidStateError');
    if (!handle.post(message)) throw domException('Message could not be posted.', 'Error');
  }

  ref(): this {
    fields(this)[kHandle]?.ref();
    return this;
  }

  unref(): this {
    fields(this)[kHandle]?.unref();
    return this;
  }

  get onmessage(): unknown {
    return handlerOf(this, 'message');
  }

  set onmessage(value: unknown) {
    setHandler(this, 'message', value);
  }

  get onmessageerror(): unknown {
    return handlerOf(this, 'messageerror');
  }

  set onmessageerror(value: unknown) {
    setHandler(this, 'messageerror', value);
  }

  /** util.inspect: `BroadcastChannel { name: 'x', active: true }`, as Node's. */
  [Symbol.for('nodejs.util.inspect.custom')](
    depth: number,
    options: { depth?: number | null },
    inspect: (v: unknown, o: object) => string,
  ): unknown {
    const self = fields(this);
    if (depth < 0) return 'BroadcastChannel';
    const opts = { ...options, depth: options.depth === null || options.depth === undefined ? null : options.depth - 1 };
    return `BroadcastChannel ${inspect({ name: self[kName], active: self[kHandle] !== undefined }, opts)}`;
  }
}
// Node's name whatever the bundler renames on a clash.
Object.defineProperty(BroadcastChannel, 'name', { value: 'BroadcastChannel' });
// Enumerable as WebIDL members are (ref and unref are Node's own, and are not).
for (const key of ['name', 'close', 'postMessage', 'onmessage', 'onmessageerror']) {
  const d = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, key)!;
  Object.defineProperty(BroadcastChannel.prototype, key, { ...d, enumerable: true });
}

/** An `on<type>` attribute's map of handlers; node checks it as EventTarget's, whatever the class. */
function handlersOf(self: unknown): Map<string, EventHandler> {
  if (typeof self !== 'object' || self === null || !(kHandlers in self))
    throw codedError('ERR_INVALID_ARG_TYPE', 'this', 'EventTarget', self);
  return (self as Fields)[kHandlers];
}

function handlerOf(self: unknown, type: string): unknown {
  return handlersOf(self).get(type)?.handler ?? null;
}

function setHandler(self: BroadcastChannel, type: string, value: unknown): void {
  const handlers = handlersOf(self);
  const existing = handlers.get(type);
  if (existing !== undefined) {
    existing.handler = value;
    return;
  }
  const listener = function (this: BroadcastChannel, event: Event): unknown {
    const fn = listener.handler;
    return typeof fn === 'function' ? (fn as (e: Event) => unknown).call(this, event) : undefined;
  } as EventHandler;
  listener.handler = value;
  handlers.set(type, listener);
  self.addEventListener(type, listener);
}
