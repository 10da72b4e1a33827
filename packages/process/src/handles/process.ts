/**
 * libuv's uv_process: one child, started by native/process.c (vfork and
 * exec, as posix_spawn does inside) and watched through a pidfd in the
 * loop's epoll set.
 *
 *   spawn  → mini_spawn: the stdio slots, default signal dispositions and
 *            an empty mask in the child; a pidfd for it
 *   exit   → the pidfd turns readable; waitid(P_PIDFD) reaps the child at
 *            once, so no zombie outlives the loop iteration that saw it
 *
 * The handle is active from a successful spawn until the exit is reported,
 * so a ref'd child keeps the loop alive, as in libuv. Stdio slots are fds
 * the layer above gives (an inherited fd) or the markers SPAWN_STDIO_CLOSE,
 * SPAWN_STDIO_DEVNULL and SPAWN_STDIO_PIPE; for the last, the spawn makes
 * the socketpair and hands back our end, so that a spawn is one FFI call.
 */
import { Handle, IoWatcher, captureAsyncContext, drainTicks, tracing, type Loop } from '@mini/loop';
import {
  EPOLLIN,
  MINI_SPAWN_ENVIRON,
  MINI_SPAWN_SETGID,
  MINI_SPAWN_SETSID,
  MINI_SPAWN_SETUID,
  UV_EINVAL,
  UV_ESRCH,
  check,
  signal as sig,
  spawnNative,
  unistd,
} from '@mini/sys';

export interface ProcessOptions {
  /** Program to run: a path, or a name looked up in the PATH of `env`. */
  file: string;
  /** argv, argv[0] included. */
  args: readonly string[];
  /** 'KEY=value' strings: the child's environment, or with `inheritEnv` what follows ours in it. */
  env: readonly string[];
  /** The child starts with this process's own environment (environ), then `env`. */
  inheritEnv?: boolean;
  cwd?: string | undefined;
  /**
   * Child fd i ← stdio[i]: a parent fd, SPAWN_STDIO_CLOSE, SPAWN_STDIO_DEVNULL
   * or SPAWN_STDIO_PIPE. The spawn replaces each SPAWN_STDIO_PIPE by our end
   * of the socketpair it made (non-blocking, close-on-exec), or by -1 when
   * it could not make them.
   */
  stdio: Int32Array;
  /** A new session (setsid): the child leads its own process group. */
  detached?: boolean;
  /** Credentials for the child (setgid/setuid before the exec). */
  uid?: number | undefined;
  gid?: number | undefined;
}

/** NUL-terminated strings back to back, for one buffer through the FFI (none has a NUL of its own: the API refuses them). */
function block(strings: readonly string[]): Buffer {
  return strings.length === 0 ? EMPTY_BLOCK : Buffer.from(`${strings.join('\0')}\0`);
}

/** An empty block (the native side only reads it): an inherited environment adds nothing. */
const EMPTY_BLOCK = Buffer.from('\0');

/** mini_spawn's out: the pidfd. */
const spawnOut = new Int32Array(1);
const spawnOutBytes = new Uint8Array(spawnOut.buffer);

export class Process extends Handle {
  override resourceName(): string {
    return 'ProcessWrap';
  }

  pid = 0;
  /** Called once with the exit status and the terminating signal (one of them 0). */
  onexit: ((exitStatus: number, termSignal: number) => void) | undefined;
  private pidfd = -1;
  private watcher: IoWatcher | undefined;
  private readonly result = new Int32Array(2);

  constructor(loop: Loop) {
    super(loop);
  }

  /** Start the child: 0, or a negative errno (UV_ENOENT for a program not found). */
  spawn(options: ProcessOptions): number {
    if (this.pid !== 0 || this.isClosing()) return UV_EINVAL;
    // Node lists a child's handle after its stdio pipes, made before the spawn: listed from here.
    this.loop.handleQueue.delete(this);
    this.loop.handleQueue.add(this);
    const stdio = options.stdio;
    const pid = spawnNative().mini_spawn(
      options.file,
      block(options.args),
      options.args.length,
      block(options.env),
      options.env.length,
      options.cwd ?? '',
      new Uint8Array(stdio.buffer, stdio.byteOffset, stdio.byteLength),
      stdio.length,
      (options.inheritEnv ? MINI_SPAWN_ENVIRON : 0) |
        (options.detached ? MINI_SPAWN_SETSID : 0) |
        (options.uid !== undefined ? MINI_SPAWN_SETUID : 0) |
        (options.gid !== undefined ? MINI_SPAWN_SETGID : 0),
      options.uid ?? 0,
      options.gid ?? 0,
      spawnOutBytes,
    );
    if (pid < 0) return pid;
    this.pid = pid;
    this.pidfd = spawnOut[0]!;
    // A trace lists each child the program starts, and names its exit callback.
    tracing.tracer?.instant('child process', { pid, file: options.file, args: options.args });
    this.watcher = new IoWatcher(this.loop, this.pidfd, () => this.onReadable(), 'child exit');
    this.watcher.runsLast = true;
    this.watcher.context = captureAsyncContext('PROCESSWRAP');
    this.watcher.start(EPOLLIN);
    this.activate();
    return 0;
  }

  /** Send `signum` to the child: 0, or a negative errno (UV_ESRCH once it has exited). */
  kill(signum: number): number {
    if (this.pid === 0 || this.pidfd < 0) return UV_ESRCH;
    const r = check(sig.kill(this.pid, signum));
    return r < 0 ? r : 0;
  }

  private onReadable(): void {
    const r = spawnNative().mini_reap(this.pidfd, new Uint8Array(this.result.buffer));
    if (r === 0) return;
    this.release();
    this.deactivate();
    const cb = this.onexit;
    if (cb === undefined) return;
    if (r < 0) cb(0, 0);
    else cb(this.result[0]!, this.result[1]!);
    drainTicks();
  }

  /** Stop watching the child and close its pidfd; the pid is not ours to signal after this. */
  private release(): void {
    if (this.pidfd < 0) return;
    this.watcher?.close();
    unistd.close(this.pidfd);
    this.pidfd = -1;
  }

  protected onClose(): void {
    // A child still running when its handle closes is reaped if it has
    // already exited; otherwise it is left to run, unwatched, as libuv does.
    if (this.pidfd >= 0) spawnNative().mini_reap(this.pidfd, new Uint8Array(this.result.buffer));
    this.release();
    this.deactivate();
  }
}
