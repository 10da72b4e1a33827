import { Console } from 'node:console';

/** Stands in for the streams while the console is built; replaced at once below. */
const placeholder = { write: (): boolean => true } as unknown as NodeJS.WritableStream;

/**
 * A console bound to our stdio streams (the host's is bound to its own).
 * Bound lazily, as Node binds its global console: a stream is looked up
 * when the console first writes to it, so a program that never logs an
 * error does not make process.stderr (each stdio stream is a net.Socket
 * or tty.WriteStream to build). Node's global console also carries the
 * Console class (jest and many loggers make their own from
 * `require('console').Console`).
 */
export function createConsole(proc: NodeJS.Process): Console {
  const console = new Console({ stdout: placeholder, stderr: placeholder, colorMode: 'auto' });
  for (const [key, stream] of [
    ['_stdout', 'stdout'],
    ['_stderr', 'stderr'],
  ] as const) {
    // Writable, as Console's own are: a program may swap the stream.
    Object.defineProperty(console, key, {
      configurable: true,
      enumerable: false,
      get: () => proc[stream],
      set(value: unknown) {
        Object.defineProperty(console, key, { value, writable: true, configurable: true, enumerable: false });
      },
    });
  }
  Object.defineProperty(console, 'Console', { value: Console, writable: true, enumerable: true, configurable: true });
  return console;
}
