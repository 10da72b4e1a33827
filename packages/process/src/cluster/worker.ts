/**
 * cluster.Worker: one worker as either side sees it (`cluster.workers[id]`
 * in the primary, `cluster.worker` in the worker). What disconnect() and
 * kill() do differs by side; each side installs its own (primary.ts,
 * child.ts), as Node extends the one class per process.
 */
import { EventEmitter } from 'node:events';
import { callableClass } from '@mini/sys';
import type { ChannelEnd } from './protocol.js';

export interface WorkerProcess extends ChannelEnd {
  exitCode?: number | null;
  signalCode?: string | null;
  pid?: number | undefined;
  kill?: (signal?: string | number) => boolean;
}

export interface WorkerOptions {
  id?: number;
  process?: WorkerProcess;
  state?: string;
}

interface Side {
  disconnect(worker: Worker): void;
  destroy(worker: Worker, signal?: string | number): void;
}

let side: Side | undefined;

/** Called once by the module of this process's side. */
export function setWorkerSide(s: Side): void {
  side = s;
}

class Worker extends EventEmitter {
  exitedAfterDisconnect: boolean | undefined = undefined;
  state: string;
  id: number;
  declare process: WorkerProcess;

  constructor(options?: WorkerOptions) {
    super();
    const opts = options === null || typeof options !== 'object' ? {} : options;
    this.state = opts.state || 'none';
    this.id = (opts.id ?? 0) | 0;
    if (opts.process) {
      this.process = opts.process;
      this.process.on('error', (code: unknown, signal: unknown) => this.emit('error', code, signal));
      this.process.on('message', (message: unknown, handle: unknown) => this.emit('message', message, handle));
    }
  }

  disconnect(): this {
    side?.disconnect(this);
    return this;
  }

  destroy(signal?: string | number): void {
    side?.destroy(this, signal);
  }

  kill(signal?: string | number): void {
    this.destroy(signal);
  }

  send(...args: unknown[]): boolean {
    return this.process.send!(...args);
  }

  isDead(): boolean {
    return this.process.exitCode != null || this.process.signalCode != null;
  }

  isConnected(): boolean {
    return this.process.connected;
  }
}

const WorkerConstructor = callableClass(Worker, 'Worker');
type WorkerConstructor = Worker;
export { WorkerConstructor as Worker };
