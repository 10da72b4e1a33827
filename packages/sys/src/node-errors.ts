/**
 * Node's own errors (ERR_*), built one way: `codedError(code, ...args)`,
 * with the class and message looked up in ./node-error-table.ts. Programs
 * and test suites match on codes, classes and messages, so all three are
 * Node's.
 *
 * The shape, as Node's: a plain TypeError/RangeError/Error (its prototype
 * is the builtin's, `err.name` stays 'TypeError') with an own enumerable
 * `code`; its stack's first line and `String(err)` read
 * "TypeError [ERR_X]: message". A 'SystemError' row is Node's SystemError:
 * name 'SystemError', the failed call in `info`, `errno`/`syscall` read
 * through to it.
 */
import { format } from 'node:util';
import { ERROR_TABLE, type ErrorBase, type ErrorCode, type ErrorTable } from './node-error-table.js';

export type { ErrorCode } from './node-error-table.js';

export interface NodeError extends Error {
  code: string;
}

/** The failed call a SystemError reports, as libuv describes it (see uvErrorContext in ./errors.ts). */
export interface SystemErrorContext {
  errno: number;
  code: string;
  message: string;
  syscall: string;
  path?: string;
  dest?: string;
}

export interface SystemErrorShape extends Error {
  code: string;
  info: SystemErrorContext;
  errno: number;
  syscall: string;
}

type TemplateArgs<S extends string> = S extends `${string}%s${infer Rest}` ? [unknown, ...TemplateArgs<Rest>] : [];

/** What `codedError(code, …)` takes after the code: the formatter's parameters, or one value per `%s`. */
export type ErrorArgs<K extends ErrorCode> = ErrorTable[K]['base'] extends 'SystemError'
  ? [context: SystemErrorContext]
  : ErrorTable[K]['message'] extends (...args: infer A) => string
    ? A
    : ErrorTable[K]['message'] extends string
      ? TemplateArgs<ErrorTable[K]['message']>
      : never;

type InstanceOf<B> = B extends new (message?: string) => infer I ? I : SystemErrorShape;

/** The error `codedError(code)` returns: the row's class, with `code` typed. */
export type CodedError<K extends ErrorCode = ErrorCode> = InstanceOf<ErrorTable[K]['base']> & { code: K };

// Error.captureStackTrace drops the frames above this function (a class is fine too).
type StackCutoff = ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown);
type AnyRow = { base: ErrorBase; message: string | ((...args: unknown[]) => string) };

/** Node's error for `code`, its message formatted from `args` as Node formats it. */
export function codedError<K extends ErrorCode>(code: K, ...args: ErrorArgs<K>): CodedError<K> {
  return build(code, args, codedError) as CodedError<K>;
}

/**
 * The same error as Node's C++ layer throws it (THROW_ERR_* from its
 * bindings, e.g. fs.fstat's fd check in Node 20): class, code and message
 * as the table says, but a plain name, so `String(err)` and the stack's
 * first line read "TypeError: …" without the "[code]".
 */
export function codedErrorFromNative<K extends ErrorCode>(code: K, ...args: ErrorArgs<K>): CodedError<K> {
  const row = ERROR_TABLE[code] as unknown as AnyRow;
  if (row.base === 'SystemError') throw new TypeError(`${code} is a SystemError: build it with codedError(code, context)`);
  const err = new row.base(messageOf(row, args)) as CodedError<K>;
  Error.captureStackTrace(err, codedErrorFromNative);
  err.code = code;
  return err;
}

/** A row's message: its formatter's, or its template filled as util.format fills %s. */
function messageOf(row: AnyRow, args: readonly unknown[]): string {
  if (typeof row.message === 'function') return row.message(...args);
  return args.length === 0 ? row.message : format(row.message, ...args);
}

function build(code: ErrorCode, args: readonly unknown[], cutoff: StackCutoff): Error {
  const row = ERROR_TABLE[code] as unknown as AnyRow;
  if (row.base === 'SystemError') return systemError(code, row.message as string, args[0] as SystemErrorContext, cutoff);
  return withCode(row.base, code, messageOf(row, args), cutoff);
}

