/**
 * node:tty on our loop: `isatty`, and ReadStream/WriteStream, which are
 * net.Sockets over a TTY handle (handles/tty.ts), as Node's are.
 *
 *   ReadStream   reads only once asked (manualStart), `setRawMode` through
 *                termios, `isRaw`
 *   WriteStream  written synchronously (the handle is made blocking),
 *                `columns`/`rows` from TIOCGWINSZ, refreshed by
 *                `_refreshSize` ('resize' when they changed; the runtime
 *                calls it on SIGWINCH for process.stdout and stderr)
 *
 * What is pure computation over a stream stays the host's own code: the
 * cursor movements are readline's escape sequences written to this stream,
 * and the colour depth is read from the environment (TERM, COLORTERM, CI…)
 * by the host's tty.WriteStream methods, applied to ours. node:readline
 * itself is the host's too, loaded here (`readline()`) so that its timers
 * are ours.
 */
import { defaultLoop } from '@mini/loop';
import { callableClass, codedError, errnoException, uvErrorContext } from '@mini/sys';
import { clearTimeout, setTimeout } from '@mini/timers';
import { TTY, isTTY } from './handles/tty.js';
import { Socket, type SocketOptions } from './socket.js';

/** tty.isatty: false, not an error, for anything that is not a valid fd. */
export function isatty(fd: unknown): boolean {
  return Number.isInteger(fd) && (fd as number) >= 0 && (fd as number) <= 2147483647 && isTTY(fd as number);
}

function openTTY(fd: unknown): TTY {
  if (typeof fd !== 'number' || fd >> 0 !== fd || fd < 0) throw codedError('ERR_INVALID_FD', fd);
  const handle = new TTY(defaultLoop(), fd);
  if (handle.initStatus < 0) throw codedError('ERR_TTY_INIT_FAILED', uvErrorContext(handle.initStatus, 'uv_tty_init'));
  return handle;
}

export class TTYReadStream extends Socket {
  isRaw = false;
  isTTY = true;

  constructor(fd: number, options: SocketOptions = {}) {
    super({ readableHighWaterMark: 0, handle: openTTY(fd), manualStart: true, ...options } as SocketOptions);
  }

  setRawMode(flag: unknown): this {
    const on = Boolean(flag);
    const err = (this._handle as TTY | null)?.setRawMode(on);
    if (err) {
      this.emit('error', errnoException(err, 'setRawMode'));
      return this;
    }
    this.isRaw = on;
    return this;
  }
}

type HostWriteStream = {
  getColorDepth(this: unknown, env?: NodeJS.ProcessEnv): number;
  hasColors(this: unknown, count?: unknown, env?: unknown): boolean;
};
type Direction = -1 | 0 | 1;

let hostTTY: HostWriteStream | undefined;
/** The host's colour rules, loaded on first use: most programs never ask. */
function hostWriteStream(): HostWriteStream {
  return (hostTTY ??= (require('node:tty') as typeof import('node:tty')).WriteStream.prototype as unknown as HostWriteStream);
}

type Readline = typeof import('node:readline');
let hostReadlineModule: Readline | undefined;

/**
 * node:readline, the host's pure JavaScript, loaded with our setTimeout and
 * clearTimeout in the host's timers module. Its keypress decoder
 * (internal/readline/emitKeypressEvents) takes them from there once, when
 * it loads, for the timeout that tells a lone ESC from the start of an
 * escape sequence; the host's own timers would not fire while our loop
 * owns the thread, and a lone ESC would never be reported.
 */
export function readline(): Readline {
  if (hostReadlineModule !== undefined) return hostReadlineModule;
  const hostTimers = require('node:timers') as Record<string, unknown>;
  const saved = { setTimeout: hostTimers['setTimeout'], clearTimeout: hostTimers['clearTimeout'] };
  hostTimers['setTimeout'] = setTimeout;
  hostTimers['clearTimeout'] = clearTimeout;
  try {
    hostReadlineModule = require('node:readline') as Readline;
  } finally {
    Object.assign(hostTimers, saved);
  }
  return hostReadlineModule;
}

/** node:readline/promises, whose interface shares readline's keypress decoder. */
export function readlinePromises(): typeof import('node:readline/promises') {
  readline();
  return require('node:readline/promises') as typeof import('node:readline/promises');
}

export class TTYWriteStream extends Socket {
  declare columns: number;
  declare rows: number;
  declare isTTY: boolean;

  constructor(fd: number) {
    const handle = openTTY(fd);
    super({ readableHighWaterMark: 0, handle, manualStart: true } as SocketOptions);
    // Terminals are fast and programs expect what they wrote to be on
    // screen when they exit: writes go out at once, never queued.
    handle.setBlocking(true);
    const size: number[] = [];
    if (handle.getWindowSize(size) === 0) {
      this.columns = size[0]!;
      this.rows = size[1]!;
    }
  }

  /** Read the window size again; 'resize' if it changed. */
  _refreshSize(): void {
    const handle = this._handle as TTY | null;
    if (handle === null) return;
    const size: number[] = [];
    const err = handle.getWindowSize(size);
    if (err < 0) {
      this.emit('error', errnoException(err, 'getWindowSize'));
      return;
    }
    if (this.columns !== size[0] || this.rows !== size[1]) {
      this.columns = size[0]!;
      this.rows = size[1]!;
      this.emit('resize');
    }
  }

  getWindowSize(): [number, number] {
    return [this.columns, this.rows];
  }

  getColorDepth(env?: NodeJS.ProcessEnv): number {
    return hostWriteStream().getColorDepth.call(this, env);
  }

  hasColors(count?: unknown, env?: unknown): boolean {
    return hostWriteStream().hasColors.call(this, count, env);
  }

  cursorTo(x: number, y?: number | (() => void), cb?: () => void): boolean {
    return readline().cursorTo(this, x, y as number, cb);
  }

  moveCursor(dx: number, dy: number, cb?: () => void): boolean {
    return readline().moveCursor(this, dx, dy, cb);
  }

  clearLine(dir: Direction, cb?: () => void): boolean {
    return readline().clearLine(this, dir, cb);
  }

  clearScreenDown(cb?: () => void): boolean {
    return readline().clearScreenDown(this, cb);
  }
}
TTYWriteStream.prototype.isTTY = true;

// Callable without `new`, as Node's are, and named as Node names them (the
// classes have names of their own so as not to clash with fs's in a bundle).
const ReadStreamConstructor = callableClass(TTYReadStream, 'ReadStream');
const WriteStreamConstructor = callableClass(TTYWriteStream, 'WriteStream');

/** The module object require('tty') returns. */
export function createTty(): {
  isatty: typeof isatty;
  ReadStream: typeof ReadStreamConstructor;
  WriteStream: typeof WriteStreamConstructor;
} {
  return { isatty, ReadStream: ReadStreamConstructor, WriteStream: WriteStreamConstructor };
}

export { ReadStreamConstructor as ReadStream, WriteStreamConstructor as WriteStream };
