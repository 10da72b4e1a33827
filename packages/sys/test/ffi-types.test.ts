/**
 * The FFI tables' types (src/prototype.ts). The `@ts-expect-error` lines
 * are the test: `pnpm typecheck` fails if any of them stops being an error.
 * They sit in functions that never run, since koffi would throw (or
 * crash) on them. The tests that do run check that what koffi 3.3.4
 * returns is what the types say.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bindTable, hostUv, unistd, eventfd, socket, type Bytes, type Pointer } from '../src/index.js';

// A few libc functions the tables do not need, to see each C type's JS side.
const probe = bindTable({
  labs: 'long labs(long x)',
  llabs: 'int64_t llabs(int64_t x)',
  strlen: 'size_t strlen(const char *s)',
  getenv: 'const char *getenv(const char *name)',
  malloc: 'void *malloc(size_t size)',
  free: 'void free(_In_opt_ void *ptr)',
  getpid: 'int getpid(void)',
});

export function arityAndArguments(buf: Bytes, loop: Pointer): void {
  // @ts-expect-error a missing argument
  unistd.read(0, buf);
  // @ts-expect-error one too many
  unistd.close(0, 1);
  // @ts-expect-error a number where a buffer goes: koffi would take it as an address
  unistd.write(1, 0, 1);
  // @ts-expect-error a string where an int goes
  unistd.close('0');
  // @ts-expect-error NULL for a pointer that is not _opt_
  unistd.read(0, null, 1);
  // @ts-expect-error a bigint for an int
  unistd.close(0n);
  // @ts-expect-error a typed array other than bytes: its .length is no byte count
  unistd.read(0, new Int32Array(2), 8);
  // @ts-expect-error a buffer for a char *
  unistd.unlink(buf);
  // @ts-expect-error the result of uv_default_loop may be NULL
  hostUv.uv_backend_fd(hostUv.uv_default_loop());
  // _opt_ pointers take null; a pointer from koffi goes where a buffer does.
  eventfd.timerfd_settime(0, 0, buf, null);
  socket.accept4(0, null, null, 0);
  hostUv.uv_backend_fd(loop);
}

export function results(buf: Bytes): void {
  // @ts-expect-error read(2) returns a number, never a BigInt
  const n: bigint = unistd.read(0, buf, 1);
  // @ts-expect-error a pointer result is a BigInt or null, not a number
  const p: number = hostUv.uv_default_loop();
  // @ts-expect-error a string result may be NULL
  const s: string = probe.getenv('HOME');
  // @ts-expect-error void
  const v: number = probe.free(null);
  void [n, p, s, v];
}

export function declarations(): void {
  bindTable({
    // @ts-expect-error a C type koffi does not know
    f: 'int f(unit32_t x)',
  });
  bindTable({
    // @ts-expect-error a parameter without a name
    f: 'int f(int)',
  });
  bindTable({
    // @ts-expect-error the key is not the function's C name
    g: 'int f(int x)',
  });
  bindTable({
    // @ts-expect-error _opt_ on an int
    f: 'int f(_In_opt_ int x)',
  });
  bindTable({
    // @ts-expect-error not a prototype
    f: 'int f',
  });
}

describe('FFI table types', () => {
  it('derives each entry from its prototype', () => {
    expectTypeOf(unistd.read).toEqualTypeOf<(...args: [number, Bytes | Pointer, number]) => number>();
    expectTypeOf(hostUv.uv_default_loop).toEqualTypeOf<() => Pointer | null>();
    expectTypeOf(socket.accept4).parameters.toEqualTypeOf<[number, Bytes | Pointer | null, Bytes | Pointer | null, number]>();
    expectTypeOf(probe.llabs).returns.toEqualTypeOf<number | bigint>();
    expectTypeOf(probe.getenv).returns.toEqualTypeOf<string | null>();
    expectTypeOf(probe.free).returns.toEqualTypeOf<void>();
  });

  it('matches what koffi returns: numbers for ints (64-bit ones while they fit), BigInt or null for pointers', () => {
    expect(typeof probe.getpid()).toBe('number');
    expect(probe.labs(-(2 ** 40))).toBe(2 ** 40);
    expect(probe.llabs(-5)).toBe(5);
    expect(probe.llabs(-(2n ** 60n))).toBe(2n ** 60n);
    expect(probe.strlen('hello')).toBe(5);
    expect(unistd.write(-1, new Uint8Array(1), 1)).toBe(-1);
    const block = probe.malloc(16);
    expect(typeof block).toBe('bigint');
    probe.free(block);
    expect(probe.free(null)).toBeUndefined();
    expect(typeof hostUv.uv_default_loop()).toBe('bigint');
    expect(probe.getenv('MINI_SURELY_UNSET_VARIABLE')).toBeNull();
  });

  it('gives back koffi’s own function, with no wrapper between caller and call', () => {
    expect(Object.keys(unistd.read)).toContain('info');
    expect(Object.keys(socket.accept4)).toContain('info');
  });
});
