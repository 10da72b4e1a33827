/**
 * tls.connect's argument shapes: net's `(port[, host][, options][, cb])`,
 * `(path[, options][, cb])` and `(options[, cb])`, with the TLS options of
 * the positional forms merged in (an `options.host` beats the host argument).
 */
import { normalizeArgs } from '@mini/net';
import type { ConnectOptions } from './tls-socket.js';

export function normalizeConnectArgs(args: unknown[]): [ConnectOptions, ((...a: unknown[]) => void) | null] {
  const [options, cb] = normalizeArgs(args);
  if (args[1] !== null && typeof args[1] === 'object') Object.assign(options, args[1]);
  else if (args[2] !== null && typeof args[2] === 'object') Object.assign(options, args[2]);
  return [options as ConnectOptions, cb];
}
