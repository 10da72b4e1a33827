import { UV_ENOSPC, uvExceptionInJs, type SystemError } from '@mini/sys';

export interface WatchError extends SystemError {
  filename: string | Buffer;
}

/** A watch that could not start, as Node reports it: syscall 'watch', `path` and `filename` set. */
export function watchStartError(errno: number, filename: string | Buffer): WatchError {
  const err = uvExceptionInJs(errno, { syscall: 'watch', path: String(filename) }) as WatchError;
  // Node words the inotify watch limit itself rather than print ENOSPC's "no space left on device".
  if (errno === UV_ENOSPC) err.message = `ENOSPC: System limit for number of file watchers reached, watch '${String(filename)}'`;
  err.filename = filename;
  return err;
}
