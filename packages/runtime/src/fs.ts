/**
 * `fs` until the fs package lands.
 *
 * A synchronous fs call is a blocking syscall on the calling thread; no event
 * loop takes part, so the host's sync functions behave exactly as ours would
 * and are used as they are (as are constants and the Stats/Dirent classes).
 * Everything asynchronous must complete on our loop: those functions throw
 * ERR_MINI_NOT_IMPLEMENTED rather than silently running on the host's loop.
 */
import hostFs from 'node:fs';
import { MiniNotImplementedError } from './errors.js';

const KEEP = new Set(['constants', 'F_OK', 'R_OK', 'W_OK', 'X_OK']);

function notImplemented(name: string): () => never {
  const fn = () => {
    throw new MiniNotImplementedError(`fs.${name}()`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

export function createFs(): Record<string, unknown> {
  const fs: Record<string, unknown> = {};
  const host = hostFs as unknown as Record<string, unknown>;
  for (const key of Object.keys(host)) {
    if (key === 'promises') continue;
    const value = host[key];
    const keep = KEEP.has(key) || key.endsWith('Sync') || typeof value !== 'function' || /^[A-Z]/.test(key);
    fs[key] = keep ? value : notImplemented(key);
  }
  Object.defineProperty(fs, 'promises', {
    enumerable: true,
    get() {
      throw new MiniNotImplementedError('fs.promises');
    },
  });
  return fs;
}
