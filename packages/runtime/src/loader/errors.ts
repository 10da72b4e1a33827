/**
 * The errors the module loader throws, with Node's codes, classes and
 * messages word for word: programs and test suites match on them.
 *
 * Node's own errors print as "TypeError [ERR_X]: message" in a stack trace
 * while `err.name` stays 'TypeError', and carry an enumerable `code`. The
 * loader's "not found" errors are plain Errors with a `code` property, as in
 * Node, where they predate the ERR_* scheme.
 */
import { invalidArgType, invalidArgValue, nodeError, type NodeError } from '@mini/sys';

export type { NodeError };

export function ERR_INVALID_ARG_TYPE(name: string, expected: string, actual: unknown): NodeError {
  return invalidArgType(name, expected, actual);
}

export function ERR_INVALID_ARG_VALUE(name: string, value: unknown, reason = 'is invalid'): NodeError {
  return invalidArgValue(name, value, reason);
}

export function ERR_UNKNOWN_BUILTIN_MODULE(request: string): NodeError {
  return nodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
}

const importedFrom = (base: string | undefined): string => (base ? ` imported from ${base}` : '');

export function ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDir: string, subpath: string, base?: string): NodeError {
  const message =
    subpath === '.'
      ? `No "exports" main defined in ${pkgDir}package.json${importedFrom(base)}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}package.json${importedFrom(base)}`;
  return nodeError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED', message);
}

export function ERR_INVALID_PACKAGE_TARGET(
  pkgDir: string,
  key: string,
  target: unknown,
  isImport: boolean,
  base?: string,
): NodeError {
  const relError = typeof target === 'string' && !isImport && target.length > 0 && !target.startsWith('./');
  const where = `in the package config ${pkgDir}package.json${importedFrom(base)}`;
  const hint = relError ? '; targets must start with "./"' : '';
  const message =
    key === '.'
      ? `Invalid "exports" main target ${JSON.stringify(target)} defined ${where}${hint}`
      : `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' ${where}${hint}`;
  return nodeError(Error, 'ERR_INVALID_PACKAGE_TARGET', message);
}

export function ERR_INVALID_PACKAGE_CONFIG(pjsonPath: string, base: string | undefined, detail: string): NodeError {
  return nodeError(
    Error,
    'ERR_INVALID_PACKAGE_CONFIG',
    `Invalid package config ${pjsonPath}${base ? ` while importing ${base}` : ''}. ${detail}`,
  );
}

export function ERR_INVALID_MODULE_SPECIFIER(request: string, reason: string, base?: string): NodeError {
  return nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${request}" ${reason}${importedFrom(base)}`);
}

export function ERR_PACKAGE_IMPORT_NOT_DEFINED(specifier: string, pkgDir: string | undefined, base: string): NodeError {
  const inPackage = pkgDir ? ` in package ${pkgDir}package.json` : '';
  return nodeError(
    TypeError,
    'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    `Package import specifier "${specifier}" is not defined${inPackage} imported from ${base}`,
  );
}

/**
 * Node 20 without require(esm): which sentence follows depends on whether
 * the file is ESM by extension, by syntax, or only by its package's "type".
 */
export function ERR_REQUIRE_ESM(
  filename: string,
  hasEsmSyntax: boolean,
  parentPath?: string,
  packageJsonPath?: string,
): NodeError {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!packageJsonPath) {
    if (filename.endsWith('.mjs')) {
      msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
    }
    return nodeError(Error, 'ERR_REQUIRE_ESM', msg);
  }
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const shown = parentPath && base(filename) === base(parentPath) ? filename : base(filename);
  if (hasEsmSyntax) {
    msg += `\nInstead change the require of ${shown} in ${parentPath} to a dynamic import() which is available in all CommonJS modules.`;
  } else {
    msg +=
      `\n${shown} is treated as an ES module file as it is a .js file whose nearest parent package.json contains "type": "module" which declares all .js files in that package scope as ES modules.` +
      `\nInstead either rename ${shown} to end in .cjs, change the requiring code to use dynamic import() which is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
  }
  return nodeError(Error, 'ERR_REQUIRE_ESM', msg);
}

export interface ModuleNotFoundError extends Error {
  code: 'MODULE_NOT_FOUND';
  requireStack?: string[];
  path?: string;
  requestPath?: string;
}

/** "Cannot find module 'x'" followed by the chain of requiring files, innermost first. */
export function moduleNotFound(request: string, requireStack: string[]): ModuleNotFoundError {
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message) as ModuleNotFoundError;
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  return err;
}

/** A package's "exports"/"imports" target that names a missing file. */
export function targetNotFound(filename: string, pjsonPath: string): ModuleNotFoundError {
  const err = new Error(`Cannot find module '${filename}'`) as ModuleNotFoundError;
  err.code = 'MODULE_NOT_FOUND';
  err.path = pjsonPath;
  return err;
}

export function invalidMain(filename: string, pjsonPath: string, requestPath: string): ModuleNotFoundError {
  const err = new Error(
    `Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`,
  ) as ModuleNotFoundError;
  err.code = 'MODULE_NOT_FOUND';
  err.path = pjsonPath;
  err.requestPath = requestPath;
  return err;
}
