/**
 * The loader's "not found" errors: plain Errors with `code:
 * 'MODULE_NOT_FOUND'`, as Node builds them in its CommonJS loader, where
 * they predate the ERR_* scheme (so they are not rows of @mini/sys's error
 * table, and print as "Error: Cannot find module 'x'"). The loader's ERR_*
 * errors come from `codedError` like everyone's.
 */
import { hostInternal } from '@mini/sys';

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
  // The stack starts where the module was looked for, as node's.
  Error.captureStackTrace(err, moduleNotFound);
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

/**
 * A link error (a missing export) as node reports one: the source line and
 * its caret become the head of the error's stack, and the host's uncaught
 * handler, seeing that done, does not print them again, with a blank line,
 * above it. node's own helper does both; without it the error is left as is.
 */
export function decorateLinkError(err: unknown): void {
  try {
    hostInternal<{ decorateErrorStack(err: unknown): void }>('internal/util').decorateErrorStack(err);
  } catch {
    // A host without it: the host prints the line above the stack itself.
  }
}
