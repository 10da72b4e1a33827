export { Loop, RunMode, type LoopOptions, type PollBridge } from './loop.js';
export { Handle, Request } from './handle.js';
export { Idle, Prepare, Check } from './phase-handles.js';
export { Timer } from './timer.js';
export { IoWatcher, setFdLedger, ledgerMark, type IoCallback } from './io.js';
export { Async, wakeFd } from './async.js';
export { ownThread, driveFromHost, driverOf, type Driver } from './drive.js';
export { claimDefaultLoop, defaultLoop } from './default-loop.js';
export { drainTicks, holdTicks } from './ticks.js';
export * from './threadpool/index.js';
export { startTracing, stopTracing, tracing, LoopTracer, type TraceEvent, type Phase } from './trace/tracer.js';
export {
  asyncContext,
  trackAsyncContext,
  captureAsyncContext,
  runInAsyncContext,
  bindAsyncContext,
  outsideAsyncContext,
  hiddenAsyncIds,
  type AsyncContext,
} from './async-context.js';
export { loopUtilization, type LoopUtilization } from './metrics.js';
