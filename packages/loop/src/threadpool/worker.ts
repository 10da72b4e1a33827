/**
 * Entry of one pool thread (a host worker, always loaded from dist/).
 *
 * The thread waits for work on its own host loop, which has nothing else
 * to do, runs each item synchronously (blocking calls are the point), then
 * posts the answer and writes the submitting loop's eventfd: the message
 * must be queued before the wakeup, so the loop always finds it. A shared
 * flag lets the thread skip the write when the loop, awake for another
 * answer, has already taken this one: it saves a syscall and a spurious
 * wakeup (which in host-driven mode could even land after the loop ended).
 */
import { workerData, type MessagePort, type TransferListItem } from 'node:worker_threads';
import { wakeFd } from '../async.js';
import { packError, type DoneMessage, type WorkMessage } from './protocol.js';

type WorkModule = Record<string, unknown>;

const { port, answered: answeredBuf } = workerData as { port: MessagePort; answered: SharedArrayBuffer };
/** [0] = 1 from our answer until the loop takes it (see pool.ts). */
const answered = new Int32Array(answeredBuf);
const modules = new Map<string, WorkModule>();

function load(path: string): WorkModule {
  let mod = modules.get(path);
  if (mod === undefined) {
    mod = require(path) as WorkModule;
    modules.set(path, mod);
  }
  return mod;
}

function run(msg: WorkMessage): DoneMessage {
  try {
    const fn = load(msg.module)[msg.fn];
    if (typeof fn !== 'function') throw new TypeError(`${msg.module} does not export a function named '${msg.fn}'`);
    return { id: msg.id, ok: true, value: fn(...msg.args) as unknown };
  } catch (err) {
    if (err instanceof Error) return { id: msg.id, ok: false, error: packError(err) };
    return { id: msg.id, ok: false, thrown: err };
  }
}

/** A typed array that owns its whole buffer moves instead of being copied (a file's contents, say). */
function transferOf(value: unknown): TransferListItem[] | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  const buf = value.buffer;
  if (!(buf instanceof ArrayBuffer) || value.byteOffset !== 0 || value.byteLength !== buf.byteLength) return undefined;
  return [buf];
}

function post(done: DoneMessage): void {
  try {
    port.postMessage(done, done.ok ? transferOf(done.value) : undefined);
  } catch (err) {
    // The result (or what was thrown) cannot be cloned: report that instead.
    port.postMessage({ id: done.id, ok: false, error: packError(err as Error) } satisfies DoneMessage);
  }
}

port.on('message', (msg: WorkMessage) => {
  const done = run(msg);
  Atomics.store(answered, 0, 1);
  post(done);
  // A loop already draining may have taken the answer: then no wakeup is due.
  if (Atomics.load(answered, 0) === 1) wakeFd(msg.wakeFd);
});
