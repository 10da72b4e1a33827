/**
 * fs.cp and fsPromises.cp: Node 20's copy of a file, link or tree, made
 * of our fs/promises calls in the order Node makes them:
 *
 *   check the pair (filter; lstat of both, or stat with dereference;
 *   the same file, folder onto file, file onto folder, into itself)
 *   ─> no ancestor of dest is src (a stat per parent)
 *   ─> dest's parent exists (stat; else mkdir -p)
 *   ─> by kind: a file is copyFile then chmod (and utimes when preserving
 *      timestamps); a folder is mkdir, every entry of an opendir copied the
 *      same way, then chmod; a link is readlink and symlink.
 *
 * Failures are Node's ERR_FS_CP_* system errors, with `cp` as the syscall.
 */
import { dirname, isAbsolute, join, parse, resolve, sep } from 'node:path';
import type { BigIntStats, Stats } from 'node:fs';
import {
  UV_EEXIST,
  UV_EINVAL,
  UV_EISDIR,
  UV_ENOTDIR,
  codedError,
  errnoName,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
  promiseThen,
} from '@mini/sys';
import { pathText, validatedPath } from './args.js';
import { opendirPromise } from './dir.js';
import * as fsp from './promises.js';

export interface CpOptions {
  dereference: boolean;
  errorOnExist: boolean;
  filter: ((src: string, dest: string) => boolean | Promise<boolean>) | undefined;
  force: boolean;
  preserveTimestamps: boolean;
  recursive: boolean;
  verbatimSymlinks: boolean;
  mode: number;
}

const DEFAULTS = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

/** Node's validateCpOptions. */
export function cpOptions(options: unknown): CpOptions {
  if (options === undefined) return { ...DEFAULTS, mode: 0 };
  validateObject(options, 'options');
  const o = { ...DEFAULTS, ...options } as Record<string, unknown>;
  for (const key of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(o[key], `options.${key}`);
  }
  if (o.mode === undefined || o.mode === null) o.mode = 0;
  else validateInteger(o.mode, 'mode', 0, 7);
  if (o.dereference === true && o.verbatimSymlinks === true)
    throw codedError('ERR_INCOMPATIBLE_OPTION_PAIR', 'dereference', 'verbatimSymlinks');
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  return o as unknown as CpOptions;
}

type CpErrorCode =
  | 'ERR_FS_EISDIR'
  | 'ERR_FS_CP_DIR_TO_NON_DIR'
  | 'ERR_FS_CP_EEXIST'
  | 'ERR_FS_CP_EINVAL'
  | 'ERR_FS_CP_FIFO_PIPE'
  | 'ERR_FS_CP_NON_DIR_TO_DIR'
  | 'ERR_FS_CP_SOCKET'
  | 'ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY'
  | 'ERR_FS_CP_UNKNOWN';

/** One of Node's cp failures: a SystemError whose errno is the positive errno, as os.constants has it. */
function cpError(code: CpErrorCode, errno: number, message: string, path: string): Error {
  return codedError(code, { message, path, syscall: 'cp', errno: -errno, code: errnoName(errno) });
}

function areIdentical(a: BigIntStats, b: BigIntStats): boolean {
  return b.ino !== 0n && b.dev !== 0n && b.ino === a.ino && b.dev === a.dev;
}

const parts = (p: string) => resolve(p).split(sep).filter(Boolean);

/** Whether dest is src or lies under it. */
function isSrcSubdir(src: string, dest: string): boolean {
  const d = parts(dest);
  return parts(src).every((cur, i) => d[i] === cur);
}

interface Checked {
  srcStat?: BigIntStats;
  destStat?: BigIntStats | null;
  skipped: boolean;
}

async function statsOf(src: string, dest: string, opts: CpOptions): Promise<[BigIntStats, BigIntStats | null]> {
  const statFn = (file: string) =>
    (opts.dereference ? fsp.stat(file, { bigint: true }) : fsp.lstat(file, { bigint: true })) as unknown as Promise<BigIntStats>;
  return Promise.all([
    statFn(src),
    promiseThen(statFn(dest), undefined, (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    }),
  ]);
}

