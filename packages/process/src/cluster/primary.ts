/**
 * node:cluster in the primary: forks workers (child_process.fork with
 * NODE_UNIQUE_ID in their environment), answers their NODE_CLUSTER
 * requests, and holds the sockets they listen on (primary-handles.ts),
 * round-robin unless scheduling is 'none'.
 *
 * A worker leaves `cluster.workers` once it has both disconnected and
 * exited; its handles go as soon as either happens. Each worker's events
 * come first on the worker, then on the cluster.
 */
import { EventEmitter } from 'node:events';
import { relative } from 'node:path';
import { codedError, validatePort } from '@mini/sys';
import { fork } from '../child_process.js';
import { internal, sendHelper, type ClusterMessage, type Reply } from './protocol.js';
import { RoundRobinHandle, SharedHandle, type PrimaryHandle, type QueryMessage } from './primary-handles.js';
import { setWorkerSide, Worker, type WorkerProcess } from './worker.js';

type WorkerInstance = InstanceType<typeof Worker>;

export const SCHED_NONE = 1;
export const SCHED_RR = 2;

const INSPECT_ARG = /--inspect(?:-brk|-port)?|--debug-port/;
const MIN_PORT = 1024;
const MAX_PORT = 65535;

interface Settings {
  exec?: string;
  args?: string[];
  execArgv?: string[];
  silent?: boolean;
  stdio?: unknown;
  cwd?: string;
  serialization?: string;
  windowsHide?: boolean;
  uid?: number;
  gid?: number;
  inspectPort?: unknown;
  [option: string]: unknown;
}

