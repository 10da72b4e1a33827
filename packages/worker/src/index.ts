/**
 * node:worker_threads on mini: Worker threads each running a mini runtime
 * of their own, and MessagePorts delivered on our loops.
 */
import * as hostThreads from 'node:worker_threads';
import { codedError } from '@mini/sys';
import { BroadcastChannel } from './broadcast-channel.js';
import { moveMessagePortToContext } from './context-port.js';
import { MessageChannel, MessagePort, receiveMessageOnPort } from './message-port.js';
import { Worker } from './worker.js';
import { workerSide } from './worker-thread.js';

export { Worker, setWorkerHost, type WorkerHost, type WorkerOptions } from './worker.js';
export { MessageChannel, MessagePort, receiveMessageOnPort } from './message-port.js';
export { BroadcastChannel } from './broadcast-channel.js';
export { becomeWorker, startWorkerSide, workerSide, type WorkerThreadSide } from './worker-thread.js';
export { isWorkerBootstrap, type WorkerBootstrap } from './bootstrap.js';

/**
 * The module's exports. Marking helpers and environment data are the
 * host's: they only tag objects for V8's serializer or copy data at a
 * thread's start, with no loop behind them, and the host's Worker (which
 * starts our threads) is what reads them.
 */
export function createWorkerThreads(): Record<string, unknown> {
  const side = workerSide();
  const exports: Record<string, unknown> = {
    isMainThread: side === undefined,
    MessagePort,
    MessageChannel,
    markAsUntransferable: hostThreads.markAsUntransferable,
    moveMessagePortToContext,
    receiveMessageOnPort,
    resourceLimits: hostThreads.resourceLimits,
    threadId: hostThreads.threadId,
    SHARE_ENV: hostThreads.SHARE_ENV,
    Worker,
    parentPort: side === undefined ? null : side.parentPort,
    workerData: side === undefined ? null : side.workerData,
    BroadcastChannel,
    setEnvironmentData: hostThreads.setEnvironmentData,
    getEnvironmentData: hostThreads.getEnvironmentData,
  };
  const host = hostThreads as unknown as Record<string, unknown>;
  if ('markAsUncloneable' in host) exports['markAsUncloneable'] = host['markAsUncloneable'];
  if ('postMessageToThread' in host) exports['postMessageToThread'] = notYet('worker_threads.postMessageToThread');
  return exports;
}

/** A function that is there (libraries look for it at load) and says it is not ours yet when called. */
function notYet(name: string): () => never {
  return () => {
    throw codedError('ERR_MINI_NOT_IMPLEMENTED', name);
  };
}
