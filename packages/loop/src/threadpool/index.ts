export { queueWork, threadsStarted, releaseThreadpool, shutdownThreadpool } from './pool.js';
export { threadpoolSize } from './config.js';
export { WorkRequest, type Work, type WorkCallback } from './work-request.js';
export type { WorkKind } from './protocol.js';
export { fsWorkModule } from './built-path.js';
