/**
 * Package "exports" and "imports" maps, as `require` sees them.
 *
 * A map sends a subpath ('.', './feature', './lib/*', '#dep') to a target:
 *   string     "./dist/x.js"  resolved inside the package; must start with
 *              "./" and must not step into '..' or node_modules
 *   object     { "node": …, "require": …, "default": … }  the first key, in
 *              the file's order, that is an active condition wins
 *   array      [t1, t2]  first target that is valid; an invalid target is
 *              skipped, a valid one whose file is missing is not
 *   null       explicitly not exported
 * Subpath keys may hold one '*'; the longest matching prefix wins, and what
 * '*' matched replaces every '*' of the target. Targets are resolved as URLs
 * against the package.json, so percent-escapes behave as in Node.
 *
 * The result is a URL; the caller checks that the file exists.
 */
import { fileURLToPath } from 'node:url';
import { codedError } from '@mini/sys';
import { userConditions } from '../node-options.js';

/** The conditions `require` matches, and those given with --conditions; 'default' always matches too. */
export const CJS_CONDITIONS: ReadonlySet<string> = new Set(['require', 'node', 'node-addons', ...userConditions()]);

/** Resolves a bare specifier that an "imports" target names ("#x": "pkg"). */
export type BareResolver = (specifier: string) => string;

interface Context {
  pjsonURL: URL;
  /** Directory of the package with a trailing slash, for messages. */
  pkgDir: string;
  /** File that asked, for messages; undefined for a plain node_modules lookup. */
  base: string | undefined;
  conditions: ReadonlySet<string>;
  isImports: boolean;
  resolveBare: BareResolver | undefined;
}

type Resolved = URL | string | null | undefined;

function pkgDirOf(pjsonURL: URL): string {
  return fileURLToPath(new URL('.', pjsonURL));
}

/**
 * `subpath` is '.' or './x' (the part of the request after the package
 * name). Returns the resolved file URL or throws Node's error.
 */
export function packageExportsResolve(
  pjsonURL: URL,
  subpath: string,
  exportsField: unknown,
  base: string | undefined,
  conditions: ReadonlySet<string> = CJS_CONDITIONS,
): URL {
  const ctx: Context = {
    pjsonURL,
    pkgDir: pkgDirOf(pjsonURL),
    base,
    conditions,
    isImports: false,
    resolveBare: undefined,
  };
  let exportsMap = exportsField;
  if (isMainSugar(exportsMap, ctx)) exportsMap = { '.': exportsMap };
  const map = exportsMap as Record<string, unknown>;
  const notExported = () => codedError('ERR_PACKAGE_PATH_NOT_EXPORTED', ctx.pkgDir, subpath, base);
  const resolved = matchSubpath(map, subpath, ctx);
  if (resolved == null) throw notExported();
  if (typeof resolved === 'string') throw notExported();
  return resolved;
}

/**
 * `#name` specifiers through the "imports" of the requiring file's package.
 * Returns a file URL, or a path when the target was a bare package name.
 */
export function packageImportsResolve(
  specifier: string,
  pjsonURL: URL | undefined,
  importsField: unknown,
  base: string,
  resolveBare: BareResolver,
  conditions: ReadonlySet<string> = CJS_CONDITIONS,
): URL | string {
  const invalid = specifier === '#' || specifier.startsWith('#/') || specifier.endsWith('/');
  if (invalid) {
    throw codedError('ERR_INVALID_MODULE_SPECIFIER', specifier, 'is not a valid internal imports specifier name', base);
  }
  if (pjsonURL !== undefined && importsField !== null && typeof importsField === 'object') {
    const ctx: Context = {
      pjsonURL,
      pkgDir: pkgDirOf(pjsonURL),
      base,
      conditions,
      isImports: true,
      resolveBare,
    };
    const resolved = matchSubpath(importsField as Record<string, unknown>, specifier, ctx);
    if (resolved != null) return resolved;
  }
  throw codedError('ERR_PACKAGE_IMPORT_NOT_DEFINED', specifier, pjsonURL && pkgDirOf(pjsonURL), base);
}

/** An exact key first, then the best '*' pattern; null when nothing matches. */
function matchSubpath(map: Record<string, unknown>, subpath: string, ctx: Context): Resolved {
  if (Object.hasOwn(map, subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
    return resolveTarget(map[subpath], '', subpath, false, ctx);
  }
  let bestKey = '';
  let bestMatch = '';
  for (const key of Object.getOwnPropertyNames(map)) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!subpath.startsWith(prefix)) continue;
    if (subpath.length < key.length || !subpath.endsWith(suffix)) continue;
    if (comparePatternKeys(bestKey, key) === 1) {
      bestKey = key;
      bestMatch = subpath.slice(star, subpath.length - suffix.length);
    }
  }
  if (bestKey === '') return null;
  return resolveTarget(map[bestKey], bestMatch, bestKey, true, ctx);
}

