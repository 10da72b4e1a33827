/**
 * Which builtin comes from where. The rule: pure-JS libraries may be the
 * host's; anything whose work needs an event loop is ours, or unavailable
 * until it is.
 */
import type { BuiltinRegistry } from './registry.js';
import { CALL_TIME_STUBS, callTimeStub } from './stub-module.js';

/** Host libraries that never touch the host's event loop for their work. */
const HOST = [
  'assert',
  'assert/strict',
  'buffer',
  'constants',
  'crypto',
  'diagnostics_channel',
  'events',
  'os',
  'path',
  'path/posix',
  'path/win32',
  'punycode',
  'querystring',
  'stream',
  '_stream_duplex',
  '_stream_passthrough',
  '_stream_readable',
  '_stream_transform',
  '_stream_writable',
  'stream/consumers',
  'stream/promises',
  'stream/web',
  'string_decoder',
  'sys',
  'url',
  'util',
  'util/types',
  'v8',
  'vm',
  'zlib',

  // Its sessions dispatch on this thread; the socket (--inspect) is served by the host's inspector thread.
  'inspector',
  'inspector/promises',
  'test',
];

/**
 * Builtins that are not ours yet: they need a loop, or (domain) hold on to
 * a callback's context through an uncaught exception, which our callbacks
 * do not yet do; _stream_wrap is node's JSStreamSocket.
 */
const UNAVAILABLE = ['_stream_wrap', 'domain', 'trace_events', 'wasi'];

export interface OwnBuiltins {
  [id: string]: () => unknown;
}

export function registerBuiltins(registry: BuiltinRegistry, own: OwnBuiltins): void {
  for (const id of HOST) {
    if (id in own) continue;
    registry.register(id, 'host', () => require(`node:${id}`));
  }
  for (const [id, factory] of Object.entries(own)) registry.register(id, 'ours', factory);
  // Required at load time by common libraries, unused unless asked for: each loads, and its functions throw when called.
  for (const id of CALL_TIME_STUBS) {
    if (id in own) continue;
    registry.register(id, 'stub', () => callTimeStub(id));
  }
  for (const id of UNAVAILABLE) {
    if (id in own) continue;
    registry.register(id, 'unavailable', () => undefined);
  }
}
