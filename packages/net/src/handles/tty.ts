/**
 * Terminal stream handles (libuv's tty.c, Node's tty_wrap), and what kind
 * of thing an fd is (uv_guess_handle, which libuv keeps in tty.c too).
 *
 * A TTY is a stream like a pipe, so it is a StreamHandle: read and write
 * go through the same watcher and write queue. What is its own:
 *
 *   - the fd is reopened (by its name, /dev/pts/N) and the new open file
 *     description dup'd onto it, before O_NONBLOCK is set. Flags belong to
 *     the description, not the fd, and a shell's terminal is shared: making
 *     it non-blocking in place would hand `cat` in `mini app.js | cat` an
 *     EAGAIN on its own stdin. A terminal that cannot be reopened (a pty
 *     master) stays blocking for writes.
 *   - `setBlocking(true)`, which tty.WriteStream asks for: terminal output
 *     is written synchronously, so a process.exit() right after a large
 *     write loses nothing.
 *   - raw mode through termios: the settings before the first change are
 *     kept once per process and put back by `setRawMode(false)`; the host
 *     restores the terminal's state from startup when the process exits.
 *   - the window size from TIOCGWINSZ.
 */
import { fstatSync } from 'node:fs';
import type { Loop } from '@mini/loop';
import {
  BRKINT,
  CS8,
  ECHO,
  F_GETFL,
  ICANON,
  ICRNL,
  IEXTEN,
  INPCK,
  ISIG,
  ISTRIP,
  IXON,
  O_ACCMODE,
  O_CLOEXEC,
  O_NOCTTY,
  ONLCR,
  SOCK_DGRAM,
  SOCK_STREAM,
  SO_TYPE,
  SOL_SOCKET,
  TCSADRAIN,
  TERMIOS_CC,
  TERMIOS_CFLAG,
  TERMIOS_IFLAG,
  TERMIOS_LFLAG,
  TERMIOS_OFLAG,
  TERMIOS_SIZE,
  TIOCGWINSZ,
  UV_EINVAL,
  VMIN,
  VTIME,
  WINSIZE_SIZE,
  lastError,
  setNonBlocking,
  termios,
  unistd,
} from '@mini/sys';
import { getsockoptInt, socketName } from './socket.js';
import { StreamHandle } from './stream.js';

/** Node's names for uv_handle_type, as `guessHandleType` reports them. */
export type HandleType = 'TCP' | 'TTY' | 'UDP' | 'FILE' | 'PIPE' | 'UNKNOWN';

/**
 * What `fd` is, as libuv guesses it: a terminal; a regular file or another
 * character device (/dev/null); a pipe or a Unix stream socket; a TCP or
 * UDP socket; or something a stream cannot be made of.
 */
export function guessHandleType(fd: number): HandleType {
  if (fd < 0) return 'UNKNOWN';
  if (unistd.isatty(fd) === 1) return 'TTY';
  let st;
  try {
    st = fstatSync(fd);
  } catch {
    return 'UNKNOWN';
  }
  if (st.isFile() || st.isCharacterDevice()) return 'FILE';
  if (st.isFIFO()) return 'PIPE';
  if (!st.isSocket()) return 'UNKNOWN';
  const type = getsockoptInt(fd, SOL_SOCKET, SO_TYPE);
  const name = socketName(fd, 'getsockname');
  const family = typeof name === 'object' ? name.family : undefined;
  if (type === SOCK_DGRAM) return family === 'IPv4' || family === 'IPv6' ? 'UDP' : 'UNKNOWN';
  if (type === SOCK_STREAM) {
    if (family === 'IPv4' || family === 'IPv6') return 'TCP';
    if (family === 'unix') return 'PIPE';
  }
  return 'UNKNOWN';
}

/** The terminal's settings before our first mode change. */
let origTermios: Buffer | undefined;
const scratch = Buffer.alloc(TERMIOS_SIZE);
const winsize = Buffer.alloc(WINSIZE_SIZE);
const nameBuf = Buffer.alloc(256);

/**
 * A new open file description of the terminal `fd` is, put in `fd`'s place;
 * the handle keeps the new fd (close-on-exec), `fd` stays inheritable as it
 * was. Returns the new fd, or -1 when the terminal cannot be reopened.
 */
