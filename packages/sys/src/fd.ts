import { readdirSync } from 'node:fs';
import { lastError } from './errno.js';
import { F_GETFL, F_SETFL, O_NONBLOCK, unistd } from './libc/unistd.js';

/** Open descriptors of this process, for leak checks in tests and benchmarks. */
export function openFdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/**
 * Set or clear O_NONBLOCK on `fd`'s open file description (shared with
 * every dup of it, in this process and others): 0 or a negative status.
 */
export function setNonBlocking(fd: number, on: boolean): number {
  const flags = unistd.fcntl(fd, F_GETFL, 0);
  if (flags < 0) return lastError();
  const want = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
  if (want !== flags && unistd.fcntl(fd, F_SETFL, want) < 0) return lastError();
  return 0;
}
