/**
 * File resolution for `require`: from a request and a list of directories to
 * an absolute, real filename.
 *
 * For each directory in turn (the requiring file's own for './x', each
 * node_modules up the tree for 'x'):
 *   1. 'pkg/sub' whose package.json has "exports": the map decides, no probing
 *   2. the exact file
 *   3. the file plus each registered extension ('.js', '.json', '.node', …)
 *   4. a directory: its package.json "main" (itself probed as 2–3 and as a
 *      directory with index.*), else index.*
 * Found files are returned through realpath, so a module reached through two
 * symlinks (pnpm's layout) is one module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { codedError } from '@mini/sys';
import { invalidMain, targetNotFound } from './errors.js';
import { PackageJsonReader } from './package-json.js';
import { packageExportsResolve } from './package-exports.js';

export const StatKind = { File: 0, Directory: 1, Missing: -1 } as const;
export type StatKind = (typeof StatKind)[keyof typeof StatKind];

export function statKind(p: string): StatKind {
  try {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (st === undefined) return StatKind.Missing;
    return st.isDirectory() ? StatKind.Directory : StatKind.File;
  } catch {
    // ENOTDIR, EACCES, ENAMETOOLONG: nothing loadable there.
    return StatKind.Missing;
  }
}

/** Every node_modules directory from `from` up to the root, nearest first. */
export function nodeModulePaths(from: string): string[] {
  const resolved = path.resolve(from);
  if (resolved === '/') return ['/node_modules'];
  const segments = resolved.split('/');
  const paths: string[] = [];
  for (let end = segments.length; end > 0; end--) {
    // '/a/node_modules/b' looks in '/a/node_modules', never in '.../node_modules/node_modules'.
    if (segments[end - 1] === 'node_modules') continue;
    paths.push(`${segments.slice(0, end).join('/')}/node_modules`);
  }
  return paths;
}

/** './x', '../x', '.', '..': resolved against the requiring file, not node_modules. */
export function isRelativeRequest(request: string): boolean {
  if (request[0] !== '.') return false;
  if (request.length === 1 || request[1] === '/') return true;
  return request[1] === '.' && (request.length === 2 || request[2] === '/');
}

/** 'x/', 'x/.', '.', '..': only a directory can satisfy it. */
function hasTrailingSlash(request: string): boolean {
  return request.endsWith('/') || request === '.' || request === '..' || request.endsWith('/.') || request.endsWith('/..');
}

/** 'name' or '@scope/name', then the optional '/subpath'. */
const PACKAGE_REQUEST = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;

export interface ResolverOptions {
  preserveSymlinks: boolean;
  /** Deprecation and other warnings, as process.emitWarning. */
  emitWarning: (message: string, type: string, code: string) => void;
}

export class Resolver {
  readonly packages = new PackageJsonReader();
  private readonly realpathCache = new Map<string, string>();

  constructor(private readonly options: ResolverOptions) {}

  toRealPath(p: string): string {
    if (this.options.preserveSymlinks) return path.resolve(p);
    let real = this.realpathCache.get(p);
    if (real === undefined) {
      real = fs.realpathSync(p);
      this.realpathCache.set(p, real);
    }
    return real;
  }

  tryFile(p: string): string | false {
    if (statKind(p) !== StatKind.File) return false;
    return this.toRealPath(p);
  }

  tryExtensions(base: string, exts: readonly string[]): string | false {
    for (const ext of exts) {
      const found = this.tryFile(base + ext);
      if (found) return found;
    }
    return false;
  }

  /** A directory: package.json "main" if it leads somewhere, else index.* */
  tryPackage(dir: string, exts: readonly string[], originalRequest: string): string | false {
    const main = this.packages.read(dir).main;
    if (!main) return this.tryExtensions(path.resolve(dir, 'index'), exts);
    const filename = path.resolve(dir, main);
    const found = this.tryFile(filename) || this.tryExtensions(filename, exts) || this.tryExtensions(path.resolve(filename, 'index'), exts);
    if (found) return found;
    const fallback = this.tryExtensions(path.resolve(dir, 'index'), exts);
    const pjsonPath = path.resolve(dir, 'package.json');
    if (!fallback) throw invalidMain(filename, pjsonPath, originalRequest);
    this.options.emitWarning(
      `Invalid 'main' field in '${pjsonPath}' of '${main}'. Please either fix that or report it to the module author`,
      'DeprecationWarning',
      'DEP0128',
    );
    return fallback;
  }

