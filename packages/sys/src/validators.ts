/**
 * Node's argument validators (lib/internal/validators.js), with Node 20's
 * semantics and errors: the order of the checks decides which error a bad
 * value gets, so it is Node's order, not the tidiest one.
 *
 * Each asserts its type for TypeScript; `validatePort` also returns the
 * port as a number.
 */
import { codedError } from './node-errors.js';

/** What validateFunction proves: callable, with whatever the caller passes (JS callers pass anything). */
export type AnyFunction = (...args: unknown[]) => unknown;

/**
 * A port: a number, or a non-blank string, whose numeric value is an
 * integer in [0, 65536). Only the number 0 is "zero" for `allowZero`: the
 * string '0' passes even when zero is not allowed, as in Node (it compares
 * `port === 0`).
 */
export function validatePort(port: unknown, name = 'Port', allowZero = true): number {
  if (
    (typeof port !== 'number' && typeof port !== 'string') ||
    (typeof port === 'string' && port.trim().length === 0) ||
    +port !== +port >>> 0 ||
    +port > 0xffff ||
    (port === 0 && !allowZero)
  ) {
    throw codedError('ERR_SOCKET_BAD_PORT', name, port, allowZero);
  }
  return +port | 0;
}

export function validateFunction(value: unknown, name: string): asserts value is AnyFunction {
  if (typeof value !== 'function') throw codedError('ERR_INVALID_ARG_TYPE', name, 'Function', value);
}

export function validateString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw codedError('ERR_INVALID_ARG_TYPE', name, 'string', value);
}

export function validateBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw codedError('ERR_INVALID_ARG_TYPE', name, 'boolean', value);
}

/** A number; with bounds, also within them (NaN then fails too). */
export function validateNumber(value: unknown, name: string, min?: number, max?: number): asserts value is number {
  if (typeof value !== 'number') throw codedError('ERR_INVALID_ARG_TYPE', name, 'number', value);
  const bounded = min != null || max != null;
  if ((min != null && value < min) || (max != null && value > max) || (bounded && Number.isNaN(value))) {
    const range = [min != null ? `>= ${min}` : '', max != null ? `<= ${max}` : ''].filter(Boolean).join(' && ');
    throw codedError('ERR_OUT_OF_RANGE', name, range, value);
  }
}

/** An integer in [min, max], by default the safe integers. */
export function validateInteger(
  value: unknown,
  name: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== 'number') throw codedError('ERR_INVALID_ARG_TYPE', name, 'number', value);
  if (!Number.isInteger(value)) throw codedError('ERR_OUT_OF_RANGE', name, 'an integer', value);
  if (value < min || value > max) throw codedError('ERR_OUT_OF_RANGE', name, `>= ${min} && <= ${max}`, value);
}

export function validateInt32(value: unknown, name: string, min = -2147483648, max = 2147483647): asserts value is number {
  validateInteger(value, name, min, max);
}

/** An integer in [0, 2^32), or [1, 2^32) when `positive`. */
export function validateUint32(value: unknown, name: string, positive = false): asserts value is number {
  validateInteger(value, name, positive ? 1 : 0, 4294967295);
}

/** One of `oneOf` (compared with ===); the message lists them, strings quoted. */
export function validateOneOf<T>(value: unknown, name: string, oneOf: readonly T[]): asserts value is T {
  if (!oneOf.includes(value as T)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw codedError('ERR_INVALID_ARG_VALUE', name, value, `must be one of: ${allowed}`);
  }
}

export interface ValidateObjectOptions {
  /** null passes. */
  allowNullable?: boolean;
  /** Arrays pass. */
  allowArray?: boolean;
  /** Functions pass. */
  allowFunction?: boolean;
}

/** An object: by default not null, not an array, not a function. */
export function validateObject(
  value: unknown,
  name: string,
  options: ValidateObjectOptions = {},
): asserts value is Record<PropertyKey, unknown> {
  if (
    (!options.allowNullable && value === null) ||
    (!options.allowArray && Array.isArray(value)) ||
    (typeof value !== 'object' && (!options.allowFunction || typeof value !== 'function'))
  ) {
    throw codedError('ERR_INVALID_ARG_TYPE', name, 'Object', value);
  }
}

export function validateArray(value: unknown, name: string, minLength = 0): asserts value is unknown[] {
  if (!Array.isArray(value)) throw codedError('ERR_INVALID_ARG_TYPE', name, 'Array', value);
  if (value.length < minLength) throw codedError('ERR_INVALID_ARG_VALUE', name, value, `must be longer than ${minLength}`);
}

/** undefined, or something shaped like an AbortSignal (Node checks only for an `aborted` property). */
export function validateAbortSignal(value: unknown, name: string): asserts value is AbortSignal | undefined {
  if (value !== undefined && (value === null || typeof value !== 'object' || !('aborted' in value))) {
    throw codedError('ERR_INVALID_ARG_TYPE', name, 'AbortSignal', value);
  }
}

export function validateBuffer(value: unknown, name = 'buffer'): asserts value is ArrayBufferView {
  if (!ArrayBuffer.isView(value)) throw codedError('ERR_INVALID_ARG_TYPE', name, ['Buffer', 'TypedArray', 'DataView'], value);
}
