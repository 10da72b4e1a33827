/**
 * node:worker_threads' MessagePort and MessageChannel, on port-handle.ts.
 *
 * A port object is the host's MessagePort object itself, its prototype
 * replaced by ours: V8's serializer recognises a port by what it is
 * natively, not by its prototype, so a port of ours inside a message (and
 * in its transfer list) travels as Node's does, and arrives as a host
 * port the receiver makes ours again (adopt). Nothing of the host's
 * prototype runs on it: its methods are ours, on our handle.
 *
 * Listeners are Node's NodeEventTarget: EventEmitter-style (`on`, `once`,
 * `off`, `emit`…, a 'message' listener gets the value) and EventTarget-style
 * (`addEventListener`, `onmessage`, a listener gets a MessageEvent). A
 * 'message' listener starts the port; the last one removed stops it.
 */
import { MessageChannel as HostMessageChannel, MessagePort as HostMessagePort } from 'node:worker_threads';
import { defaultLoop } from '@mini/loop';
import { codedError, codedErrorWithMessage } from '@mini/sys';
import { Kind, PortHandle, newChannelState, type Envelope, type PortEvents } from './port-handle.js';

const kHandle = Symbol('kHandle');
const kListeners = Symbol('kListeners');
const kMaxListeners = Symbol('kMaxListeners');
const kOnMessage = Symbol('kOnMessage');

interface Listener {
  fn: (...args: unknown[]) => unknown;
  /** The EventTarget-style listener object or function, as registered. */
  target: unknown;
  once: boolean;
  /** EventEmitter-style: gets the value; EventTarget-style: gets the event. */
  nodeStyle: boolean;
}

interface PortFields {
  [kHandle]: PortHandle | undefined;
  [kListeners]: Map<string, Listener[]>;
  [kMaxListeners]: number;
  [kOnMessage]: unknown;
}

type Port = MessagePort & PortFields;

function handleOf(port: unknown): PortHandle | undefined {
  return typeof port === 'object' && port !== null ? (port as Partial<PortFields>)[kHandle] : undefined;
}

export function isMessagePort(value: unknown): value is MessagePort {
  return typeof value === 'object' && value !== null && kListeners in value;
}

export class MessagePort extends EventTarget {
  constructor() {
    throw codedError('ERR_CONSTRUCT_CALL_INVALID');
    super();
  }

