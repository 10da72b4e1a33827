/**
 * Argument shapes shared by connect and listen, as Node reads them:
 * `(options[, cb])`, `(path[, cb])`, `(port[, host][, cb])`; a string that
 * is not a number is a pipe path.
 */
export interface ConnectOptions {
  port?: unknown;
  host?: unknown;
  path?: unknown;
  localAddress?: string;
  localPort?: number;
  backlog?: number;
  exclusive?: boolean;
  ipv6Only?: boolean;
  [key: string]: unknown;
}

export type Callback = (...args: unknown[]) => void;

/** Number(x) if that is a non-negative number, else false (Node's toNumber). */
export function toNumber(x: unknown): number | false {
  const n = Number(x);
  return n >= 0 ? n : false;
}

export function isPipeName(s: unknown): s is string {
  return typeof s === 'string' && toNumber(s) === false;
}

export function normalizeArgs(args: unknown[]): [ConnectOptions, Callback | null] {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options: ConnectOptions = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0 as ConnectOptions;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? (cb as Callback) : null];
}
