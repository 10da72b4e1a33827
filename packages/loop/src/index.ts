export { Loop, RunMode, type PollBridge } from './loop.js';
export { Handle, Request } from './handle.js';
export { Idle, Prepare, Check } from './phase-handles.js';
export { Timer } from './timer.js';
export { IoWatcher, type IoCallback } from './io.js';
export { Async, wakeFd } from './async.js';
export { ownThread, driveFromHost, driverOf, type Driver } from './drive.js';
export { defaultLoop } from './default-loop.js';
export { drainTicks } from './ticks.js';
