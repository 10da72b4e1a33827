/**
 * node's moveMessagePortToContext: a port's end handed to a vm context.
 *
 * The end stays on this thread's loop (a new handle on the same host port
 * and channel state; the old port object is detached, as after a
 * transfer, and emits no 'close'). What changes is the realm its messages
 * live in: the port object, each MessageEvent and each message are the
 * context's objects, made by a script run once per context
 * (REALM_SOURCE), so `e.data instanceof Object` holds inside the context
 * and not outside, as in Node.
 *
 *   receive (our realm: ring or host queue)
 *     → realm.clone(value): the structured clone rebuilt with the
 *       context's constructors (cycles kept; a SharedArrayBuffer and a
 *       port stay what they are, as no script can make them anew)
 *     → realm.emit(port, data, ports): a MessageEvent of the context's,
 *       given to the port's onmessage, the only way to listen (node's
 *       moved port is no EventTarget either)
 *
 * As node's, the moved port keeps the loop alive from the start (until
 * unref() or a close), and delivers once start() is called.
 */
import vm from 'node:vm';
import type { MessagePort as HostMessagePort } from 'node:worker_threads';
import { defaultLoop } from '@mini/loop';
import { codedErrorWithMessage } from '@mini/sys';
import { KeepAlive } from './keep-alive.js';
import { adoptPort, portHandle, postEnvelope, isMessagePort, type MessagePort } from './message-port.js';
import { PortHandle } from './port-handle.js';

/** What the main realm lends a context's port class: the operations on its handle. */
interface PortOps {
  post(port: object, args: unknown[]): void;
  start(port: object): void;
  close(port: object): void;
  ref(port: object): void;
  unref(port: object): void;
  hasRef(port: object): boolean | undefined;
}

/** What the script gives back, made of the context's own objects. */
interface Realm {
  newPort(): object;
  clone(value: unknown): unknown;
  emit(port: object, data: unknown, ports: readonly unknown[]): void;
}

/**
 * Run inside the context. Its builtins are taken when it runs, before a
 * program could replace the context's globals. Methods sit on the
 * prototype as node's do (postMessage, start, then close, ref, unref and
 * hasRef one level up); onmessage is a plain property the program sets.
 */
const REALM_SOURCE = `(function (ops) {
  'use strict';
  const O = Object, A = Array, M = Map, S = Set, D = Date, R = RegExp, AB = ArrayBuffer, DV = DataView;
  const toTag = O.prototype.toString, getTime = D.prototype.getTime, mapForEach = M.prototype.forEach, setForEach = S.prototype.forEach;
  const valueOf = { Number: Number.prototype.valueOf, String: String.prototype.valueOf, Boolean: Boolean.prototype.valueOf, BigInt: typeof BigInt === 'function' ? BigInt.prototype.valueOf : undefined };
  const errors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  const views = { Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array };
  class HandleWrap {
    close() { ops.close(this); }
    ref() { ops.ref(this); }
    unref() { ops.unref(this); }
    hasRef() { return ops.hasRef(this); }
  }
  class MessagePort extends HandleWrap {
    postMessage(...args) { ops.post(this, args); }
    start() { ops.start(this); }
  }
  class MessageEvent {
    constructor(data, target, type, ports) {
      this.data = data;
      this.target = target;
      this.type = type;
      this.ports = ports;
    }
  }
  function clone(value, seen) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    const tag = toTag.call(value).slice(8, -1);
    let out;
    if (A.isArray(value)) {
      out = new A(value.length);
      seen.set(value, out);
      for (const key of O.keys(value)) out[key] = clone(value[key], seen);
      return out;
    }
    if (tag === 'Date') out = new D(getTime.call(value));
    else if (tag === 'RegExp') out = new R(value.source, value.flags);
    else if (tag === 'ArrayBuffer') out = copyBuffer(value);
    else if (tag in views && AB.isView(value)) out = new views[tag](clone(value.buffer, seen), value.byteOffset, value.length);
    else if (tag === 'DataView') out = new DV(clone(value.buffer, seen), value.byteOffset, value.byteLength);
    else if (tag in valueOf && valueOf[tag] !== undefined) out = O(valueOf[tag].call(value));
    else if (tag === 'Map') {
      out = new M();
      seen.set(value, out);
      mapForEach.call(value, (v, k) => out.set(clone(k, seen), clone(v, seen)));
      return out;
    } else if (tag === 'Set') {
      out = new S();
      seen.set(value, out);
      setForEach.call(value, (v) => out.add(clone(v, seen)));
      return out;
    } else if (tag === 'Error') {
      const ctor = errors[value.name] || Error;
      out = O.create(ctor.prototype);
      seen.set(value, out);
      for (const key of ['stack', 'message', 'cause']) {
        if (O.prototype.hasOwnProperty.call(value, key)) O.defineProperty(out, key, { value: clone(value[key], seen), writable: true, configurable: true });
      }
      return out;
    } else if (tag === 'Object') {
      out = {};
    } else {
      // A SharedArrayBuffer, a port: no script can make them anew.
      return value;
    }
    seen.set(value, out);
    if (tag === 'Object') for (const key of O.keys(value)) out[key] = clone(value[key], seen);
    return out;
  }
  function copyBuffer(buffer) {
    const out = new AB(buffer.byteLength);
    new Uint8Array(out).set(new Uint8Array(buffer));
    return out;
  }
  return {
    newPort: () => O.create(MessagePort.prototype),
    clone: (value) => clone(value, new M()),
    emit(port, data, ports) {
      const onmessage = port.onmessage;
      if (typeof onmessage === 'function') onmessage.call(port, new MessageEvent(data, port, 'message', A.from(ports)));
    },
  };
})`;

