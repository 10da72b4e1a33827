import { Console } from 'node:console';

/**
 * A console bound to our stdio streams (the host's is bound to its own).
 * Node's global console also carries the Console class (jest and many
 * loggers make their own from `require('console').Console`).
 */
export function createConsole(proc: NodeJS.Process): Console {
  const console = new Console({ stdout: proc.stdout, stderr: proc.stderr, colorMode: 'auto' });
  Object.defineProperty(console, 'Console', { value: Console, writable: true, enumerable: true, configurable: true });
  return console;
}
