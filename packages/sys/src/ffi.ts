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

let processHandle: LibraryHandle | undefined;

/**
 * The process's own global symbol scope: libc, and the node binary, which
 * exports libuv's API (`uv_default_loop`, `uv_backend_fd`, …). Measured:
 * `koffi.load('libc.so.6')` costs ~11 ms at startup, this handle ~0.1 ms.
 */
function globalScope(): LibraryHandle {
  return (processHandle ??= koffi.load(null));
}

/**
 * Declare a table of C prototypes and get typed functions back.
 * `{ read: 'long read(int fd, _Out_ void *buf, size_t count)' }` → `t.read(fd, buf, n)`.
 */
export function bindTable<K extends string>(
  table: Record<K, string>,
): Record<K, NativeFn> {
  const lib = globalScope();
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
): Record<K, (...args: NativeArg[]) => bigint> {
  const lib = globalScope();
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

/** Read a u32 field of a native struct we only hold a pointer to. */
export function readU32(pointer: bigint, offset: number): number {
  return koffi.decode(pointer, offset, 'uint32') as number;
}

/** Native memory we do not own, seen through an ArrayBuffer (no copy): reads are plain loads. */
export function viewMemory(pointer: bigint, length: number): ArrayBuffer {
  return koffi.view(pointer, length);
}
