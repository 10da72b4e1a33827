/**
 * What a host Worker runs for each mini worker thread: the same launcher
 * and bundle as the main thread (with its code cache), told that this
 * thread is a worker. A marker rather than a question to
 * node:worker_threads, which would cost every main-thread start ~2 ms.
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('mini.workerThread')] = true;
require('./main.js');
