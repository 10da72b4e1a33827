/**
 * Turning a CommonJS file's text into the function that runs it.
 *
 * `vm.compileFunction` with the five wrapper parameters compiles the file
 * body itself, not a wrapped copy, so every line and column V8 reports is
 * the file's own (Node compiles the same way). Only when a program patches
 * `Module.wrap` or `Module.wrapper` is the wrapped text compiled instead,
 * because the patch is then the point.
 *
 * `import()` inside the code goes to our ES module loader, through the
 * callback the module system passes (only to code that mentions `import`:
 * registering the callback with the host costs each compile a little).
 */
import * as vm from 'node:vm';

export const WRAPPER_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'] as const;

export type ModuleWrapper = (
  this: unknown,
  exports: unknown,
  require: unknown,
  module: unknown,
  __filename: string,
  __dirname: string,
) => unknown;

export function defaultWrapper(): [string, string] {
  return ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
}

/** What `import()` calls in CommonJS code: the specifier and attributes, the namespace back. */
export type DynamicImport = (specifier: string, referrer: unknown, attributes: Record<string, string>) => Promise<unknown>;

/**
 * Only code that can call import() needs the callback behind it; a file
 * that never mentions `import` does without.
 */
function mayImport(content: string): boolean {
  return content.includes('import');
}

export function compileWrapper(content: string, filename: string, importModuleDynamically?: DynamicImport): ModuleWrapper {
  if (importModuleDynamically === undefined || !mayImport(content)) {
    return vm.compileFunction(content, [...WRAPPER_PARAMS], { filename }) as unknown as ModuleWrapper;
  }
  return vm.compileFunction(content, [...WRAPPER_PARAMS], {
    filename,
    importModuleDynamically: importModuleDynamically as never,
  }) as unknown as ModuleWrapper;
}

/** The path taken when the wrapper text was patched by the program. */
export function compileWrapped(wrapped: string, filename: string, importModuleDynamically?: DynamicImport): ModuleWrapper {
  const script =
    importModuleDynamically === undefined || !mayImport(wrapped)
      ? new vm.Script(wrapped, { filename })
      : new vm.Script(wrapped, { filename, importModuleDynamically: importModuleDynamically as never });
  return script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
}

/** V8's messages for module syntax compiled as a script or function body. */
const MODULE_SYNTAX_ERRORS = new Set([
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
]);
/** Messages that top-level await gives in a CommonJS body; the body is then tried as an async function. */
const TOP_LEVEL_AWAIT_ERRORS = new Set([
  'await is only valid in async functions and the top level bodies of modules',
  'for await is only valid in async functions and the top level bodies of modules',
]);

/**
 * Does a file that failed (or would fail) as CommonJS parse only as a
 * module? Node's detection for a .js with no "type": module syntax
 * (import/export declarations, import.meta), or top-level await where
 * nothing else is wrong.
 */
export function containsModuleSyntax(content: string, filename: string): boolean {
  try {
    vm.compileFunction(content, [...WRAPPER_PARAMS], { filename });
    return false;
  } catch (err) {
    const message = err instanceof SyntaxError ? err.message : '';
    if (MODULE_SYNTAX_ERRORS.has(message)) return true;
    if (!TOP_LEVEL_AWAIT_ERRORS.has(message)) return false;
  }
  try {
    vm.compileFunction(`(async function () {${content}\n})`, [], { filename });
    return true;
  } catch {
    return false;
  }
}

/**
 * Does the text hold import/export declarations? Only used to pick the
 * wording of ERR_REQUIRE_ESM: such a file fails to compile as a function
 * body with one of V8's two module-syntax errors.
 */
export function hasEsmSyntax(content: string): boolean {
  try {
    vm.compileFunction(content, [...WRAPPER_PARAMS]);
    return false;
  } catch (err) {
    const message = err instanceof SyntaxError ? err.message : '';
    return message === 'Cannot use import statement outside a module' || message === "Unexpected token 'export'";
  }
}

export function stripBOM(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}
