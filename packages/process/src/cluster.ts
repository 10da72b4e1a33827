/**
 * node:cluster, ours: which side this process is comes from NODE_UNIQUE_ID
 * (set by the primary's fork), read once. A worker sets itself up at
 * startup, before the main module runs, as Node's does, so that
 * require('cluster') later gives the same module.
 */
import type { EventEmitter } from 'node:events';
import { createPrimaryCluster } from './cluster/primary.js';
import { createWorkerCluster } from './cluster/child.js';

let cluster: (EventEmitter & Record<string, unknown>) | undefined;

/** The module object `require('cluster')` returns. */
export function createCluster(): EventEmitter & Record<string, unknown> {
  cluster ??= 'NODE_UNIQUE_ID' in process.env ? createWorkerCluster(process) : createPrimaryCluster(process);
  return cluster;
}

/** At startup, in a process forked by a cluster primary: become its worker. */
export function setupClusterWorker(proc: NodeJS.Process): void {
  if (!('NODE_UNIQUE_ID' in proc.env)) return;
  const c = createCluster();
  (c['_setupWorker'] as () => void)();
  delete proc.env['NODE_UNIQUE_ID'];
}
