/**
 * node:cluster in a worker (NODE_UNIQUE_ID set at startup): `cluster.worker`,
 * and the other half of listening — a server's listen() asks the primary
 * (queryServer) and listens on its answer:
 *
 *   a handle     the shared listening socket (scheduling 'none', UDP);
 *                closing it tells the primary
 *   no handle    round-robin: a stand-in that only stands for the
 *                primary's socket (its address, a ref on the loop); each
 *                connection comes as a 'newconn' message with its fd
 */
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { setClusterWorker, type GetServerCallback, type ListenHandle, type ServerQuery, type StreamHandle } from '@mini/net';
import { internal, sendHelper, type ClusterMessage, type Reply } from './protocol.js';
import { setWorkerSide, Worker, type WorkerProcess } from './worker.js';

type WorkerInstance = InstanceType<typeof Worker>;

/** Something the primary gave us to listen on, and the server or socket listening on it. */
interface Held {
  close(): void;
  owner: EventEmitter & { close(callback: () => void): unknown };
}

/** The largest timer delay: the stand-in's way to hold the loop, as nothing else of it is on the loop. */
const TIMEOUT_MAX = 2 ** 31 - 1;

export function createWorkerCluster(proc: NodeJS.Process): EventEmitter & Record<string, unknown> {
  const channel = proc as unknown as WorkerProcess;
  const cluster = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const handles = new Map<string, Held>();
  const indexes = new Map<string, { nextIndex: number; set: Set<number> }>();
  let worker: WorkerInstance | null = null;

  const send = (message: object, reply?: Reply): boolean => sendHelper(channel, message, undefined, reply);

  cluster['isWorker'] = true;
  cluster['isMaster'] = false;
  cluster['isPrimary'] = false;
  cluster['worker'] = null;
  cluster['Worker'] = Worker;

  function removeIndexesKey(indexesKey: string, index: number): void {
    const indexSet = indexes.get(indexesKey);
    if (indexSet === undefined) return;
    indexSet.set.delete(index);
    if (indexSet.set.size === 0) indexes.delete(indexesKey);
  }

  function getServer(owner: object, options: ServerQuery, callback: GetServerCallback): void {
    let address = options.address;
    // A Unix path is named absolutely: the primary may have another cwd.
    if (options.port < 0 && typeof address === 'string') address = resolve(address);
    const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
    let indexSet = indexes.get(indexesKey);
    if (indexSet === undefined) {
      indexSet = { nextIndex: 0, set: new Set() };
      indexes.set(indexesKey, indexSet);
    }
    // A second listen on the same address in this worker is another server: EADDRINUSE from the primary.
    const index = indexSet.nextIndex++;
    indexSet.set.add(index);
    const message: Record<string, unknown> = { act: 'queryServer', index, data: null, ...options, address };
    const server = owner as Held['owner'] & { address(): { port?: number } | string | null };
    send(message, (reply, handle) => {
      const key = reply.key!;
      if (handle !== undefined && handle !== null) shared(reply, key, handle as Held, server, indexesKey, index, callback);
      else roundRobin(reply, key, server, indexesKey, index, callback);
    });
    server.once('listening', () => {
      // Closed again already.
      if (!indexes.has(indexesKey)) return;
      worker!.state = 'listening';
      const bound = server.address();
      message['act'] = 'listening';
      message['port'] = (bound !== null && typeof bound === 'object' && bound.port) || options.port;
      send(message);
    });
  }

  function shared(
    reply: ClusterMessage,
    key: string,
    handle: Held,
    owner: Held['owner'],
    indexesKey: string,
    index: number,
    callback: GetServerCallback,
  ): void {
    // Closing it is the primary's to know: when the last worker closes it, the primary does too.
    const close = handle.close.bind(handle);
    handle.close = () => {
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      close();
    };
    handle.owner = owner;
    handles.set(key, handle);
    callback(reply.errno ?? 0, handle as unknown as StreamHandle);
  }

  function roundRobin(
    reply: ClusterMessage,
    key: string,
    owner: Held['owner'],
    indexesKey: string,
    index: number,
    callback: GetServerCallback,
  ): void {
    if (reply.errno) {
      callback(reply.errno, null);
      return;
    }
    let open = true;
    let refTimer: ReturnType<typeof setInterval> | null = null;
    const sockname = reply['sockname'] as Record<string, unknown> | undefined;
    const stand: ListenHandle & Held = {
      owner,
      onconnection: undefined,
      listen: () => 0,
      ref() {
        refTimer ??= setInterval(() => {}, TIMEOUT_MAX);
      },
      unref() {
        if (refTimer !== null) clearInterval(refTimer);
        refTimer = null;
      },
      close() {
        // Connections that arrive before the primary hears this go back to it (see onconnection).
        if (!open) return;
        open = false;
        stand.unref();
        send({ act: 'close', key });
        handles.delete(key);
        removeIndexesKey(indexesKey, index);
      },
    };
    if (sockname !== undefined) {
      stand.getsockname = (out: Record<string, unknown>) => {
        if (open) Object.assign(out, sockname);
        return 0;
      };
    }
    stand.ref();
    handles.set(key, stand);
    callback(0, stand);
  }

  /** A connection from the primary (round-robin): taken unless the server is gone or full. */
  function onconnection(message: ClusterMessage, handle: StreamHandle): void {
    const server = handles.get(message.key!) as (ListenHandle & Held) | undefined;
    let accepted = server !== undefined;
    const owner = server?.owner as { maxConnections?: number | null; _connections?: number } | undefined;
    if (accepted && owner !== undefined && owner.maxConnections != null && (owner._connections ?? 0) >= owner.maxConnections) {
      accepted = false;
    }
    send({ ack: message.seq, accepted });
    if (accepted) server!.onconnection!(0, handle);
    else handle.close();
  }

  /** Close every server, then leave (telling the primary first, unless it asked). */
  function disconnectWorker(self: WorkerInstance, primaryInitiated: boolean): void {
    self.exitedAfterDisconnect = true;
    let waiting = 1;
    const checkWaiting = (): void => {
      if (--waiting !== 0) return;
      if (primaryInitiated) proc.disconnect!();
      else send({ act: 'exitedAfterDisconnect' }, () => proc.disconnect!());
    };
    for (const held of [...handles.values()]) {
      waiting++;
      held.owner.close(checkWaiting);
    }
    handles.clear();
    checkWaiting();
  }

  setWorkerSide({
    disconnect(self) {
      if (self.state !== 'disconnecting' && self.state !== 'destroying') {
        self.state = 'disconnecting';
        disconnectWorker(self, false);
      }
    },
    destroy(self) {
      if (self.state === 'destroying') return;
      self.exitedAfterDisconnect = true;
      if (!self.isConnected()) {
        proc.exit(0);
      } else {
        self.state = 'destroying';
        send({ act: 'exitedAfterDisconnect' }, () => proc.disconnect!());
        proc.once('disconnect', () => proc.exit(0));
      }
    },
  });

  cluster['_setupWorker'] = () => {
    const self = new Worker({ id: Number(proc.env['NODE_UNIQUE_ID']) | 0, process: channel, state: 'online' });
    worker = self;
    cluster['worker'] = self;
    proc.once('disconnect', () => {
      self.emit('disconnect');
      // The primary went away (or some such): a worker does not outlive it.
      if (!self.exitedAfterDisconnect) proc.exit(0);
    });
    proc.on(
      'internalMessage',
      internal(self, (message, handle) => {
        if (message.act === 'newconn') onconnection(message, handle as StreamHandle);
        else if (message.act === 'disconnect') disconnectWorker(self, true);
      }),
    );
    send({ act: 'online' });
  };
  cluster['_getServer'] = getServer;
  setClusterWorker({ getServer });
  return cluster;
}
