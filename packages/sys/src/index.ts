export { bindTable, bindPointerTable, lastErrno, loadLibrary, hostPoll } from './ffi.js';
export type { Bytes, NativeArg, NativeFn, PollWatcher } from './ffi.js';
export * from './errors.js';
export * from './syscall.js';
export * from './libc/unistd.js';
export * from './libc/epoll.js';
export * from './libc/eventfd.js';
export * from './libc/uv.js';
export * from './fd.js';
