/**
 * The handle for a socket descriptor made elsewhere: one received over an
 * IPC channel, or given as `listen({ fd })` / `new net.Socket({ fd })`.
 * What the descriptor is comes from guessHandleType (tty.ts, libuv's
 * uv_guess_handle).
 */
import type { Loop } from '@mini/loop';
import { setNonBlocking } from '@mini/sys';
import { Pipe } from './pipe.js';
import { TCP } from './tcp.js';
import { guessHandleType, type HandleType } from './tty.js';
import { UDP } from './udp.js';

/**
 * A TCP, Pipe or UDP handle that takes `fd` over (and closes it), made
 * non-blocking as every fd on our loop is; or the type `fd` has when no
 * such handle fits it.
 */
export function handleForFd(loop: Loop, fd: number): TCP | Pipe | UDP | HandleType {
  const type = guessHandleType(fd);
  if (type !== 'TCP' && type !== 'PIPE' && type !== 'UDP') return type;
  setNonBlocking(fd, true);
  if (type === 'TCP') return new TCP(loop, fd);
  if (type === 'PIPE') return new Pipe(loop, fd);
  const udp = new UDP(loop);
  udp.open(fd);
  return udp;
}
