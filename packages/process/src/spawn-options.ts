/**
 * What spawn, exec and their sync forms share: Node's reading of
 * `(file, args, options)` (its checks in its order, the shell rewrite,
 * argv0, the environment as KEY=value pairs) and of the `stdio` option.
 */
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import {
  codedError,
  copyProperties,
  invalidArgType,
  validateAbortSignal,
  validateBoolean,
  validateObject,
  validateString,
} from '@mini/sys';
import { isOwnEnvironment } from './environment.js';

export interface SpawnOptions {
  cwd?: string | URL | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  argv0?: string | undefined;
  stdio?: unknown;
  detached?: boolean | undefined;
  uid?: number | undefined;
  gid?: number | undefined;
  shell?: boolean | string | undefined;
  windowsHide?: boolean | undefined;
  windowsVerbatimArguments?: boolean | undefined;
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  killSignal?: string | number | undefined;
  serialization?: string | undefined;
  [key: string]: unknown;
}

export interface NormalizedSpawn {
  /** The program the child execs (the shell when `shell` is set). */
  file: string;
  /** argv, argv[0] included. */
  args: string[];
  /** 'KEY=value': the child's environment, or with `inheritEnv` nothing (it is ours, environ). */
  envPairs: string[];
  inheritEnv: boolean;
  cwd: string | undefined;
  detached: boolean;
  options: SpawnOptions;
}

/** Node refuses strings with NUL bytes anywhere they would reach exec. */
function checkNullBytes(value: string, name: string): void {
  if (value.includes('\u0000')) {
    throw codedError('ERR_INVALID_ARG_VALUE', name, value, 'must be a string without null bytes');
  }
}

function validatedCwd(cwd: unknown): string | undefined {
  if (cwd == null) return undefined;
  if (cwd instanceof URL) {
    if (cwd.protocol !== 'file:') throw codedError('ERR_INVALID_URL_SCHEME', 'file');
    return fileURLToPath(cwd);
  }
  if (typeof cwd !== 'string' && !Buffer.isBuffer(cwd)) throw invalidArgType('options.cwd', ['string', 'Buffer', 'URL'], cwd);
  const s = cwd.toString();
  checkNullBytes(s, 'options.cwd');
  return s;
}

