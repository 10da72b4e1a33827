/**
 * Node's errors for net, with its codes and exact messages. A Node error is
 * a plain Error subclass with an own enumerable `code`, whose stack's first
 * line reads "TypeError [CODE]: message".
 */
import {
  describeReceived,
  errnoDescription,
  errnoName,
  invalidArgType,
  invalidArgValue,
  nodeError,
  outOfRange,
  type SystemError,
} from '@mini/sys';

export { describeReceived, invalidArgType, invalidArgValue, outOfRange };

export type NodeError<E extends Error = Error> = E & { code: string };

export function socketBadPort(name: string, port: unknown, allowZero = true): NodeError<RangeError> {
  const op = allowZero ? '>=' : '>';
  return nodeError<RangeError>(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be ${op} 0 and < 65536. ${describeReceived(port)}.`);
}

export function missingArgs(...names: string[]): NodeError<TypeError> {
  const quoted = names.map((n) => `"${n}"`);
  const list = quoted.length <= 2 ? quoted.join(' and ') : quoted.join(' or ');
  return nodeError<TypeError>(TypeError, 'ERR_MISSING_ARGS', `The ${list} argument must be specified`);
}

export function plainError(code: string, message: string): NodeError {
  return nodeError(Error, code, message);
}

export const serverAlreadyListen = () =>
  plainError('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
export const serverNotRunning = () => plainError('ERR_SERVER_NOT_RUNNING', 'Server is not running.');
export const socketClosed = () => plainError('ERR_SOCKET_CLOSED', 'Socket is closed');
export const socketClosedBeforeConnection = () =>
  plainError('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established');
export const invalidIpAddress = (addr: string) => nodeError<TypeError>(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${addr}`);

/** A host name we cannot resolve yet: only IP literals and 'localhost' work without dns. */
export function dnsNotImplemented(host: string): NodeError {
  return plainError(
    'ERR_MINI_NOT_IMPLEMENTED',
    `dns.lookup is not implemented in mini yet: cannot resolve "${host}" (use an IP address or "localhost")`,
  );
}

/** Node's UVExceptionWithHostPort: "listen EADDRINUSE: address already in use 127.0.0.1:80". */
export function uvExceptionWithHostPort(errno: number, syscall: string, address: string | null, port?: number): SystemError {
  const code = errnoName(errno);
  let details = '';
  if (port !== undefined && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const err = new Error(`${syscall} ${code}: ${errnoDescription(errno)}${details}`) as SystemError;
  err.code = code;
  err.errno = -Math.abs(errno);
  err.syscall = syscall;
  if (address !== null) err.address = address;
  if (port !== undefined && port > 0) err.port = port;
  return err;
}
