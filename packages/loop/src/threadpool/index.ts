export { queueWork, threadsStarted, threadpoolBackend, releaseThreadpool } from './pool.js';
export { threadpoolSize } from './config.js';
export { WorkFunction, WorkRequest, type WorkCallback } from './work-request.js';