/**
 * Orders pattern keys by specificity: a longer part before the '*' wins,
 * then a key with a '*' beats an exact one, then the longer key.
 * 1 means `b` is more specific than `a`.
 */
function comparePatternKeys(a: string, b: string): -1 | 0 | 1 {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase !== bBase) return aBase > bBase ? -1 : 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length !== b.length) return a.length > b.length ? -1 : 1;
  return 0;
}

/**
 * "exports": "./x.js" or { "require": … } means the package's main entry.
 * Mixing '.'-keys and condition keys is an error.
 */
function isMainSugar(exportsField: unknown, ctx: Context): boolean {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return true;
  if (exportsField === null || typeof exportsField !== 'object') return false;
  let sugar: boolean | undefined;
  for (const key of Object.getOwnPropertyNames(exportsField)) {
    const isCondition = key === '' || key[0] !== '.';
    if (sugar === undefined) sugar = isCondition;
    else if (sugar !== isCondition) {
      throw codedError(
        'ERR_INVALID_PACKAGE_CONFIG',
        fileURLToPath(ctx.pjsonURL),
        ctx.base,
        `"exports" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.`,
      );
    }
  }
  return sugar ?? false;
}

const isArrayIndex = (key: string): boolean => {
  const n = Number(key);
  return `${n}` === key && n >= 0 && n < 0xffffffff;
};

/**
 * undefined: no condition matched (the caller keeps looking);
 * null: explicitly excluded.
 */
function resolveTarget(target: unknown, match: string, key: string, pattern: boolean, ctx: Context): Resolved {
  if (typeof target === 'string') return resolveTargetString(target, match, key, pattern, ctx);
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastError: unknown;
    for (const item of target) {
      let resolved: Resolved;
      try {
        resolved = resolveTarget(item, match, key, pattern, ctx);
      } catch (err) {
        lastError = err;
        if ((err as { code?: string }).code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw err;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastError = null;
        continue;
      }
      return resolved;
    }
    if (lastError === undefined || lastError === null) return lastError;
    throw lastError;
  }
  if (target !== null && typeof target === 'object') {
    const keys = Object.getOwnPropertyNames(target);
    if (keys.some(isArrayIndex)) {
      throw codedError(
        'ERR_INVALID_PACKAGE_CONFIG',
        fileURLToPath(ctx.pjsonURL),
        ctx.base,
        '"exports" cannot contain numeric property keys.',
      );
    }
    for (const condition of keys) {
      if (condition !== 'default' && !ctx.conditions.has(condition)) continue;
      const resolved = resolveTarget((target as Record<string, unknown>)[condition], match, key, pattern, ctx);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  if (target === null) return null;
  throw codedError('ERR_INVALID_PACKAGE_TARGET', ctx.pkgDir, key, target, ctx.isImports, ctx.base);
}

/**
 * Does a path hold a '.', '..' or 'node_modules' segment, plain or
 * percent-encoded? Empty segments ("./a//b") are only deprecated in Node.
 */
function hasInvalidSegment(p: string): boolean {
  for (const raw of p.split(/[\\/]/)) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // A malformed escape cannot spell one of the forbidden names.
    }
    segment = segment.toLowerCase();
    if (segment === '.' || segment === '..' || segment === 'node_modules') return true;
  }
  return false;
}

function resolveTargetString(target: string, match: string, key: string, pattern: boolean, ctx: Context): Resolved {
  const invalidTarget = () => codedError('ERR_INVALID_PACKAGE_TARGET', ctx.pkgDir, key, target, ctx.isImports, ctx.base);
  if (match !== '' && !pattern && !target.endsWith('/')) throw invalidTarget();
  const substituted = () => (pattern ? target.replaceAll('*', match) : target + match);
  if (!target.startsWith('./')) {
    // "imports" may name another package: "#dep": "some-package/x".
    if (ctx.isImports && ctx.resolveBare && !target.startsWith('../') && !target.startsWith('/') && !URL.canParse(target)) {
      return ctx.resolveBare(substituted());
    }
    throw invalidTarget();
  }
  if (hasInvalidSegment(target.slice(2))) throw invalidTarget();
  const resolved = new URL(target, ctx.pjsonURL);
  if (!resolved.pathname.startsWith(new URL('.', ctx.pjsonURL).pathname)) throw invalidTarget();
  if (match === '') return resolved;
  if (hasInvalidSegment(match)) {
    const request = pattern ? key.replace('*', match) : key + match;
    const reason = `request is not a valid match in pattern "${key}" for the "${ctx.isImports ? 'imports' : 'exports'}" resolution of ${fileURLToPath(ctx.pjsonURL)}`;
    throw codedError('ERR_INVALID_MODULE_SPECIFIER', request, reason, ctx.base);
  }
  if (pattern) return new URL(resolved.href.replaceAll('*', match));
  return new URL(match, resolved);
}
