import { Console } from 'node:console';

/** A console bound to our stdio streams (the host's is bound to its own). */
export function createConsole(proc: NodeJS.Process): Console {
  return new Console({ stdout: proc.stdout, stderr: proc.stderr, colorMode: 'auto' });
}