  postMessage(value: unknown, transferList?: unknown): void {
    if (arguments.length === 0) throw codedErrorWithMessage('ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    const handle = handleOf(this);
    if (handle === undefined || handle.detached) return;
    postEnvelope(handle, value, transferList);
  }

  start(): void {
    handleOf(this)?.start();
  }

  close(): void {
    const handle = handleOf(this);
    if (handle === undefined || handle.detached) return;
    handle.closeChannel();
  }

  ref(): void {
    handleOf(this)?.ref();
  }

  unref(): void {
    handleOf(this)?.unref();
  }

  hasRef(): boolean {
    const handle = handleOf(this);
    return handle !== undefined && !handle.isClosing() && handle.isActive() && handle.hasRef();
  }

  get onmessage(): unknown {
    return (this as unknown as Port)[kOnMessage] ?? null;
  }

  set onmessage(fn: unknown) {
    const self = this as unknown as Port;
    const old = self[kOnMessage];
    if (typeof old === 'function') this.removeEventListener('message', old);
    self[kOnMessage] = typeof fn === 'function' ? fn : null;
    if (typeof fn === 'function') this.addEventListener('message', fn);
  }

  // ---- EventTarget-style -----------------------------------------------------

  override addEventListener(type: string, listener: unknown, options?: boolean | { once?: boolean }): void {
    if (listener === null || listener === undefined) return;
    const once = typeof options === 'object' && options !== null && options.once === true;
    const fn =
      typeof listener === 'function'
        ? (listener as Listener['fn'])
        : (event: unknown) => (listener as { handleEvent(e: unknown): unknown }).handleEvent(event);
    addListener(this as unknown as Port, type, { fn, target: listener, once, nodeStyle: false });
  }

  override removeEventListener(type: string, listener: unknown): void {
    removeListener(this as unknown as Port, type, (l) => !l.nodeStyle && l.target === listener);
  }

  override dispatchEvent(event: Event): boolean {
    emitEvent(this as unknown as Port, event.type, event, event);
    return !event.defaultPrevented;
  }

  // ---- EventEmitter-style (Node's NodeEventTarget) -----------------------------

  on(type: string, fn: (...args: unknown[]) => unknown): this {
    addListener(this as unknown as Port, type, { fn, target: fn, once: false, nodeStyle: true });
    return this;
  }

  addListener(type: string, fn: (...args: unknown[]) => unknown): this {
    return this.on(type, fn);
  }

  once(type: string, fn: (...args: unknown[]) => unknown): this {
    addListener(this as unknown as Port, type, { fn, target: fn, once: true, nodeStyle: true });
    return this;
  }

  off(type: string, fn: unknown): this {
    removeListener(this as unknown as Port, type, (l) => l.nodeStyle && l.target === fn);
    return this;
  }

  removeListener(type: string, fn: unknown): this {
    return this.off(type, fn);
  }

  removeAllListeners(type?: string): this {
    const self = this as unknown as Port;
    const types = type === undefined ? [...self[kListeners].keys()] : [type];
    for (const t of types) removeListener(self, t, () => true);
    return this;
  }

  emit(type: string, arg?: unknown): boolean {
    const self = this as unknown as Port;
    const had = (self[kListeners].get(type)?.length ?? 0) > 0;
    emitEvent(self, type, arg, undefined);
    return had;
  }

  listenerCount(type: string): number {
    return (this as unknown as Port)[kListeners].get(type)?.length ?? 0;
  }

  eventNames(): string[] {
    return [...(this as unknown as Port)[kListeners].keys()];
  }

  setMaxListeners(n: number): this {
    (this as unknown as Port)[kMaxListeners] = n;
    return this;
  }

  getMaxListeners(): number {
    return (this as unknown as Port)[kMaxListeners];
  }
}
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });
// Node's names whatever the bundler renames on a clash.
Object.defineProperty(MessagePort, 'name', { value: 'MessagePort' });

function addListener(port: Port, type: string, listener: Listener): void {
  let list = port[kListeners].get(type);
  if (list === undefined) port[kListeners].set(type, (list = []));
  // EventTarget-style: the same listener once per type.
  if (!listener.nodeStyle && list.some((l) => !l.nodeStyle && l.target === listener.target)) return;
  list.push(listener);
  if (type === 'message') handleOf(port)?.start();
}

function removeListener(port: Port, type: string, match: (l: Listener) => boolean): void {
  const list = port[kListeners].get(type);
  if (list === undefined) return;
  const i = list.findIndex(match);
  if (i < 0) return;
  list.splice(i, 1);
  if (list.length === 0) {
    port[kListeners].delete(type);
    if (type === 'message') handleOf(port)?.stop();
  }
}

/**
 * Call each listener of `type`: an EventEmitter-style one with `value`, an
 * EventTarget-style one with `event` (made on demand by `makeEvent`).
 */
function emitEvent(port: Port, type: string, value: unknown, event: unknown, makeEvent?: () => unknown): void {
  const list = port[kListeners].get(type);
  if (list === undefined) return;
  for (const l of [...list]) {
    if (l.once) removeListener(port, type, (x) => x === l);
    if (l.nodeStyle) l.fn.call(port, value);
    else l.fn.call(port, (event ??= makeEvent?.() ?? new Event(type)));
  }
}

/** The event an EventTarget-style listener gets, its target the port as if dispatched. */
function messageEvent(port: Port, data: unknown, ports: readonly HostMessagePort[]): MessageEvent {
  const event = new MessageEvent('message', { data, ports: ports as never });
  Object.defineProperty(event, 'target', { value: port, configurable: true, enumerable: true });
  Object.defineProperty(event, 'currentTarget', { value: port, configurable: true, enumerable: true });
  return event;
}

