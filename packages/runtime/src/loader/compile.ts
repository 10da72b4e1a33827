/**
 * Turning a CommonJS file's text into the function that runs it.
 *
 * `vm.compileFunction` with the five wrapper parameters compiles the file
 * body itself, not a wrapped copy, so every line and column V8 reports is
 * the file's own (Node compiles the same way). Only when a program patches
 * `Module.wrap` or `Module.wrapper` is the wrapped text compiled instead,
 * because the patch is then the point.
 *
 * `import()` inside user code goes to the host's ESM loader: there is no
 * other way to run ES modules without V8's module API flags.
 */
import process from 'node:process';
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

const importModuleDynamically = vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;

let experimentalWarningSpent = false;

/**
 * The host prints "ExperimentalWarning: vm.USE_MAIN_CONTEXT_DEFAULT_LOADER"
 * on the first import() through it, which node never prints for a CommonJS
 * module. The host warns once per feature, so spend that one warning here,
 * with the warning filtered out, before any user code runs.
 */
function spendExperimentalWarning(): void {
  if (experimentalWarningSpent) return;
  experimentalWarningSpent = true;
  const original = process.emitWarning;
  process.emitWarning = function emitWarning(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
    return Reflect.apply(original, this, [warning, ...rest]);
  } as typeof process.emitWarning;
  try {
    const probe = vm.compileFunction("return import('node:path')", [], { importModuleDynamically });
    (probe() as Promise<unknown>).catch(() => {});
  } finally {
    process.emitWarning = original;
  }
}

/**
 * Only code that can call import() needs the host's ESM loader behind it;
 * wiring it costs a few ms at startup, so a file that never mentions
 * `import` does without.
 */
function mayImport(content: string): boolean {
  return content.includes('import');
}

export function compileWrapper(content: string, filename: string): ModuleWrapper {
  if (!mayImport(content)) {
    return vm.compileFunction(content, [...WRAPPER_PARAMS], { filename }) as unknown as ModuleWrapper;
  }
  spendExperimentalWarning();
  return vm.compileFunction(content, [...WRAPPER_PARAMS], {
    filename,
    importModuleDynamically,
  }) as unknown as ModuleWrapper;
}

/** The path taken when the wrapper text was patched by the program. */
export function compileWrapped(wrapped: string, filename: string): ModuleWrapper {
  if (!mayImport(wrapped)) {
    return new vm.Script(wrapped, { filename }).runInThisContext({ displayErrors: true }) as ModuleWrapper;
  }
  spendExperimentalWarning();
  const script = new vm.Script(wrapped, { filename, importModuleDynamically });
  return script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
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