export function createPrimaryCluster(proc: NodeJS.Process): EventEmitter & Record<string, unknown> {
  const cluster = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const intercom = new EventEmitter();
  const handles = new Map<string, PrimaryHandle>();
  const workers: Record<number, WorkerInstance> = {};
  let ids = 0;
  let debugPortOffset = 1;
  let initialized = false;

  const envPolicy = proc.env['NODE_CLUSTER_SCHED_POLICY'];
  let schedulingPolicy = envPolicy === 'none' ? SCHED_NONE : SCHED_RR;

  cluster['isWorker'] = false;
  cluster['isMaster'] = true;
  cluster['isPrimary'] = true;
  cluster['Worker'] = Worker;
  cluster['workers'] = workers;
  cluster['settings'] = {};
  cluster['SCHED_NONE'] = SCHED_NONE;
  cluster['SCHED_RR'] = SCHED_RR;
  cluster['schedulingPolicy'] = schedulingPolicy;

  const send = (worker: WorkerInstance, message: object, handle?: unknown, reply?: Reply): boolean =>
    sendHelper(worker.process, message, handle, reply);

  function setupPrimary(options?: Settings): void {
    const settings: Settings = {
      args: proc.argv.slice(2),
      exec: proc.argv[1],
      execArgv: proc.execArgv,
      silent: false,
      ...(cluster['settings'] as Settings),
      ...options,
    };
    // V8's profile of each process in a file of its own (one shared file would mix their addresses).
    const execArgv = settings.execArgv ?? [];
    if (execArgv.some((a) => a.startsWith('--prof')) && !execArgv.some((a) => a.startsWith('--logfile='))) {
      settings.execArgv = [...execArgv, '--logfile=v8-%p.log'];
    }
    cluster['settings'] = settings;
    if (!initialized) {
      initialized = true;
      // The policy is fixed by the first setup (or fork).
      schedulingPolicy = cluster['schedulingPolicy'] as number;
      if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
        throw codedError('ERR_INTERNAL_ASSERTION', `Bad cluster.schedulingPolicy: ${String(schedulingPolicy)}`);
      }
    }
    process.nextTick(() => cluster.emit('setup', settings));
  }

  /** Each worker of a primary run under the inspector gets the next inspector port, unless settings name one. */
  function inspectorArgs(settings: Settings): string[] {
    if (settings.inspectPort === null) throw codedError('ERR_SOCKET_BAD_PORT', 'Port', null, true);
    const usesInspector = (s: string | undefined): boolean => s !== undefined && INSPECT_ARG.test(s);
    if (!(settings.execArgv ?? []).some(usesInspector) && !usesInspector(proc.env['NODE_OPTIONS'])) return [];
    let port: number;
    if ('inspectPort' in settings) {
      const given = typeof settings.inspectPort === 'function' ? (settings.inspectPort as () => unknown)() : settings.inspectPort;
      port = validatePort(given);
    } else {
      port = proc.debugPort + debugPortOffset++;
      if (port > MAX_PORT) port = port - MAX_PORT + MIN_PORT - 1;
    }
    return [`--inspect-port=${port}`];
  }
  cluster['setupPrimary'] = setupPrimary;
  cluster['setupMaster'] = setupPrimary;

  function removeWorker(worker: WorkerInstance): void {
    delete workers[worker.id];
    if (Object.keys(workers).length === 0) intercom.emit('disconnect');
  }

  function removeHandlesForWorker(worker: WorkerInstance): void {
    for (const [key, handle] of handles) if (handle.remove(worker)) handles.delete(key);
  }

  cluster['fork'] = function forkWorker(env?: Record<string, string>): WorkerInstance {
    setupPrimary();
    const id = ++ids;
    const settings = cluster['settings'] as Settings;
    const child = fork(settings.exec!, settings.args, {
      cwd: settings.cwd,
      env: { ...proc.env, ...env, NODE_UNIQUE_ID: `${id}` },
      serialization: settings.serialization,
      silent: settings.silent,
      windowsHide: settings.windowsHide,
      execArgv: [...(settings.execArgv ?? []), ...inspectorArgs(settings)],
      stdio: settings.stdio,
      gid: settings.gid,
      uid: settings.uid,
    } as Parameters<typeof fork>[2]);
    const worker = new Worker({ id, process: child as unknown as WorkerProcess });

    worker.on('message', function (this: WorkerInstance, message: unknown, handle: unknown) {
      cluster.emit('message', this, message, handle);
    });
    child.once('exit', (exitCode: number | null, signalCode: string | null) => {
      // Still connected: kept in `workers` until it disconnects too.
      if (!worker.isConnected()) {
        removeHandlesForWorker(worker);
        removeWorker(worker);
      }
      worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
      worker.state = 'dead';
      worker.emit('exit', exitCode, signalCode);
      cluster.emit('exit', worker, exitCode, signalCode);
    });
    child.once('disconnect', () => {
      removeHandlesForWorker(worker);
      if (worker.isDead()) removeWorker(worker);
      worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
      worker.state = 'disconnected';
      worker.emit('disconnect');
      cluster.emit('disconnect', worker);
    });
    child.on(
      'internalMessage',
      internal(worker, (message) => onmessage(worker, message)),
    );
    process.nextTick(() => cluster.emit('fork', worker));
    workers[id] = worker;
    return worker;
  };

  cluster['disconnect'] = function disconnect(cb?: () => void): void {
    const live = Object.values(workers);
    if (live.length === 0) process.nextTick(() => intercom.emit('disconnect'));
    else for (const worker of live) if (worker.isConnected()) worker.disconnect();
    if (typeof cb === 'function') intercom.once('disconnect', cb);
  };

  function onmessage(worker: WorkerInstance, message: ClusterMessage): void {
    switch (message.act) {
      case 'online':
        worker.state = 'online';
        worker.emit('online');
        cluster.emit('online', worker);
        break;
      case 'queryServer':
        queryServer(worker, message);
        break;
      case 'listening': {
        const info = { addressType: message['addressType'], address: message['address'], port: message['port'], fd: message['fd'] };
        worker.state = 'listening';
        worker.emit('listening', info);
        cluster.emit('listening', worker, info);
        break;
      }
      case 'close': {
        const handle = handles.get(message.key!);
        if (handle !== undefined && handle.remove(worker)) handles.delete(message.key!);
        break;
      }
      case 'exitedAfterDisconnect':
        worker.exitedAfterDisconnect = true;
        send(worker, { ack: message.seq });
        break;
      default:
        break;
    }
  }

  function queryServer(worker: WorkerInstance, message: ClusterMessage): void {
    // Leaving already.
    if (worker.exitedAfterDisconnect) return;
    const query = message as unknown as QueryMessage & { index?: number };
    const key = `${String(query.address)}:${String(query.port)}:${String(query.addressType)}:${String(query.fd)}:${String(query.index)}`;
    let handle = handles.get(key);
    if (handle === undefined) {
      let address = query.address ?? null;
      // A Unix path as short as it can be said from here: the kernel takes about 100 bytes.
      if ((query.port ?? 0) < 0 && typeof address === 'string') {
        const short = relative(process.cwd(), address);
        if (short.length < address.length) address = short;
      }
      // UDP has no connections to hand out: always shared.
      if (schedulingPolicy !== SCHED_RR || query.addressType === 'udp4' || query.addressType === 'udp6') {
        handle = new SharedHandle(key, address, query);
      } else {
        handle = new RoundRobinHandle(key, address, query);
      }
      handles.set(key, handle);
    }
    if (!handle.data) handle.data = query.data;
    handle.add(worker, (errno, reply, sent) => {
      const data = handles.get(key)?.data;
      // Another worker may try again.
      if (errno) handles.delete(key);
      send(worker, { errno, key, ack: message.seq, data, ...reply }, sent);
    });
  }

  setWorkerSide({
    disconnect(worker) {
      worker.exitedAfterDisconnect = true;
      send(worker, { act: 'disconnect' });
      removeHandlesForWorker(worker);
      removeWorker(worker);
    },
    destroy(worker, signal) {
      worker.process.kill!(signal || 'SIGTERM');
    },
  });

  return cluster;
}
