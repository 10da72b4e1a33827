/**
 * The worker's side of its thread: the wakeup, fd ledger and thread
 * table it was handed, `parentPort`, and the stdio that reaches the
 * parent through it (a write is one envelope, posted before write()
 * returns, so nothing is lost when the worker exits right after).
 */
import { Readable, Writable } from 'node:stream';
import { defaultLoop, setFdLedger, settleThreadpool } from '@mini/loop';
import type { WorkerBootstrap } from './bootstrap.js';
import { adoptPort, portEvents, portHandle, type MessagePort } from './message-port.js';
import { Kind, setTerminateCell, setThreadWake } from './port-handle.js';
import { adoptThreadTable } from './thread-table.js';

export interface WorkerThreadSide {
  parentPort: MessagePort;
  workerData: unknown;
  stdout(): Writable;
  stderr(): Writable;
  stdin(): Readable;
}

let side: WorkerThreadSide | undefined;

/** Set up this thread as a worker, before its loop exists (the ledger must see its epoll fd). */
export function becomeWorker(boot: WorkerBootstrap): void {
  adoptThreadTable(boot.table);
  setThreadWake(boot.slot, boot.wakeFd);
  setTerminateCell(boot.control);
  setFdLedger(boot.ledger);
}

/** parentPort and the program's stdio, once the loop exists; tells the parent the thread is up. */
export function startWorkerSide(boot: WorkerBootstrap): WorkerThreadSide {
  defaultLoop().metrics = boot.metrics;
  settleBeforeExit();
  let stdin: Readable | undefined;
  const stdinChunks = (kind: Kind, payload: unknown): void => {
    if (stdin === undefined) return;
    if (kind === Kind.STDIN) stdin.push(payload as Buffer | string);
    else if (kind === Kind.STDIN_END) {
      stdin.push(null);
      // Receiving only for stdin: the worker may end now.
      if (parentPort.listenerCount('message') === 0) portHandle(parentPort)?.stop();
    }
  };
  const parentPort = adoptPort(boot.port, new Int32Array(boot.portState), 1, (port) => ({ ...portEvents(port), onControl: stdinChunks }));
  const handle = portHandle(parentPort)!;
  for (let i = 0; i < boot.ports.length; i++) adoptPort(boot.ports[i]!, new Int32Array(boot.portStates[i]![0]), boot.portStates[i]![1]);
  handle.post([Kind.ONLINE, undefined]);
  const writer = (kind: Kind.STDOUT | Kind.STDERR): Writable => {
    const stream = new Writable({
      decodeStrings: false,
      write(chunk: unknown, _encoding, callback) {
        handle.post([kind, chunk]);
        callback();
      },
    });
    (stream as unknown as { fd: number }).fd = kind === Kind.STDOUT ? 1 : 2;
    return stream;
  };
  let stdout: Writable | undefined;
  let stderr: Writable | undefined;
  side = {
    parentPort,
    workerData: boot.workerData,
    stdout: () => (stdout ??= writer(Kind.STDOUT)),
    stderr: () => (stderr ??= writer(Kind.STDERR)),
    stdin: () => {
      if (stdin === undefined) {
        stdin = new Readable({
          read() {
            // Data comes over parentPort, which must be receiving for it.
            if (boot.stdin) handle.start();
          },
        });
        if (!boot.stdin) stdin.push(null);
      }
      return stdin;
    },
  };
  return side;
}

export function workerSide(): WorkerThreadSide | undefined {
  return side;
}

/**
 * process.exit() in a worker ends the thread through process.reallyExit
 * (looked up at each call, as signal-exit and others rely on), and so does
 * an uncaught exception: the host's worker bootstrap reports it to the
 * parent, then calls process.exit() (measured: our reallyExit runs; the
 * leak test in test/threads.test.ts fails without it). Before the thread
 * ends, the requests it still has on the pool come back, as a terminated
 * worker's do (port-handle.ts), so no pool thread writes into the ended
 * thread's memory and no fd an open returns is left behind.
 */
function settleBeforeExit(): void {
  const hostProcess = process as unknown as { reallyExit(code?: number): never };
  const reallyExit = hostProcess.reallyExit;
  hostProcess.reallyExit = function reallyExit_(this: unknown, code?: number): never {
    settleThreadpool(defaultLoop());
    return reallyExit.call(this, code);
  };
  Object.defineProperty(hostProcess.reallyExit, 'name', { value: reallyExit.name });
}
