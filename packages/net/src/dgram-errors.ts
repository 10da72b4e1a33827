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
import { inspect } from 'node:util';
import { errnoDescription, errnoName } from '@mini/sys';

export type CodedError<E extends Error = Error> = E & { code: string };

function withCode<E extends Error>(err: E, code: string): CodedError<E> {
  // V8 renders the stack from `name` on first access: rename for that
  // moment so the code shows in the first line, as Node's errors do.
  err.name = `${err.name} [${code}]`;
  void err.stack;
  delete (err as { name?: string }).name;
  Object.defineProperty(err, 'toString', {
    value(this: Error) {
      return `${this.name} [${code}]: ${this.message}`;
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
  const coded = err as CodedError<E>;
  coded.code = code;
  return coded;
}

/** Node's determineSpecificType: how "Received …" describes a value. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return `type number (${String(value)})`;
    case 'boolean':
      return `type boolean (${value})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object': {
      const ctor = (value as { constructor?: { name?: unknown } }).constructor;
      if (ctor && 'name' in ctor) return `an instance of ${String(ctor.name)}`;
      return inspect(value, { depth: -1 });
    }
    case 'string': {
      const s = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return s.includes("'") ? `type string (${JSON.stringify(s)})` : `type string ('${s}')`;
    }
    default: {
      let s = inspect(value, { colors: false });
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return `type ${typeof value} (${s})`;
    }
  }
}

function subject(name: string): string {
  return name.includes('.') ? `"${name}" property` : `"${name}" argument`;
}

/** ERR_INVALID_ARG_TYPE with the wording already decided ("of type string", "an instance of …"). */
export function invalidArgType(name: string, expected: string, actual: unknown): CodedError<TypeError> {
  return withCode(
    new TypeError(`The ${subject(name)} must be ${expected}. Received ${describeValue(actual)}`),
    'ERR_INVALID_ARG_TYPE',
  );
}

export const BUFFER_TYPES = 'of type string or an instance of Buffer, TypedArray, or DataView';

export function outOfRange(name: string, range: string, actual: unknown): CodedError<RangeError> {
  const shown = typeof actual === 'number' ? String(actual) : inspect(actual);
  return withCode(
    new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${shown}`),
    'ERR_OUT_OF_RANGE',
  );
}

export function badPort(name: string, port: unknown, allowZero: boolean): CodedError<RangeError> {
  const op = allowZero ? '>=' : '>';
  return withCode(
    new RangeError(`${name} should be ${op} 0 and < 65536. Received ${describeValue(port)}.`),
    'ERR_SOCKET_BAD_PORT',
  );
}

export function missingArgs(name: string): CodedError<TypeError> {
  return withCode(new TypeError(`The "${name}" argument must be specified`), 'ERR_MISSING_ARGS');
}

export function bufferOutOfBounds(name: string): CodedError<RangeError> {
  return withCode(new RangeError(`"${name}" is outside of buffer bounds`), 'ERR_BUFFER_OUT_OF_BOUNDS');
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
  return withCode(new Ctor(message), code);
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
  const e = withCode(
    new Error(
      `dns.lookup is not implemented in mini yet: cannot resolve '${hostname}' (use an IP address or 'localhost')`,
    ),
    'ERR_MINI_NOT_IMPLEMENTED',
  ) as CodedError & { syscall: string; hostname: string };
  e.syscall = 'getaddrinfo';
  e.hostname = hostname;
  return e;
}
