/**
 * A builtin we cannot run yet, but that libraries require at load time
 * without using (undici, and so fetch, requires 'http2' for the day someone
 * asks for HTTP/2). Its shape is the host module's; every function throws
 * ERR_MINI_NOT_IMPLEMENTED naming itself when called, and plain values
 * (constants) are the host's.
 *
 * The shape is learnt from the host at build (apps/mini/build.mjs) and
 * written into the bundle: loading the host's http2 to read it loaded the
 * host's net, tls, http and crypto with it, ~5 ms of every program's first
 * fetch, for modules nothing of ours runs. Unbundled (tests), it is read
 * from the host module at the first require.
 */
import { codedError } from '@mini/sys';

/** Builtins that load as a stub (the registry's 'stub' kind). */
export const CALL_TIME_STUBS = ['http2'];

/** One export: a function (by key), a plain value, or a symbol (by description). */
export type StubExport = { fn: true } | { value: unknown } | { symbol: string };
export type StubShape = Record<string, StubExport>;

declare const __MINI_STUB_SHAPES__: Record<string, StubShape> | undefined;

/** What a stub of `host` needs of it: JSON, so that the build can write it into the bundle. */
export function shapeOf(host: Record<string, unknown>): StubShape {
  const shape: StubShape = {};
  for (const key of Object.keys(host)) {
    const value = host[key];
    if (typeof value === 'function') shape[key] = { fn: true };
    else if (typeof value === 'symbol') shape[key] = { symbol: value.description ?? '' };
    else shape[key] = { value };
  }
  return shape;
}

export function callTimeStub(id: string): Record<string, unknown> {
  const shape =
    typeof __MINI_STUB_SHAPES__ === 'object' && id in __MINI_STUB_SHAPES__
      ? __MINI_STUB_SHAPES__[id]!
      : shapeOf(require(`node:${id}`) as Record<string, unknown>);
  const stub: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(shape)) {
    if ('value' in entry) {
      stub[key] = entry.value;
      continue;
    }
    if ('symbol' in entry) {
      stub[key] = Symbol(entry.symbol);
      continue;
    }
    const name = `${id}.${key}`;
    // A class stays a constructor (so `class X extends https.Agent` still
    // loads); making one throws.
    const thrower = function (this: unknown) {
      throw codedError('ERR_MINI_NOT_IMPLEMENTED', /^[A-Z]/.test(key) ? `new ${name}()` : `${name}()`);
    };
    Object.defineProperty(thrower, 'name', { value: key });
    stub[key] = thrower;
  }
  return stub;
}
