/**
 * The few Node errors the timers API throws, with Node's codes and exact
 * messages. A Node error is a plain TypeError (or Error) with an own
 * enumerable `code`, and `String(err)` / the first stack line read
 * "TypeError [CODE]: message".
 */
import { invalidArgType, nodeError } from '@mini/sys';

export { invalidArgType };

type NodeError<E extends Error> = E & { code: string };

export function invalidThis(type: string): NodeError<TypeError> {
  return nodeError<TypeError>(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

export function illegalConstructor(): NodeError<TypeError> {
  return nodeError<TypeError>(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
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
