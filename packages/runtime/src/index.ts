export { boot, bootWorker, VERSION, type BootOptions } from './main.js';
export { BuiltinRegistry, type BuiltinSource } from './registry.js';
export { Environment } from './environment.js';
export { SyncWriteStream, createStdin, createWritableStdio, writeAllSync } from './stdio.js';
export { parseCommandLine, type Action } from './cli.js';
