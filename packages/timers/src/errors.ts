/**
 * The few Node errors the timers API throws, with Node's codes and exact
 * messages. A Node error is a plain TypeError (or Error) with an own
 * enumerable `code`, and `String(err)` / the first stack line read
 * "TypeError [CODE]: message".
 */
import { inspect } from 'node:util';

type NodeError<E extends Error> = E & { code: string };

function withCode<E extends Error>(err: E, code: string): NodeError<E> {
  const coded = err as NodeError<E>;
  // The stack is rendered lazily by V8 from `name`; renaming it for that first
  // access is how the code lands in the stack's first line, as in Node.
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
  coded.code = code;
  return coded;
}

/** Node's wording for "what was received" in argument errors. */
function describeReceived(value: unknown): string {
  if (value == null) return `Received ${String(value)}`;
  if (typeof value === 'function' && value.name) return `Received function ${value.name}`;
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === 'string' && ctor.name !== '') return `Received an instance of ${ctor.name}`;
    return `Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) {
    // Node shortens a string before quoting it, anything else after.
    shown = typeof value === 'string' ? inspect(`${value.slice(0, 25)}...`) : `${shown.slice(0, 25)}...`;
  }
  return `Received type ${typeof value} (${shown})`;
}

const lowerCaseTypes = new Set(['string', 'function', 'number', 'object', 'boolean', 'bigint', 'symbol']);

/** ERR_INVALID_ARG_TYPE for one expected type ('function', 'number', 'AbortSignal', …). */
export function invalidArgType(name: string, expected: string, actual: unknown): NodeError<TypeError> {
  const subject = name.includes('.') ? `"${name}" property` : `"${name}" argument`;
  const lower = expected.toLowerCase();
  const must = lowerCaseTypes.has(lower) ? `must be of type ${lower}` : `must be an instance of ${expected}`;
  return withCode(new TypeError(`The ${subject} ${must}. ${describeReceived(actual)}`), 'ERR_INVALID_ARG_TYPE');
}

export function invalidThis(type: string): NodeError<TypeError> {
  return withCode(new TypeError(`Value of "this" must be of type ${type}`), 'ERR_INVALID_THIS');
}

export function illegalConstructor(): NodeError<TypeError> {
  return withCode(new TypeError('Illegal constructor'), 'ERR_ILLEGAL_CONSTRUCTOR');
}

/** Node's AbortError: name 'AbortError', code 'ABORT_ERR', the signal's reason as `cause`. */
export class AbortError extends Error {
  code: string;
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

export function validateFunction(value: unknown, name: string): asserts value is (...args: unknown[]) => unknown {
  if (typeof value !== 'function') throw invalidArgType(name, 'function', value);
}

export function validateNumber(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
}

export function validateBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
}

/** Node accepts `null` options nowhere, arrays and functions here (validateObject's defaults reject them too). */
export function validateObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgType(name, 'Object', value);
  }
}

export function validateAbortSignal(value: unknown, name: string): asserts value is AbortSignal | undefined {
  if (value !== undefined && (value === null || typeof value !== 'object' || !('aborted' in value))) {
    throw invalidArgType(name, 'AbortSignal', value);
  }
}