/** `(file, args?, options?)` as Node's normalizeSpawnArguments reads it. */
export function normalizeSpawnArguments(file: unknown, args?: unknown, options?: unknown): NormalizedSpawn {
  validateString(file, 'file');
  if (file.length === 0) throw codedError('ERR_INVALID_ARG_VALUE', 'file', file, 'cannot be empty');
  checkNullBytes(file, 'file');
  let argList: string[];
  if (Array.isArray(args)) {
    argList = args.slice() as string[];
  } else if (args == null) {
    argList = [];
  } else if (typeof args !== 'object') {
    throw invalidArgType('args', 'object', args);
  } else {
    options = args;
    argList = [];
  }
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  // Not a spread: see copyProperties.
  const opts = copyProperties(options as SpawnOptions);

  const cwd = validatedCwd(opts.cwd);
  if (opts.detached != null) validateBoolean(opts.detached, 'options.detached');
  // Node's own check here, not validateInt32: its message says 'int32'.
  if (opts.uid != null && opts.uid !== (opts.uid | 0)) throw invalidArgType('options.uid', 'int32', opts.uid);
  if (opts.gid != null && opts.gid !== (opts.gid | 0)) throw invalidArgType('options.gid', 'int32', opts.gid);
  if (opts.shell != null && typeof opts.shell !== 'boolean' && typeof opts.shell !== 'string') {
    throw invalidArgType('options.shell', ['boolean', 'string'], opts.shell);
  }
  if (opts.argv0 != null) {
    validateString(opts.argv0, 'options.argv0');
    checkNullBytes(opts.argv0, 'options.argv0');
  }
  if (opts.windowsHide != null) validateBoolean(opts.windowsHide, 'options.windowsHide');
  if (opts.windowsVerbatimArguments != null) validateBoolean(opts.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  // Only strings are checked: anything else is turned into one, as Node's binding does.
  for (let i = 0; i < argList.length; i++) {
    const a: unknown = argList[i];
    if (typeof a === 'string') checkNullBytes(a, `args[${i}]`);
    else argList[i] = String(a);
  }

  let program = file;
  if (opts.shell) {
    const command = argList.length > 0 ? `${file} ${argList.join(' ')}` : file;
    program = typeof opts.shell === 'string' ? opts.shell : '/bin/sh';
    argList = ['-c', command];
  }
  argList.unshift(typeof opts.argv0 === 'string' ? opts.argv0 : program);

  const env = opts.env || process.env;
  const envPairs: string[] = [];
  if (isOwnEnvironment(env)) {
    return { file: program, args: argList, envPairs, inheritEnv: true, cwd, detached: Boolean(opts.detached), options: opts };
  }
  // Inherited keys count too, as in Node.
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    checkNullBytes(key, `options.env['${key}']`);
    checkNullBytes(String(value), `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }
  return { file: program, args: argList, envPairs, inheritEnv: false, cwd, detached: Boolean(opts.detached), options: opts };
}

/** One stdio slot as the spawner sees it. */
export type StdioSpec = { type: 'pipe' } | { type: 'ignore' } | { type: 'ipc' } | { type: 'fd'; fd: number; stream?: object };

/** The `stdio` option, Node's forms: a string for all three, or an array of strings, fds, streams, null. */
export function normalizeStdio(stdio: unknown, sync: boolean): StdioSpec[] {
  let list: unknown[];
  if (typeof stdio === 'string') {
    if (stdio !== 'pipe' && stdio !== 'ignore' && stdio !== 'inherit' && stdio !== 'overlapped') {
      throw codedError('ERR_INVALID_ARG_VALUE', 'stdio', stdio);
    }
    list = [stdio, stdio, stdio];
  } else if (stdio == null) {
    list = [];
  } else if (Array.isArray(stdio)) {
    list = stdio.slice();
  } else {
    throw codedError('ERR_INVALID_ARG_VALUE', 'stdio', stdio);
  }
  while (list.length < 3) list.push(undefined);
  let ipc = false;
  return list.map((s, i): StdioSpec => {
    if (s == null) return i < 3 ? { type: 'pipe' } : { type: 'ignore' };
    if (s === 'ignore') return { type: 'ignore' };
    if (s === 'pipe' || s === 'overlapped') return { type: 'pipe' };
    if (s === 'inherit') return { type: 'fd', fd: i };
    if (typeof s === 'number') return { type: 'fd', fd: s };
    if (s === 'ipc') {
      if (sync) throw codedError('ERR_IPC_SYNC_FORK');
      if (ipc) throw codedError('ERR_IPC_ONE_PIPE');
      ipc = true;
      return { type: 'ipc' };
    }
    const fd = streamFd(s);
    if (fd !== undefined) return { type: 'fd', fd, stream: s as object };
    if (ArrayBuffer.isView(s) || typeof s === 'string') {
      // Input for a sync child's slot; an async child cannot take it.
      if (sync) return { type: 'pipe' };
      throw codedError('ERR_INVALID_SYNC_FORK_INPUT', inspect(s));
    }
    throw codedError('ERR_INVALID_ARG_VALUE', 'stdio', s);
  });
}

/** The fd behind a stream given as a stdio slot (process.stdout, a socket, an fs stream). */
function streamFd(s: unknown): number | undefined {
  if (typeof s !== 'object' || s === null) return undefined;
  const o = s as { fd?: unknown; _handle?: { fd?: unknown } | null };
  if (typeof o.fd === 'number' && o.fd >= 0) return o.fd;
  const h = o._handle;
  if (h && typeof h.fd === 'number' && h.fd >= 0) return h.fd;
  return undefined;
}

/** Timeout and killSignal as spawn/exec validate them. */
export function validateTimeout(timeout: unknown): void {
  if (timeout != null && !(Number.isInteger(timeout) && (timeout as number) >= 0)) {
    throw codedError('ERR_OUT_OF_RANGE', 'timeout', 'an unsigned integer', timeout);
  }
}

export function validateSignal(signal: unknown): void {
  validateAbortSignal(signal, 'options.signal');
}

export function validateMaxBuffer(maxBuffer: unknown): void {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw codedError('ERR_OUT_OF_RANGE', 'options.maxBuffer', 'a positive number', maxBuffer);
  }
}