/** What a port's handle tells the port object. */
export function portEvents(port: MessagePort): PortEvents {
  const self = port as Port;
  return {
    onMessage(payload, ports) {
      emitEvent(self, 'message', payload, undefined, () => messageEvent(self, payload, ports));
    },
    onControl() {
      // A plain port carries no runtime envelopes.
    },
    onClose() {
      emitEvent(self, 'close', undefined, undefined);
    },
    adopt: adoptPort,
  };
}

/** Dress a host port as ours, owning `end` of the channel `state` on this thread. */
export function adoptPort(host: HostMessagePort, state: Int32Array, end: number, events?: (port: MessagePort) => PortEvents): MessagePort {
  const port = host as unknown as Port;
  Object.setPrototypeOf(port, MessagePort.prototype);
  port[kListeners] = new Map();
  port[kMaxListeners] = 10;
  port[kOnMessage] = null;
  port[kHandle] = new PortHandle(defaultLoop(), host, state, end, (events ?? portEvents)(port));
  return port;
}

export function portHandle(port: MessagePort): PortHandle | undefined {
  return handleOf(port);
}

/** A new channel of two ports of ours on this thread. */
export function newChannel(): { port1: MessagePort; port2: MessagePort; state: Int32Array } {
  const host = new HostMessageChannel();
  const state = newChannelState();
  return { port1: adoptPort(host.port1, state, 0), port2: adoptPort(host.port2, state, 1), state };
}

export class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;

  constructor() {
    const { port1, port2 } = newChannel();
    this.port1 = port1;
    this.port2 = port2;
  }
}

Object.defineProperty(MessageChannel, 'name', { value: 'MessageChannel' });

/**
 * The transfer list as Node reads it (an iterable, or `{ transfer }`),
 * then the envelope: ports of ours in the list travel beside the value
 * with their channel's state, and stop being ours here once sent.
 */
export function postEnvelope(handle: PortHandle, value: unknown, transferList: unknown, kind = Kind.MESSAGE): void {
  let transfer: unknown[] | undefined;
  if (transferList !== undefined && transferList !== null) {
    let list: unknown = transferList;
    if (typeof list === 'object' && !(Symbol.iterator in (list as object))) list = (list as { transfer?: unknown }).transfer;
    if (list !== undefined && list !== null) {
      if (typeof list !== 'object' || !(Symbol.iterator in (list as object))) {
        throw codedErrorWithMessage('ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
      }
      transfer = [...(list as Iterable<unknown>)];
    }
  }
  let sent: PortHandle[] | undefined;
  let envelope: Envelope = [kind, value];
  if (transfer !== undefined) {
    for (const item of transfer) {
      const h = handleOf(item);
      if (h === undefined) continue;
      (sent ??= []).push(h);
    }
    if (sent !== undefined) {
      envelope = [Kind.MESSAGE_WITH_PORTS, value, sent.map((h) => h.host), sent.map((h) => h.describe())];
    }
  }
  handle.post(envelope, transfer);
  if (sent !== undefined) for (const h of sent) h.detach();
}

/** node's receiveMessageOnPort: one message taken now, or undefined. */
export function receiveMessageOnPort(port: unknown): { message: unknown } | undefined {
  const handle = handleOf(port);
  if (handle === undefined) throw codedErrorWithMessage('ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  if (handle.detached || handle.isClosing()) return undefined;
  for (;;) {
    const env = handle.receive();
    if (env === undefined) return undefined;
    if (env[0] === Kind.MESSAGE) return { message: env[1] };
    if (env[0] === Kind.MESSAGE_WITH_PORTS) {
      handle.adoptAll(env);
      return { message: env[1] };
    }
    // The peer's close, a worker's stdio: acted on as the loop would.
    handle.dispatch(env);
    if (handle.isClosing()) return undefined;
  }
}
