/**
 * The one place that touches koffi.
 *
 * Native functions are declared as data — a table of C prototypes per header
 * (see `libc/*.ts`) — and `bindTable` turns a table into typed JS functions.
 * Everything above this package sees plain `(…numbers, Uint8Array) => number`
 * signatures and never a koffi type.
 */
import koffi, { type LibraryHandle } from 'koffi';

/** A byte buffer that native code reads or writes in place. */
export type Bytes = Uint8Array;

/** Argument types a bound function accepts: ints, 64-bit ints, buffers, strings, raw pointers. */
export type NativeArg = number | bigint | Bytes | string | null;

export type NativeFn = (...args: NativeArg[]) => number;

let libcHandle: LibraryHandle | undefined;
let hostHandle: LibraryHandle | undefined;

function libc(): LibraryHandle {
  return (libcHandle ??= koffi.load('libc.so.6'));
}

/** The node binary itself: it exports libuv's API (`uv_default_loop`, `uv_backend_fd`, …). */
function host(): LibraryHandle {
  return (hostHandle ??= koffi.load(null));
}

/**
 * Declare a table of C prototypes and get typed functions back.
 * `{ read: 'long read(int fd, _Out_ void *buf, size_t count)' }` → `t.read(fd, buf, n)`.
 */
export function bindTable<K extends string>(
  table: Record<K, string>,
  from: 'libc' | 'host' = 'libc',
): Record<K, NativeFn> {
  const lib = from === 'libc' ? libc() : host();
  const out = {} as Record<K, NativeFn>;
  for (const name of Object.keys(table) as K[]) {
    const fn = lib.func(table[name]) as unknown as (...a: NativeArg[]) => number | bigint;
    out[name] = fn as NativeFn;
  }
  return out;
}

/** Same as bindTable but for functions returning pointers (opaque bigints). */
export function bindPointerTable<K extends string>(
  table: Record<K, string>,
  from: 'libc' | 'host' = 'libc',
): Record<K, (...args: NativeArg[]) => bigint> {
  const lib = from === 'libc' ? libc() : host();
  const out = {} as Record<K, (...args: NativeArg[]) => bigint>;
  for (const name of Object.keys(table) as K[]) {
    // koffi 3 hands pointers over as plain BigInts.
    out[name] = lib.func(table[name]) as unknown as (...a: NativeArg[]) => bigint;
  }
  return out;
}

/** errno of the last failed call on this thread. */
export function lastErrno(): number {
  return koffi.errno();
}

/** Load a shared object of our own (compiled at build time). */
export function loadLibrary(path: string): { bind<K extends string>(table: Record<K, string>): Record<K, NativeFn> } {
  const lib = koffi.load(path);
  return {
    bind<K extends string>(table: Record<K, string>) {
      const out = {} as Record<K, NativeFn>;
      for (const name of Object.keys(table) as K[]) out[name] = lib.func(table[name]) as unknown as NativeFn;
      return out;
    },
  };
}

export interface PollWatcher {
  stop(): void;
  close(): void;
  ref(): void;
  unref(): void;
}

/**
 * Let the host's own loop watch an fd (a uv_poll on the host loop). The
 * returned watcher must be kept referenced, or the handle is collected.
 */
export function hostPoll(fd: number, onReadable: () => void): PollWatcher {
  return koffi.node.poll(fd, { readable: true }, () => onReadable());
}
