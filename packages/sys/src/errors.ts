/**
 * A failed syscall as Node reports it: an Error with `errno` (negative, see
 * ./errno.ts), `code` ('ECONNREFUSED'), `syscall`, and where relevant
 * `path`, `dest`, `address`, `port`. Node words it in four shapes:
 *
 *   uvException               "ENOENT: no such file or directory, open '/x'"
 *   errnoException            "read ECONNRESET"
 *   exceptionWithHostPort     "connect ECONNREFUSED 127.0.0.1:1"
 *   uvExceptionWithHostPort   "listen EADDRINUSE: address already in use 127.0.0.1:80"
 *
 * Names and descriptions come from the host's libuv error map, so they are
 * the strings Node prints. Every function here takes a negative errno and
 * throws on anything else: a positive one is a raw kernel errno someone
 * forgot to turn into a status, and guessing its sign hid such bugs.
 */
import { getSystemErrorMap } from 'node:util';
import type { SystemErrorContext } from './node-errors.js';

// On first use: the host builds it from its uv binding (~0.2 ms), which a
// thread that never fails a call never needs.
let errorMap: Map<number, [string, string]> | undefined;
const systemErrors = (): Map<number, [string, string]> => (errorMap ??= getSystemErrorMap());

/** Refuse anything but a negative integer (a libuv status). */
function assertStatus(errno: number, fn: string): void {
  if (!Number.isInteger(errno) || errno >= 0) {
    throw new RangeError(`${fn}: errno must be a negative libuv status (lastError(), UV_E* from @mini/sys), got ${String(errno)}`);
  }
}

/** -11 → 'EAGAIN'; an errno libuv does not know reads 'Unknown system error -N', as util.getSystemErrorName says. */
export function errnoName(errno: number): string {
  assertStatus(errno, 'errnoName');
  return nameOf(errno);
}

function nameOf(errno: number): string {
  return systemErrors().get(errno)?.[0] ?? `Unknown system error ${errno}`;
}

/** -11 → 'resource temporarily unavailable'. */
export function errnoDescription(errno: number): string {
  assertStatus(errno, 'errnoDescription');
  return systemErrors().get(errno)?.[1] ?? `Unknown system error ${errno}`;
}

/** libuv's name and text for an errno, 'UNKNOWN' for one it does not map (as Node's uvException). */
function uvErrmap(errno: number, fn: string): readonly [string, string] {
  assertStatus(errno, fn);
  return systemErrors().get(errno) ?? ['UNKNOWN', 'unknown error'];
}

export interface SystemError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
  address?: string | null | undefined;
  port?: number;
}

export interface UVExceptionContext {
  syscall: string;
  path?: string | undefined;
  dest?: string | undefined;
}

// Each stack starts at the caller, as Node's start where its binding reported the error.

/** Node's `uvException`: "CODE: description, syscall 'path' -> 'dest'". */
export function uvException(errno: number, ctx: UVExceptionContext): SystemError {
  const [code, description] = uvErrmap(errno, 'uvException');
  const err = new Error(uvMessage(code, description, ctx)) as SystemError;
  err.errno = errno;
  err.code = code;
  err.syscall = ctx.syscall;
  if (ctx.path) err.path = ctx.path;
  if (ctx.dest) err.dest = ctx.dest;
  Error.captureStackTrace(err, uvException);
  return err;
}

/**
 * The same error as Node's JS layer makes it (fs.watch's): the properties
 * come in the order `errno, syscall, code, path`, where the ones its
 * binding makes (every other fs call's) read `errno, code, syscall, path`.
 * A program that prints the keys or the whole error sees the difference.
 */
export function uvExceptionInJs(errno: number, ctx: UVExceptionContext): SystemError {
  const [code, description] = uvErrmap(errno, 'uvException');
  const err = new Error(uvMessage(code, description, ctx)) as SystemError;
  err.errno = errno;
  err.syscall = ctx.syscall;
  err.code = code;
  if (ctx.path) err.path = ctx.path;
  if (ctx.dest) err.dest = ctx.dest;
  Error.captureStackTrace(err, uvExceptionInJs);
  return err;
}

function uvMessage(code: string, description: string, ctx: UVExceptionContext): string {
  let message = `${code}: ${description}, ${ctx.syscall}`;
  if (ctx.path) message += ` '${ctx.path}'`;
  if (ctx.dest) message += ` -> '${ctx.dest}'`;
  return message;
}

/** Node's `ErrnoException`: "syscall CODE", or "syscall CODE original". */
export function errnoException(errno: number, syscall: string, original?: string): SystemError {
  assertStatus(errno, 'errnoException');
  const code = nameOf(errno);
  const err = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`) as SystemError;
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  Error.captureStackTrace(err, errnoException);
  return err;
}

/**
 * Node's `ExceptionWithHostPort`: "connect ECONNREFUSED 127.0.0.1:1", and
 * " - Local (addr:port)" when the local end was chosen. `address` is set
 * even when undefined, `port` only when truthy, as in Node.
 */
export function exceptionWithHostPort(
  errno: number,
  syscall: string,
  address: string | null | undefined,
  port?: unknown,
  additional?: string,
): SystemError {
  assertStatus(errno, 'exceptionWithHostPort');
  const code = nameOf(errno);
  let details = hostPort(address, port);
  if (additional) details += ` - Local (${additional})`;
  const err = new Error(`${syscall} ${code}${details}`) as SystemError;
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port as number;
  Error.captureStackTrace(err, exceptionWithHostPort);
  return err;
}

/** Node's `UVExceptionWithHostPort`: the description too, "listen EADDRINUSE: address already in use 127.0.0.1:80". */
export function uvExceptionWithHostPort(errno: number, syscall: string, address: string | null | undefined, port?: number): SystemError {
  const [code, description] = uvErrmap(errno, 'uvExceptionWithHostPort');
  const err = new Error(`${syscall} ${code}: ${description}${hostPort(address, port)}`) as SystemError;
  err.code = code;
  err.errno = errno;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  Error.captureStackTrace(err, uvExceptionWithHostPort);
  return err;
}

function hostPort(address: string | null | undefined, port: unknown): string {
  if (port && (port as number) > 0) return ` ${address}:${String(port)}`;
  return address ? ` ${address}` : '';
}

/** The failed call a SystemError (codedError('ERR_SOCKET_BUFFER_SIZE', …)) carries, as libuv's C++ layer fills it. */
export function uvErrorContext(errno: number, syscall: string): SystemErrorContext {
  const [code, message] = uvErrmap(errno, 'uvErrorContext');
  return { errno, code, message, syscall };
}