/** The handle of each moved port object, and the keeper that holds the loop for it. */
interface Moved {
  handle: PortHandle;
  /** Holds the loop while the moved port is open and ref'd, received from or not. */
  keeper: KeepAlive;
}

const moved = new WeakMap<object, Moved>();
const realms = new WeakMap<object, Realm>();

function movedOf(port: object): Moved | undefined {
  return moved.get(port);
}

const ops: PortOps = {
  post(port, args) {
    const m = movedOf(port);
    if (args.length === 0) throw codedErrorWithMessage('ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    if (m === undefined || m.handle.isClosing()) return;
    postEnvelope(m.handle, args[0], args[1]);
  },
  start(port) {
    movedOf(port)?.handle.start();
  },
  close(port) {
    movedOf(port)?.handle.closeChannel();
  },
  ref(port) {
    const m = movedOf(port);
    if (m === undefined || m.handle.isClosing()) return;
    m.handle.ref();
    m.keeper.ref();
  },
  unref(port) {
    const m = movedOf(port);
    if (m === undefined || m.handle.isClosing()) return;
    m.handle.unref();
    m.keeper.unref();
  },
  hasRef(port) {
    const m = movedOf(port);
    // node's answer once the handle is gone.
    if (m === undefined || m.handle.isClosing()) return undefined;
    return m.keeper.hasRef();
  },
};

function realmOf(context: object): Realm {
  let realm = realms.get(context);
  if (realm === undefined) {
    const make = vm.runInContext(REALM_SOURCE, context) as (o: PortOps) => Realm;
    realm = make(ops);
    realms.set(context, realm);
  }
  return realm;
}

export function moveMessagePortToContext(port: unknown, contextifiedSandbox: unknown): object {
  const old = isMessagePort(port) ? portHandle(port) : undefined;
  if (old === undefined) throw codedErrorWithMessage('ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  if (typeof contextifiedSandbox !== 'object' || contextifiedSandbox === null || !vm.isContext(contextifiedSandbox)) {
    throw codedErrorWithMessage('ERR_INVALID_ARG_TYPE', 'Invalid context argument');
  }
  const realm = realmOf(contextifiedSandbox);
  const target = realm.newPort();
  const [buffer, end] = old.describe();
  const host = old.host;
  // Detached, as a port sent away: the old object no longer speaks for the
  // end, and its handle's close does not close the host port. Node's old
  // object emits no 'close'.
  old.events = { ...old.events, onClose: () => {} };
  old.detach();
  const loop = defaultLoop();
  const keeper = new KeepAlive(loop, 'MessagePort');
  const handle = new PortHandle(loop, host, new Int32Array(buffer), end, {
    onMessage: (payload, ports) => realm.emit(target, realm.clone(payload), ports),
    onControl: () => {},
    onClose: () => {
      if (!keeper.isClosing()) keeper.close();
    },
    adopt: (p: HostMessagePort, s: Int32Array, e: number): MessagePort => adoptPort(p, s, e),
  });
  moved.set(target, { handle, keeper });
  return target;
}