function reopen(fd: number, mode: number): number {
  if (termios().ttyname_r(fd, nameBuf, nameBuf.length) !== 0) return -1;
  const path = nameBuf.toString('latin1', 0, nameBuf.indexOf(0));
  // A pty master reopened by name would be its slave: only slaves are reopened.
  if (!path.startsWith('/dev/pts/') && !path.startsWith('/dev/tty')) return -1;
  const newfd = unistd.open(path, mode | O_NOCTTY | O_CLOEXEC, 0);
  if (newfd < 0) return -1;
  if (unistd.dup3(newfd, fd, 0) < 0) {
    unistd.close(newfd);
    return -1;
  }
  return newfd;
}

export class TTY extends StreamHandle {
  override get typeName(): string {
    return 'TTY';
  }

  override resourceName(): string {
    return 'TTYWrap';
  }

  /** 0 when the handle opened, else the negative status uv_tty_init returned (Node's ctx.code). */
  readonly initStatus: number;
  private raw = false;

  /**
   * Open a handle on `fd`, which need not be a terminal (a pipe is a
   * stream too, as libuv allows); a file or an unknown fd is UV_EINVAL,
   * reported in `initStatus`.
   */
  constructor(loop: Loop, fd: number) {
    super(loop);
    const type = guessHandleType(fd);
    if (type === 'FILE' || type === 'UNKNOWN') {
      this.initStatus = UV_EINVAL;
      return;
    }
    const flags = unistd.fcntl(fd, F_GETFL, 0);
    if (flags < 0) {
      this.initStatus = lastError();
      return;
    }
    let own = fd;
    let blockingWrites = false;
    if (type === 'TTY') {
      const newfd = reopen(fd, flags & O_ACCMODE);
      if (newfd >= 0) own = newfd;
      else blockingWrites = (flags & O_ACCMODE) !== 0;
    }
    if (!blockingWrites) setNonBlocking(own, true);
    this.initStatus = 0;
    this.adopt(own);
  }

  protected accepted(): StreamHandle {
    throw new Error('a TTY does not listen');
  }

  /** Blocking writes (tty.WriteStream's); reads still wait for the watcher. 0 or a negative status. */
  setBlocking(on: boolean): number {
    if (this.fd < 0) return UV_EINVAL;
    return setNonBlocking(this.fd, !on);
  }

  /** `out` gets [columns, rows]; 0 or a negative status. */
  getWindowSize(out: number[]): number {
    if (this.fd < 0) return UV_EINVAL;
    if (termios().ioctl(this.fd, TIOCGWINSZ, winsize) < 0) return lastError();
    out[0] = winsize.readUInt16LE(2);
    out[1] = winsize.readUInt16LE(0);
    return 0;
  }

  /** libuv's UV_TTY_MODE_RAW (true) or UV_TTY_MODE_NORMAL (false); 0 or a negative status. */
  setRawMode(on: boolean): number {
    if (this.fd < 0) return UV_EINVAL;
    if (on === this.raw) return 0;
    if (!on) {
      if (origTermios !== undefined && termios().tcsetattr(this.fd, TCSADRAIN, origTermios) < 0) return lastError();
      this.raw = false;
      return 0;
    }
    if (termios().tcgetattr(this.fd, scratch) < 0) return lastError();
    origTermios ??= Buffer.from(scratch);
    const t = scratch;
    t.writeUInt32LE(t.readUInt32LE(TERMIOS_IFLAG) & ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON), TERMIOS_IFLAG);
    t.writeUInt32LE(t.readUInt32LE(TERMIOS_OFLAG) | ONLCR, TERMIOS_OFLAG);
    t.writeUInt32LE(t.readUInt32LE(TERMIOS_CFLAG) | CS8, TERMIOS_CFLAG);
    t.writeUInt32LE(t.readUInt32LE(TERMIOS_LFLAG) & ~(ECHO | ICANON | IEXTEN | ISIG), TERMIOS_LFLAG);
    // One byte at a time, as soon as it is typed.
    t[TERMIOS_CC + VMIN] = 1;
    t[TERMIOS_CC + VTIME] = 0;
    if (termios().tcsetattr(this.fd, TCSADRAIN, t) < 0) return lastError();
    this.raw = true;
    return 0;
  }
}

/** Whether `fd` is a terminal (tty.isatty's check, after its argument checks). */
export function isTTY(fd: number): boolean {
  return unistd.isatty(fd) === 1;
}