async function checkPaths(src: string, dest: string, opts: CpOptions): Promise<Checked> {
  if (opts.filter !== undefined && !(await opts.filter(src, dest))) return { skipped: true };
  const [srcStat, destStat] = await statsOf(src, dest, opts);
  if (destStat !== null) {
    if (areIdentical(srcStat, destStat)) throw cpError('ERR_FS_CP_EINVAL', UV_EINVAL, 'src and dest cannot be the same', dest);
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', UV_EISDIR, `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', UV_ENOTDIR, `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', UV_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  }
  return { srcStat, destStat, skipped: false };
}

async function checkParentPaths(src: string, srcStat: BigIntStats, dest: string): Promise<void> {
  const srcParent = resolve(dirname(src));
  const destParent = resolve(dirname(dest));
  if (destParent === srcParent || destParent === parse(destParent).root) return;
  let destStat: BigIntStats;
  try {
    destStat = (await fsp.stat(destParent, { bigint: true })) as unknown as BigIntStats;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (areIdentical(srcStat, destStat))
    throw cpError('ERR_FS_CP_EINVAL', UV_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  return checkParentPaths(src, srcStat, destParent);
}

async function pathExists(p: string): Promise<boolean> {
  return promiseThen(
    fsp.stat(p),
    () => true,
    (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? false : Promise.reject(err)),
  );
}

async function copyByKind(destStat: BigIntStats | null | undefined, src: string, dest: string, opts: CpOptions): Promise<void> {
  const srcStat: Stats = await (opts.dereference ? fsp.stat(src) : fsp.lstat(src));
  if (srcStat.isDirectory() && opts.recursive) return onDir(srcStat, destStat, src, dest, opts);
  if (srcStat.isDirectory()) throw cpError('ERR_FS_EISDIR', UV_EISDIR, `${src} is a directory (not copied)`, src);
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
  if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
  if (srcStat.isSocket()) throw cpError('ERR_FS_CP_SOCKET', UV_EINVAL, `cannot copy a socket file: ${dest}`, dest);
  if (srcStat.isFIFO()) throw cpError('ERR_FS_CP_FIFO_PIPE', UV_EINVAL, `cannot copy a FIFO pipe: ${dest}`, dest);
  throw cpError('ERR_FS_CP_UNKNOWN', UV_EINVAL, `cannot copy an unknown file type: ${dest}`, dest);
}

async function onFile(srcStat: Stats, destStat: BigIntStats | null | undefined, src: string, dest: string, opts: CpOptions): Promise<void> {
  if (!destStat) return copyOneFile(srcStat, src, dest, opts);
  if (opts.force) {
    await fsp.unlink(dest);
    return copyOneFile(srcStat, src, dest, opts);
  }
  if (opts.errorOnExist) throw cpError('ERR_FS_CP_EEXIST', UV_EEXIST, `${dest} already exists`, dest);
}

async function copyOneFile(srcStat: Stats, src: string, dest: string, opts: CpOptions): Promise<void> {
  await fsp.copyFile(src, dest, opts.mode);
  if (opts.preserveTimestamps) {
    // A read-only copy is made writable first: utimes opens it for writing.
    if ((srcStat.mode & 0o200) === 0) await fsp.chmod(dest, srcStat.mode | 0o200);
    // The source's atime moved as it was read: asked again.
    const updated = await fsp.stat(src);
    await fsp.utimes(dest, updated.atime, updated.mtime);
  }
  return fsp.chmod(dest, srcStat.mode);
}

async function onDir(srcStat: Stats, destStat: BigIntStats | null | undefined, src: string, dest: string, opts: CpOptions): Promise<void> {
  if (destStat) return copyDir(src, dest, opts);
  await fsp.mkdir(dest);
  await copyDir(src, dest, opts);
  return fsp.chmod(dest, srcStat.mode);
}

async function copyDir(src: string, dest: string, opts: CpOptions): Promise<void> {
  const dir = await opendirPromise(src);
  for await (const { name } of dir) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    const { destStat, skipped } = await checkPaths(srcItem, destItem, opts);
    if (!skipped) await copyByKind(destStat, srcItem, destItem, opts);
  }
}

async function onLink(destStat: BigIntStats | null | undefined, src: string, dest: string, opts: CpOptions): Promise<void> {
  let resolvedSrc = (await fsp.readlink(src)) as string;
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) resolvedSrc = resolve(dirname(src), resolvedSrc);
  if (!destStat) return fsp.symlink(resolvedSrc, dest);
  let resolvedDest: string;
  try {
    resolvedDest = (await fsp.readlink(dest)) as string;
  } catch (err) {
    // dest is a file or folder: symlink then fails as it should.
    if ((err as NodeJS.ErrnoException).code === 'EINVAL') return fsp.symlink(resolvedSrc, dest);
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolve(dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw cpError('ERR_FS_CP_EINVAL', UV_EINVAL, `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
  }
  // Replacing dest when src lies under it would unlink what the new link points into.
  const srcStat = await fsp.stat(src);
  if (srcStat.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', UV_EINVAL, `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest);
  }
  await fsp.unlink(dest);
  return fsp.symlink(resolvedSrc, dest);
}

async function cpFn(src: string, dest: string, opts: CpOptions): Promise<void> {
  const { srcStat, destStat, skipped } = await checkPaths(src, dest, opts);
  if (skipped) return;
  await checkParentPaths(src, srcStat!, dest);
  if (!(await pathExists(dirname(dest)))) await fsp.mkdir(dirname(dest), { recursive: true });
  return copyByKind(destStat, src, dest, opts);
}

function paths(src: unknown, dest: unknown): [string, string] {
  return [pathText(validatedPath(src, 'src')), pathText(validatedPath(dest, 'dest'))];
}

/** fs.cp(src, dest[, options], callback). */
export function cp(src: unknown, dest: unknown, options?: unknown, callback?: unknown): void {
  let opts = options;
  let cb = callback;
  if (typeof options === 'function') {
    cb = options;
    opts = undefined;
  }
  validateFunction(cb, 'cb');
  const checked = cpOptions(opts);
  const [s, d] = paths(src, dest);
  // Node runs it through util.callbackify: (null, undefined) on success.
  promiseThen(
    cpFn(s, d, checked),
    (v) => (cb as (err: Error | null, v?: unknown) => void)(null, v),
    (err: Error) => (cb as (err: Error) => void)(err),
  );
}

/** fsPromises.cp(src, dest[, options]). */
export async function cpPromise(src: unknown, dest: unknown, options?: unknown): Promise<void> {
  const checked = cpOptions(options);
  const [s, d] = paths(src, dest);
  return cpFn(s, d, checked);
}
