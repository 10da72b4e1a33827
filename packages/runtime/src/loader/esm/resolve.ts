/**
 * Resolution for `import`: from a specifier and the importing module's URL
 * to the URL of a module, as Node's ESM resolver does it.
 *
 *   './x.js', '../x', '/abs', 'file:///…'  → URL against the parent; no
 *                                           extension or index probing
 *   '#name'                                → the parent package's "imports"
 *   'fs', 'node:fs'                        → 'node:fs' (a builtin)
 *   'pkg', 'pkg/sub', '@s/pkg/sub'         → the package's "exports" under
 *                                           the import conditions, else its
 *                                           "main" (legacy probing), else
 *                                           the file under the package
 * A file: result must be an existing file (a folder is
 * ERR_UNSUPPORTED_DIR_IMPORT) and is returned through realpath, as
 * `require` does, so a module reached both ways is one module.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codedError } from '@mini/sys';
import { userConditions } from '../../node-options.js';
import { packageExportsResolve, packageImportsResolve } from '../package-exports.js';
import { statKind, StatKind, type Resolver } from '../resolve.js';

/** The conditions `import` matches, and those given with --conditions ('default' always matches too). */
export const ESM_CONDITIONS: ReadonlySet<string> = new Set(['node', 'import', 'node-addons', ...userConditions()]);

export interface EsmResolverHost {
  resolver: Resolver;
  /** Is 'fs' (without 'node:') a builtin? */
  isBuiltinWithoutScheme(id: string): boolean;
  /** A CommonJS resolution of the same request, for the "Did you mean" hint; false when there is none. */
  resolveAsCommonJS(specifier: string, parentPath: string): string | false;
}

/** Thrown for a file that is not there: carries the URL it would have had (import.meta.resolve returns it). */
function notFound(pathOrName: string, base: string, url: URL | null): Error {
  const err = codedError('ERR_MODULE_NOT_FOUND', pathOrName, base, url === null ? undefined : url.href) as Error & { url?: string };
  if (url !== null) Object.defineProperty(err, 'url', { value: url.href, writable: true, enumerable: true, configurable: true });
  return err;
}

const basePathOf = (parentURL: string): string => (parentURL.startsWith('file:') ? fileURLToPath(parentURL) : parentURL);

function isRelativeOrAbsolute(specifier: string): boolean {
  if (specifier === '') return false;
  if (specifier[0] === '/') return true;
  if (specifier[0] === '.')
    return specifier.length === 1 || specifier[1] === '/' || (specifier[1] === '.' && (specifier.length === 2 || specifier[2] === '/'));
  return false;
}

const INVALID_PACKAGE_NAME = /^\.|%|\\/;

export class EsmResolver {
  constructor(private readonly host: EsmResolverHost) {}

