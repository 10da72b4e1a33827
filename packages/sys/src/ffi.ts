/**
 * The one place that touches koffi.
 *
 * Native functions are declared as data — a table of C prototypes per header
 * (see `libc/*.ts`) — and `bindTable` binds each one with koffi. The
 * prototype string is the single source: koffi parses it at run time, and
 * the type checker reads the same string (prototype.ts) into the function's
 * TypeScript type, so a call with a missing argument, a number where a
 * buffer goes, or a result read as the wrong type fails `typecheck`.
 *
 * What a table gives back is koffi's own function, only typed: no wrapper,
 * no closure between the caller and the native call (the hot path is
 * epoll_wait, read and write).
 */
import koffi, { type LibraryHandle } from 'koffi';
import type { BoundTable, CheckedTable, Pointer } from './prototype.js';

export type { Bytes, Pointer, BoundTable } from './prototype.js';

/** A loaded shared object, or the process's own scope, that tables are bound against. */
export interface NativeLibrary {
  /** Bind a table of C prototypes: `{ read: 'long read(int fd, _Out_ void *buf, size_t count)' }` → `t.read(fd, buf, n)`. */
  bind<const T extends Record<string, string>>(table: CheckedTable<T>): BoundTable<T>;
}

/** koffi knows SAL's `_In_`/`_Out_`/`_Inout_` but not their `_opt_` forms, which only the types read (prototype.ts). */
function forKoffi(prototype: string): string {
  return prototype.replace(/\b_(In|Out|Inout)_opt_(?=\s)/g, '_$1_');
}

function libraryOf(lib: LibraryHandle): NativeLibrary {
  return {
    bind<const T extends Record<string, string>>(table: CheckedTable<T>): BoundTable<T> {
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(table)) out[name] = lib.func(forKoffi(table[name] as string));
      return out as BoundTable<T>;
    },
  };
}

let processScope: NativeLibrary | undefined;

/**
 * The process's own global symbol scope: libc, and the node binary, which
 * exports libuv's API (`uv_default_loop`, `uv_backend_fd`, …). Measured:
 * `koffi.load('libc.so.6')` costs ~11 ms at startup, this handle ~0.1 ms.
 */
function processLibrary(): NativeLibrary {
  return (processScope ??= libraryOf(koffi.load(null)));
}

/** Load a shared object of our own (compiled at build time); throws when it cannot be loaded. */
export function loadLibrary(path: string): NativeLibrary {
  return libraryOf(koffi.load(path));
}

/** Bind a table of C prototypes in the process's scope (libc, the node binary). */
export function bindTable<const T extends Record<string, string>>(table: CheckedTable<T>): BoundTable<T> {
  return processLibrary().bind<T>(table);
}

/** errno of the last failed call on this thread. */
export function lastErrno(): number {
  return koffi.errno();
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

/** This isolate's napi_env (a worker thread has its own), for N-API calls that need one. */
export function hostNodeEnv(): bigint {
  return koffi.node.env as unknown as bigint;
}

/** Native memory we do not own, seen through an ArrayBuffer (no copy): reads are plain loads. */
export function viewMemory(pointer: bigint, length: number): ArrayBuffer {
  return koffi.view(pointer, length);
}

/**
 * A JS function native code may call back synchronously (OpenSSL's SNI,
 * ALPN and verify hooks): its address, to pass where the C side takes a
 * function pointer (declared `void *` in the tables). `prototype` is the C
 * signature it is called with; the function stays registered for the
 * process's life, so register each one once, at load.
 */
export function nativeCallback(prototype: string, fn: (...args: never[]) => unknown): Pointer {
  return koffi.register(fn as (...args: unknown[]) => unknown, koffi.pointer(koffi.proto(prototype))) as unknown as Pointer;
}

/** Read a native pointer stored at `address` (an `out` parameter of type `T **`). */
export function readPointer(address: Pointer): Pointer | null {
  const p = koffi.decode(address, 'void *') as Pointer | null;
  return p === null || p === 0n ? null : p;
}

/** Store a native pointer at `address` (an `out` parameter of type `T **` a callback fills). */
export function writePointer(address: Pointer, value: Pointer): void {
  koffi.encode(address, 'void *', value);
}
