export { queueWork, pinnedWorkArg, threadsStarted, threadpoolBackend, releaseThreadpool, settleThreadpool } from './pool.js';
export { threadpoolSize } from './config.js';
export { WorkFunction, WorkRequest, type WorkCallback } from './work-request.js';
