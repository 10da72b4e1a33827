/**
 * Node's own errors (ERR_*), with Node's classes, codes and messages word
 * for word: programs and test suites match on them.
 *
 * A Node error is a plain TypeError/RangeError/Error with an own enumerable
 * `code`; its stack's first line and `String(err)` read
 * "TypeError [ERR_X]: message" while `err.name` stays 'TypeError'.
 */
import { inspect } from 'node:util';

export interface NodeError extends Error {
  code: string;
}

type ErrorClass = new (message: string) => Error;

export function nodeError<E extends Error = Error>(Base: ErrorClass, code: string, message: string): E & NodeError {
  const err = new Base(message) as E & NodeError;
  // V8 formats the stack header from `name` when the trace is captured: the
  // code goes into the name for that moment only.
  Object.defineProperty(err, 'name', { value: `${err.name} [${code}]`, configurable: true, writable: true });
  Error.captureStackTrace(err, nodeError);
  // Read it now: with a custom Error.prepareStackTrace it is formatted lazily.
  void err.stack;
  delete (err as { name?: string }).name;
  Object.defineProperty(err, 'toString', {
    value(this: Error) {
      return `${this.name} [${code}]: ${this.message}`;
    },
    configurable: true,
    writable: true,
  });
  err.code = code;
  return err;
}

/** Node's short description of a received value ("Received type number (42)"), as its determineSpecificType. */
export function describeReceived(value: unknown): string {
  return `Received ${specificType(value)}`;
}

function specificType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return `type number (${String(value)})`;
    case 'boolean':
      return `type boolean (${String(value)})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      // Anonymous ones too: "Received function ".
      return `function ${value.name}`;
    case 'object': {
      const ctor = (value as { constructor?: { name?: unknown } }).constructor;
      if (ctor && typeof ctor.name === 'string' && ctor.name !== '') return `an instance of ${ctor.name}`;
      return inspect(value, { depth: -1 });
    }
    case 'string': {
      // Shortened before quoting; quoted as util.inspect would.
      const shown = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return `type string (${inspect(shown)})`;
    }
    default:
      return `type ${typeof value} (${inspect(value)})`;
  }
}

const PRIMITIVES = new Set(['string', 'function', 'number', 'object', 'boolean', 'bigint', 'symbol', 'undefined']);

function formatList(items: string[], last = 'or'): string {
  if (items.length <= 2) return items.join(` ${last} `);
  return `${items.slice(0, -1).join(', ')}, ${last} ${items[items.length - 1]}`;
}

/**
 * ERR_INVALID_ARG_TYPE. `expected` is one name or a list: lower-case type
 * names ('string', 'function'), class names ('Buffer', 'URL'), or other
 * descriptions, grouped as Node words them:
 * 'The "path" argument must be of type string or an instance of Buffer or URL.'
 */
export function invalidArgType(name: string, expected: string | string[], actual: unknown): NodeError & TypeError {
  const list = Array.isArray(expected) ? expected : [expected];
  const types: string[] = [];
  const instances: string[] = [];
  const other: string[] = [];
  for (const e of list) {
    if (PRIMITIVES.has(e.toLowerCase())) types.push(e.toLowerCase());
    else if (/^[A-Z][A-Za-z0-9]*$/.test(e)) instances.push(e);
    else other.push(e);
  }
  // 'object' reads better last, as Node orders it.
  const objectAt = types.indexOf('object');
  if (objectAt !== -1 && types.length > 1) {
    types.splice(objectAt, 1);
    instances.push('Object');
  }
  const subject = name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  let msg = `The ${subject} must be `;
  const parts: string[] = [];
  if (types.length > 0) parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types)}`);
  if (instances.length > 0) parts.push(`an instance of ${formatList(instances)}`);
  if (other.length > 0) parts.push(other.length > 1 ? `one of ${formatList(other)}` : other[0]!.toLowerCase() === other[0] ? other[0]! : `an ${other[0]}`);
  msg += formatList(parts);
  return nodeError<TypeError>(TypeError, 'ERR_INVALID_ARG_TYPE', `${msg}. ${describeReceived(actual)}`);
}

/** ERR_INVALID_ARG_VALUE: 'The argument 'id' must be a non-empty string. Received '''. */
export function invalidArgValue(name: string, value: unknown, reason = 'is invalid'): NodeError & TypeError {
  const kind = name.includes('.') ? 'property' : 'argument';
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return nodeError<TypeError>(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

/** ERR_OUT_OF_RANGE: 'The value of "x" is out of range. It must be >= 0. Received -1'. */
export function outOfRange(name: string, range: string, received: unknown): NodeError & RangeError {
  let shown: string;
  if (typeof received === 'number' && Number.isInteger(received) && Math.abs(received) > 2 ** 32) {
    shown = addNumericalSeparator(String(received));
  } else if (typeof received === 'bigint') {
    shown = `${String(received)}n`;
  } else {
    shown = inspect(received);
  }
  return nodeError<RangeError>(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`);
}

function addNumericalSeparator(val: string): string {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}
