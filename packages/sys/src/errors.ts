/**
 * errno → Node-style errors.
 *
 * Node reports a failed syscall as an Error with `errno` (negative, libuv
 * style), `code` ('ECONNREFUSED'), `syscall`, and where relevant `path`,
 * `dest`, `address`, `port`. The messages follow Node's two shapes:
 *   uvException:            "ENOENT: no such file or directory, open '/x'"
 *   exceptionWithHostPort:  "connect ECONNREFUSED 127.0.0.1:1"
 * Names and descriptions come from the host's libuv error map, so they are
 * the exact strings Node prints.
 */
import { getSystemErrorMap } from 'node:util';

const errorMap = getSystemErrorMap();

/** Positive errno (as from koffi.errno()) → 'EAGAIN'. */
export function errnoName(errno: number): string {
  return errorMap.get(-Math.abs(errno))?.[0] ?? `Unknown system error ${-Math.abs(errno)}`;
}

export function errnoDescription(errno: number): string {
  return errorMap.get(-Math.abs(errno))?.[1] ?? `Unknown system error ${-Math.abs(errno)}`;
}

export interface SystemError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
  address?: string;
  port?: number;
}

export interface UVExceptionContext {
  syscall: string;
  path?: string | undefined;
  dest?: string | undefined;
}

/** Node's `uvException`: "CODE: description, syscall 'path' -> 'dest'". */
export function uvException(errno: number, ctx: UVExceptionContext): SystemError {
  const code = errnoName(errno);
  let message = `${code}: ${errnoDescription(errno)}, ${ctx.syscall}`;
  if (ctx.path !== undefined) message += ` '${ctx.path}'`;
  if (ctx.dest !== undefined) message += ` -> '${ctx.dest}'`;
  const err = new Error(message) as SystemError;
  err.errno = -Math.abs(errno);
  err.code = code;
  err.syscall = ctx.syscall;
  if (ctx.path !== undefined) err.path = ctx.path;
  if (ctx.dest !== undefined) err.dest = ctx.dest;
  return err;
}

/** Node's `exceptionWithHostPort`: "connect ECONNREFUSED 127.0.0.1:1". */
export function exceptionWithHostPort(
  errno: number,
  syscall: string,
  address: string,
  port?: number,
  additional?: string,
): SystemError {
  const code = errnoName(errno);
  const details = port !== undefined && port > 0 ? `${address}:${port}` : address;
  const message = `${syscall} ${code} ${details}${additional ? ` - Local (${additional})` : ''}`;
  const err = new Error(message) as SystemError;
  err.errno = -Math.abs(errno);
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port !== undefined && port > 0) err.port = port;
  return err;
}

/** Node's `errnoException`: "syscall CODE" (no path). */
export function errnoException(errno: number, syscall: string): SystemError {
  const code = errnoName(errno);
  const err = new Error(`${syscall} ${code}`) as SystemError;
  err.errno = -Math.abs(errno);
  err.code = code;
  err.syscall = syscall;
  return err;
}
