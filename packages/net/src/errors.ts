/**
 * Node's errors for net, with its codes and exact messages. A Node error is
 * a plain Error subclass with an own enumerable `code`, whose stack's first
 * line reads "TypeError [CODE]: message".
 */
import { inspect } from 'node:util';
import { errnoDescription, errnoName, type SystemError } from '@mini/sys';

export type NodeError<E extends Error = Error> = E & { code: string };

function withCode<E extends Error>(err: E, code: string): NodeError<E> {
  // V8 renders the stack from `name` on first access: rename for that
  // access only, so the code shows in the first line as in Node.
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
  const coded = err as NodeError<E>;
  coded.code = code;
  return coded;
}

/** Node's wording for the value received, as in its argument errors. */
export function describeReceived(value: unknown): string {
  if (value == null) return `Received ${String(value)}`;
  if (typeof value === 'function') return `Received function ${value.name || '<anonymous>'}`;
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === 'string' && ctor.name !== '') return `Received an instance of ${ctor.name}`;
    return `Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = typeof value === 'string' ? inspect(`${value.slice(0, 25)}...`) : `${shown.slice(0, 25)}...`;
  return `Received type ${typeof value} (${shown})`;
}

const lowerCaseTypes = new Set(['string', 'function', 'number', 'object', 'boolean', 'bigint', 'symbol']);

function listTypes(expected: string[]): string {
  const types = expected.filter((e) => lowerCaseTypes.has(e.toLowerCase())).map((e) => e.toLowerCase());
  const instances = expected.filter((e) => !lowerCaseTypes.has(e.toLowerCase()));
  const parts: string[] = [];
  if (types.length > 0) parts.push(`of type ${joinOr(types)}`);
  if (instances.length > 0) parts.push(`an instance of ${joinOr(instances)}`);
  return parts.join(' or ');
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} or ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}

export function invalidArgType(name: string, expected: string | string[], actual: unknown): NodeError<TypeError> {
  const subject = name.endsWith(' argument') ? name : name.includes('.') ? `"${name}" property` : `"${name}" argument`;
  const list = Array.isArray(expected) ? expected : [expected];
  const text = `The ${subject} must be ${listTypes(list)}. ${describeReceived(actual)}`;
  return withCode(new TypeError(text), 'ERR_INVALID_ARG_TYPE');
}

export function invalidArgValue(name: string, value: unknown, reason = 'is invalid'): NodeError<TypeError> {
  const kind = name.includes('.') ? 'property' : 'argument';
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return withCode(new TypeError(`The ${kind} '${name}' ${reason}. Received ${shown}`), 'ERR_INVALID_ARG_VALUE');
}

export function outOfRange(name: string, range: string, received: unknown): NodeError<RangeError> {
  return withCode(
    new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${inspect(received)}`),
    'ERR_OUT_OF_RANGE',
  );
}

export function socketBadPort(name: string, port: unknown, allowZero = true): NodeError<RangeError> {
  const op = allowZero ? '>=' : '>';
  return withCode(
    new RangeError(`${name} should be ${op} 0 and < 65536. ${describeReceived(port)}.`),
    'ERR_SOCKET_BAD_PORT',
  );
}

export function missingArgs(...names: string[]): NodeError<TypeError> {
  const quoted = names.map((n) => `"${n}"`);
  const list = quoted.length <= 2 ? quoted.join(' and ') : quoted.join(' or ');
  return withCode(new TypeError(`The ${list} argument must be specified`), 'ERR_MISSING_ARGS');
}

export function plainError(code: string, message: string): NodeError {
  return withCode(new Error(message), code);
}

export const serverAlreadyListen = () =>
  plainError('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
export const serverNotRunning = () => plainError('ERR_SERVER_NOT_RUNNING', 'Server is not running.');
export const socketClosed = () => plainError('ERR_SOCKET_CLOSED', 'Socket is closed');
export const socketClosedBeforeConnection = () =>
  plainError('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established');
export const invalidIpAddress = (addr: string) => withCode(new TypeError(`Invalid IP address: ${addr}`), 'ERR_INVALID_IP_ADDRESS');

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
