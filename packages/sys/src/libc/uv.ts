import { bindTable, viewMemory } from '../ffi.js';

/**
 * The host node's own libuv, exported by the node binary. We only read its
 * state (backend fd and timeout) to share the thread with it; we never drive
 * it from inside a native call.
 */
export const hostUv = bindTable({
  uv_default_loop: 'void *uv_default_loop()',
  uv_backend_fd: 'int uv_backend_fd(void *loop)',
  uv_backend_timeout: 'int uv_backend_timeout(void *loop)',
});

/**
 * uv_loop_t starts `void *data; unsigned int active_handles; …` (uv.h,
 * UV_LOOP_PRIVATE_FIELDS come later), so the count of the host's active
 * handles sits at offset 8 on 64-bit Linux.
 */
const ACTIVE_HANDLES_OFFSET = 8;

let view: { loop: bigint; words: Uint32Array } | undefined;

/**
 * Read on every blocking poll, so through a typed-array view of the struct's
 * head (a plain memory read) rather than a decode call (~0.5 µs each).
 */
export function hostActiveHandles(loop: bigint): number {
  if (view === undefined || view.loop !== loop) view = { loop, words: new Uint32Array(viewMemory(loop, 16)) };
  return view.words[ACTIVE_HANDLES_OFFSET / 4]!;
}