function withCode(Base: Exclude<ErrorBase, 'SystemError'>, code: string, message: string, cutoff: StackCutoff): NodeError {
  const err = new Base(message) as NodeError;
  // V8 formats the stack header from `name` when the trace is captured: the
  // code goes into the name for that moment only.
  Object.defineProperty(err, 'name', { value: `${err.name} [${code}]`, configurable: true, writable: true });
  Error.captureStackTrace(err, cutoff);
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

function systemError(code: string, prefix: string, info: SystemErrorContext, cutoff: StackCutoff): SystemErrorShape {
  let message = `${prefix}: ${info.syscall} returned ${info.code} (${info.message})`;
  if (info.path !== undefined) message += ` ${info.path}`;
  if (info.dest !== undefined) message += ` => ${info.dest}`;
  const err = new Error(message) as SystemErrorShape;
  err.name = `SystemError [${code}]`;
  Error.captureStackTrace(err, cutoff);
  void err.stack;
  Object.defineProperty(err, 'name', { value: 'SystemError', enumerable: false, writable: true, configurable: true });
  err.code = code;
  Object.defineProperties(err, {
    info: { value: info, enumerable: true, configurable: true, writable: false },
    errno: {
      get: () => info.errno,
      set: (v: number) => {
        info.errno = v;
      },
      enumerable: true,
      configurable: true,
    },
    syscall: {
      get: () => info.syscall,
      set: (v: string) => {
        info.syscall = v;
      },
      enumerable: true,
      configurable: true,
    },
  });
  // path and dest, when given, are accessors onto the context too, as Node defines them.
  for (const key of ['path', 'dest'] as const) {
    if (info[key] === undefined) continue;
    Object.defineProperty(err, key, {
      get: () => info[key],
      set: (v: string) => {
        info[key] = v;
      },
      enumerable: true,
      configurable: true,
    });
  }
  Object.defineProperty(err, 'toString', {
    value(this: Error) {
      return `${this.name} [${code}]: ${this.message}`;
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return err;
}

/**
 * For code written before the table whose messages are formatted by the
 * caller (packages/http/src/client.ts, server-connection.ts, through
 * http's `errorCode`): the class still comes from the table.
 * @deprecated use codedError(code, ...args).
 */
export function codedErrorWithMessage(code: ErrorCode, message: string): NodeError {
  const row = ERROR_TABLE[code] as unknown as AnyRow;
  if (row.base === 'SystemError') throw new TypeError(`${code} is a SystemError: build it with codedError(code, context)`);
  return withCode(row.base, code, message, codedErrorWithMessage);
}

/**
 * ERR_INVALID_ARG_TYPE, for callers not yet on codedError (http's client.ts).
 * @deprecated use codedError('ERR_INVALID_ARG_TYPE', name, expected, actual).
 */
export function invalidArgType(name: string, expected: string | readonly string[], actual: unknown): CodedError<'ERR_INVALID_ARG_TYPE'> {
  return build('ERR_INVALID_ARG_TYPE', [name, expected, actual], invalidArgType) as CodedError<'ERR_INVALID_ARG_TYPE'>;
}

/**
 * Node's AbortError: not an ERR_* code but a class of its own, name
 * 'AbortError', code 'ABORT_ERR', the signal's reason as `cause`.
 */
export class AbortError extends Error {
  code: string;
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    if (options !== undefined && typeof options !== 'object') {
      throw build('ERR_INVALID_ARG_TYPE', ['options', 'Object', options], AbortError);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

/**
 * Node's ConnResetException: a plain Error with code 'ECONNRESET' and no
 * errno, for a peer that went away mid-exchange ('socket hang up',
 * 'aborted').
 */
export function connResetException(message: string): NodeError {
  const err = new Error(message) as NodeError;
  err.code = 'ECONNRESET';
  return err;
}