  /**
   * A resolved "exports"/"imports" target must name an existing file, as
   * is: no extension or index probing.
   */
  finalizeExportsTarget(resolved: URL, pkgDir: string, base: string | undefined): string {
    if (/%2f|%5c/i.test(resolved.pathname)) {
      throw codedError('ERR_INVALID_MODULE_SPECIFIER', resolved.pathname, 'must not include encoded "/" or "\\" characters', base);
    }
    const filename = fileURLToPath(resolved);
    const found = this.tryFile(filename);
    if (found) return found;
    throw targetNotFound(filename, path.resolve(pkgDir, 'package.json'));
  }

  /** 'pkg/sub' inside one node_modules directory, when pkg has "exports". */
  resolveExports(nodeModulesDir: string, request: string): string | undefined {
    const match = PACKAGE_REQUEST.exec(request);
    if (match === null) return undefined;
    const name = match[1] as string;
    const pkgDir = path.resolve(nodeModulesDir, name);
    const config = this.packages.read(pkgDir);
    if (!config.exists || config.exports == null) return undefined;
    const url = packageExportsResolve(pathToFileURL(config.pjsonPath), `.${match[2] ?? ''}`, config.exports, undefined);
    return this.finalizeExportsTarget(url, pkgDir, undefined);
  }

  /**
   * A package requiring itself by name ('@me/pkg/util' from inside @me/pkg)
   * goes through its own "exports".
   */
  resolveSelf(parentPath: string | undefined, request: string): string | false {
    if (!parentPath) return false;
    const scope = this.packages.scope(parentPath);
    if (scope === undefined) return false;
    const { config, dir } = scope;
    if (config.exports == null || config.name === undefined) return false;
    let subpath: string;
    if (request === config.name) subpath = '.';
    else if (request.startsWith(`${config.name}/`)) subpath = `.${request.slice(config.name.length)}`;
    else return false;
    const url = packageExportsResolve(pathToFileURL(config.pjsonPath), subpath, config.exports, parentPath);
    return this.finalizeExportsTarget(url, dir, parentPath);
  }

  /**
   * The search over `paths` described at the top of this file.
   * `exts` is the current list of registered extensions.
   */
  findPath(
    request: string,
    paths: readonly string[] | null | undefined,
    isMain: boolean,
    exts: readonly string[],
    pathCache: Record<string, string>,
  ): string | false {
    const absolute = path.isAbsolute(request);
    let searchPaths: readonly string[];
    if (absolute) searchPaths = [''];
    else if (!paths || paths.length === 0) return false;
    else searchPaths = paths;

    const cacheKey = `${request}\x00${searchPaths.join('\x00')}`;
    const cached = pathCache[cacheKey];
    if (cached !== undefined) return cached;

    const trailingSlash = request.length > 0 && hasTrailingSlash(request);
    // '../x' may leave a directory that does not exist; './x' may not.
    const insidePath = !isRelativeRequest(request) || !path.normalize(request).startsWith('..');

    for (const dir of searchPaths) {
      if (insidePath && dir && statKind(dir) !== StatKind.Directory) continue;
      if (!absolute) {
        const exported = this.resolveExports(dir, request);
        if (exported) return exported;
      }
      const base = path.resolve(dir, request);
      const kind = statKind(base);
      let filename: string | false = false;
      if (!trailingSlash) {
        if (kind === StatKind.File) filename = this.toRealPath(base);
        if (!filename) filename = this.tryExtensions(base, exts);
      }
      if (!filename && kind === StatKind.Directory) filename = this.tryPackage(base, exts, request);
      if (filename) {
        pathCache[cacheKey] = filename;
        return filename;
      }
    }
    return false;
  }
}
