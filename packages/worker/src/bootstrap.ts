/**
 * What a worker thread is handed at its start (the host Worker's
 * workerData, which the program never sees: it sees `workerData` below).
 * Shared memory in it (the thread table, the fd ledger, channel states)
 * is shared, not copied; the host ports in it are transferred.
 */
import type { MessagePort as HostMessagePort } from 'node:worker_threads';

export interface WorkerBootstrap {
  readonly miniWorker: true;
  /** The process's thread table, this thread's slot in it and its wake eventfd. */
  readonly table: Int32Array;
  readonly slot: number;
  readonly wakeFd: number;
  /** One bit per fd this thread's loop owns, closed by the parent after the thread is gone. */
  readonly ledger: Int32Array;
  /** [0] set by the parent's terminate(): the worker ends itself at its next wakeup. */
  readonly control: Int32Array;
  /** [idleTime, loopStart] of the worker's loop, for the parent's worker.performance. */
  readonly metrics: Float64Array;
  /** The worker's end of the channel to its Worker object (parentPort). */
  readonly port: HostMessagePort;
  readonly portState: SharedArrayBuffer;
  /** Script to run: a file, or code (`eval: true`). */
  readonly filename: string | undefined;
  readonly code: string | undefined;
  readonly argv: string[];
  /** The worker's process.execArgv: its own option, or its parent's. */
  readonly execArgv: string[];
  /** The -r modules among them, which the worker loads before its script. */
  readonly preloads: string[];
  readonly execPath: string;
  readonly workerEntry: string;
  readonly workerData: unknown;
  /** Ports sent along in the transferList with workerData, and their channels. */
  readonly ports: HostMessagePort[];
  readonly portStates: [SharedArrayBuffer, number][];
  readonly stdin: boolean;
  readonly name: string;
}

export function isWorkerBootstrap(value: unknown): value is WorkerBootstrap {
  return typeof value === 'object' && value !== null && (value as { miniWorker?: unknown }).miniWorker === true;
}
