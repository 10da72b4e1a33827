// The handle layer (Signal, Process) and the Node APIs built on it.
export { Signal } from './handles/signal.js';
export { installSignals, kill, signalName, signalNumber } from './signals.js';
export { Process, type ProcessOptions } from './handles/process.js';
export { adoptEnvironment } from './environment.js';
