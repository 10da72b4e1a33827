import { bindPointerTable, bindTable } from '../ffi.js';

/**
 * The host node's own libuv, exported by the node binary. We only read its
 * state (backend fd and timeout) to share the thread with it; we never drive
 * it from inside a native call.
 */
export const hostUvPointers = bindPointerTable({ uv_default_loop: 'void *uv_default_loop()' });
export const hostUv = bindTable(
  {
    uv_backend_fd: 'int uv_backend_fd(void *loop)',
    uv_backend_timeout: 'int uv_backend_timeout(void *loop)',
    uv_loop_alive: 'int uv_loop_alive(void *loop)',
  },
);
