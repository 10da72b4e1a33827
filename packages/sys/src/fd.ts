import { readdirSync } from 'node:fs';

/** Open descriptors of this process, for leak checks in tests and benchmarks. */
export function openFdCount(): number {
  return readdirSync('/proc/self/fd').length;
}