  /** The URL `specifier` names from `parentURL`. */
  resolve(specifier: string, parentURL: string): URL {
    if (specifier.startsWith('node:')) return new URL(specifier);
    if (this.host.isBuiltinWithoutScheme(specifier)) return new URL(`node:${specifier}`);
    let resolved: URL;
    if (isRelativeOrAbsolute(specifier)) {
      resolved = new URL(specifier, parentURL);
    } else if (specifier[0] === '#') {
      resolved = this.importsResolve(specifier, parentURL);
    } else if (URL.canParse(specifier)) {
      resolved = new URL(specifier);
    } else {
      resolved = this.packageResolve(specifier, parentURL);
    }
    if (resolved.protocol === 'node:') return resolved;
    if (resolved.protocol === 'data:') throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'import of data: URLs');
    if (resolved.protocol !== 'file:') throw codedError('ERR_UNSUPPORTED_ESM_URL_SCHEME', resolved, ['file', 'data', 'node']);
    try {
      return this.finalize(resolved, parentURL);
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && parentURL.startsWith('file:'))
        this.addCommonJSHint(err as Error, specifier, parentURL);
      throw err;
    }
  }

  private finalize(resolved: URL, parentURL: string): URL {
    if (/%2f|%5c/i.test(resolved.pathname)) {
      throw codedError(
        'ERR_INVALID_MODULE_SPECIFIER',
        resolved.pathname,
        'must not include encoded "/" or "\\" characters',
        basePathOf(parentURL),
      );
    }
    const filename = fileURLToPath(resolved);
    const kind = statKind(filename.endsWith('/') ? filename.slice(0, -1) : filename);
    if (kind === StatKind.Directory) {
      const err = codedError('ERR_UNSUPPORTED_DIR_IMPORT', filename, basePathOf(parentURL)) as Error & { url?: string };
      Object.defineProperty(err, 'url', { value: resolved.href, writable: true, enumerable: true, configurable: true });
      throw err;
    }
    if (kind !== StatKind.File) throw notFound(filename, basePathOf(parentURL), resolved);
    const real = pathToFileURL(this.host.resolver.toRealPath(filename));
    real.search = resolved.search;
    real.hash = resolved.hash;
    return real;
  }

  /** Node's hint when `require` would have found what `import` did not ('./dep' for './dep.js'). */
  private addCommonJSHint(err: Error, specifier: string, parentURL: string): void {
    const parentPath = fileURLToPath(parentURL);
    const found = this.host.resolveAsCommonJS(specifier, parentPath);
    if (found === false) return;
    let hint: string;
    if (isRelativeOrAbsolute(specifier) && specifier[0] !== '/') {
      const relative = path.relative(path.dirname(parentPath), found).split(path.sep).join('/');
      hint = relative.startsWith('../') ? relative : `./${relative}`;
    } else if (specifier[0] !== '/' && !specifier.startsWith('file:')) {
      const slash = specifier.indexOf('/', specifier[0] === '@' ? specifier.indexOf('/') + 1 : 0);
      const pkg = slash === -1 ? specifier : specifier.slice(0, slash);
      const needle = `/node_modules/${pkg}/`;
      const index = found.lastIndexOf(needle);
      hint =
        index === -1
          ? pathToFileURL(found).href
          : `${pkg}/${found
              .slice(index + needle.length)
              .split('/')
              .map(encodeURIComponent)
              .join('/')}`;
    } else {
      hint = pathToFileURL(found).href;
    }
    err.message += `\nDid you mean to import "${hint}"?`;
  }

  private importsResolve(specifier: string, parentURL: string): URL {
    const parentPath = basePathOf(parentURL);
    const scope = parentURL.startsWith('file:') ? this.host.resolver.packages.scope(parentPath) : undefined;
    const resolved = packageImportsResolve(
      specifier,
      scope === undefined ? undefined : pathToFileURL(scope.config.pjsonPath),
      scope?.config.imports,
      parentPath,
      (bare) => this.packageResolve(bare, parentURL).href,
      ESM_CONDITIONS,
    );
    return typeof resolved === 'string' ? new URL(resolved) : resolved;
  }

  private packageResolve(specifier: string, parentURL: string): URL {
    const parentPath = basePathOf(parentURL);
    let slash = specifier.indexOf('/');
    let valid = true;
    if (specifier[0] === '@') {
      if (slash === -1) valid = false;
      else slash = specifier.indexOf('/', slash + 1);
    }
    const name = slash === -1 ? specifier : specifier.slice(0, slash);
    if (!valid || INVALID_PACKAGE_NAME.test(name)) {
      throw codedError('ERR_INVALID_MODULE_SPECIFIER', specifier, 'is not a valid package name', parentPath);
    }
    const subpath = `.${slash === -1 ? '' : specifier.slice(slash)}`;
    const packages = this.host.resolver.packages;

    // A package importing itself by name goes through its own "exports".
    if (parentURL.startsWith('file:')) {
      const scope = packages.scope(parentPath);
      if (scope !== undefined && scope.config.name === name && scope.config.exports != null) {
        return packageExportsResolve(pathToFileURL(scope.config.pjsonPath), subpath, scope.config.exports, parentPath, ESM_CONDITIONS);
      }
    }

    let dir = parentURL.startsWith('file:') ? path.dirname(parentPath) : process.cwd();
    for (;;) {
      const pkgDir = path.join(dir, 'node_modules', name);
      if (path.basename(dir) !== 'node_modules' && statKind(pkgDir) === StatKind.Directory) {
        const config = packages.read(pkgDir);
        const pjsonURL = pathToFileURL(config.pjsonPath);
        if (config.exports != null) return packageExportsResolve(pjsonURL, subpath, config.exports, parentPath, ESM_CONDITIONS);
        if (subpath === '.') return this.legacyMainResolve(pkgDir, config.main, pjsonURL, parentPath);
        return new URL(subpath, pjsonURL);
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    throw notFound(name, parentPath, null);
  }

  /** A package without "exports": its "main" probed as Node's legacy resolver does, then index. */
  private legacyMainResolve(pkgDir: string, main: string | undefined, pjsonURL: URL, parentPath: string): URL {
    const tries: string[] = [];
    if (main) {
      for (const suffix of ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node']) tries.push(`./${main}${suffix}`);
    }
    tries.push('./index.js', './index.json', './index.node');
    for (const candidate of tries) {
      const url = new URL(candidate, pjsonURL);
      if (statKind(fileURLToPath(url)) === StatKind.File) return url;
    }
    throw notFound(pkgDir + '/', parentPath, null);
  }
}
