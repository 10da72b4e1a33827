/**
 * The errors node:dgram throws and emits, with Node's classes, codes and
 * exact messages:
 *
 *   coded errors     TypeError/RangeError/Error with an own `code`, whose
 *                    stack and toString read "RangeError [CODE]: message"
 *   ErrnoException   "setTTL EBADF"              errno, code, syscall
 *   ExceptionWithHostPort "bind EADDRINUSE 0.0.0.0:41234"  + address, port
 *   SystemError      ERR_SOCKET_BUFFER_SIZE, with `info`
 */
import { describeReceived, errnoDescription, errnoName, invalidArgType, nodeError, outOfRange } from '@mini/sys';

export { invalidArgType, outOfRange };

export type CodedError<E extends Error = Error> = E & { code: string };

/** The "buffer" of a send: Node's list of accepted types. */
export const BUFFER_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView'];

export function badPort(name: string, port: unknown, allowZero: boolean): CodedError<RangeError> {
  const op = allowZero ? '>=' : '>';
  return nodeError<RangeError>(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be ${op} 0 and < 65536. ${describeReceived(port)}.`);
}

export function missingArgs(name: string): CodedError<TypeError> {
  return nodeError<TypeError>(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
}

export function bufferOutOfBounds(name: string): CodedError<RangeError> {
  return nodeError<RangeError>(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', `"${name}" is outside of buffer bounds`);
}

const messages = {
  ERR_SOCKET_ALREADY_BOUND: ['Socket is already bound', Error],
  ERR_SOCKET_BAD_BUFFER_SIZE: ['Buffer size must be a positive integer', TypeError],
  ERR_SOCKET_BAD_TYPE: ['Bad socket type specified. Valid types are: udp4, udp6', TypeError],
  ERR_SOCKET_DGRAM_IS_CONNECTED: ['Already connected', Error],
  ERR_SOCKET_DGRAM_NOT_CONNECTED: ['Not connected', Error],
  ERR_SOCKET_DGRAM_NOT_RUNNING: ['Not running', Error],
} as const;

export function dgramError(code: keyof typeof messages): CodedError {
  const [message, Ctor] = messages[code];
  return nodeError(Ctor, code, message);
}

export interface ErrnoError extends Error {
  errno: number;
  code: string;
  syscall: string;
  address?: string | undefined;
  port?: number;
}

/** Node's ErrnoException: "syscall CODE". `err` is -errno. */
export function errnoException(err: number, syscall: string): ErrnoError {
  const code = errnoName(err);
  const e = new Error(`${syscall} ${code}`) as ErrnoError;
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

/** Node's ExceptionWithHostPort: "send EMSGSIZE 127.0.0.1:41234"; `address` is kept even when undefined. */
export function exceptionWithHostPort(err: number, syscall: string, address: string | undefined, port: unknown): ErrnoError {
  const code = errnoName(err);
  let details = '';
  if (port && (port as number) > 0) details = ` ${address}:${String(port)}`;
  else if (address) details = ` ${address}`;
  const e = new Error(`${syscall} ${code}${details}`) as ErrnoError;
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  e.address = address;
  if (port) e.port = port as number;
  return e;
}

/** ERR_SOCKET_BUFFER_SIZE: a SystemError carrying the failed call in `info`. */
export function bufferSizeError(err: number, syscall: string): CodedError {
  const info = { errno: err, code: errnoName(err), message: errnoDescription(err), syscall };
  const e = new Error(
    `Could not get or set buffer size: ${syscall} returned ${info.code} (${info.message})`,
  ) as CodedError;
  e.name = 'SystemError [ERR_SOCKET_BUFFER_SIZE]';
  void e.stack;
  Object.defineProperty(e, 'name', { value: 'SystemError', enumerable: false, writable: true, configurable: true });
  e.code = 'ERR_SOCKET_BUFFER_SIZE';
  Object.defineProperties(e, {
    info: { value: info, enumerable: true, configurable: true, writable: false },
    errno: { get: () => info.errno, enumerable: true, configurable: true },
    syscall: { get: () => info.syscall, enumerable: true, configurable: true },
  });
  Object.defineProperty(e, 'toString', {
    value(this: Error) {
      return `SystemError [ERR_SOCKET_BUFFER_SIZE]: ${this.message}`;
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return e;
}

/** Host names need dns.lookup; until it exists only literals and localhost resolve. */
export function lookupUnavailable(hostname: string): CodedError {
  const e = nodeError(
    Error,
    'ERR_MINI_NOT_IMPLEMENTED',
    `dns.lookup is not implemented in mini yet: cannot resolve '${hostname}' (use an IP address or 'localhost')`,
  ) as CodedError & { syscall: string; hostname: string };
  e.syscall = 'getaddrinfo';
  e.hostname = hostname;
  return e;
}
