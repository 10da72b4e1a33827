/**
 * V8 modules as the host lends them: the one place that knows how.
 *
 * The launcher starts the host with --experimental-vm-modules (hidden from
 * process.execArgv). That makes `vm.SourceTextModule` and
 * `vm.SyntheticModule` exist, and each holds the host's internal
 * `ModuleWrap` under a plain symbol property. The wrap is what we drive,
 * because its link / instantiateSync / evaluateSync are synchronous (Node
 * 20.19+ uses them for require(esm)), where the vm classes settle through
 * promises — and a promise cannot be waited for inside a promise job, so
 * require(esm) from an async function would be impossible on them.
 *
 * What the vm classes still give us: a module compiled with our
 * `importModuleDynamically` and `initializeImportMeta`, registered with the
 * host so that every `import()` and `import.meta` in it (eval and
 * `new Function` code inside it included) calls back into our loader,
 * never the host's.
 *
 * Measured on the host (20.20): `evaluateSync` on a graph with top-level
 * await aborts the process (a C++ assertion), so the caller must ask
 * `instantiateSync`, which answers whether the graph is async, first.
 */
import process from 'node:process';
import vm from 'node:vm';
import { codedError } from '@mini/sys';

/** Module status, as the host's ModuleWrap numbers it (V8's Module::Status). */
export const Status = { Unlinked: 0, Linking: 1, Linked: 2, Evaluating: 3, Evaluated: 4, Errored: 5 } as const;

/** The host's internal ModuleWrap, the methods we use. */
export interface ModuleWrap {
  readonly url: string;
  getModuleRequests(): { specifier: string; attributes: Record<string, string> }[];
  link(specifiers: string[], modules: ModuleWrap[]): void;
  /** true: the graph has top-level await and must be evaluated asynchronously. */
  instantiateSync(): boolean;
  evaluateSync(filename: string | undefined, parentFilename: string | undefined): unknown;
  /** Runs the graph; the promise settles when its top-level awaits do. */
  evaluate(timeout: number, breakOnSigint: boolean): Promise<unknown>;
  getNamespace(): Record<string, unknown>;
  getStatus(): number;
  getError(): unknown;
  setExport(name: string, value: unknown): void;
}

export interface ModuleCallbacks {
  importModuleDynamically: (specifier: string, referrer: unknown, attributes: Record<string, string>) => Promise<unknown>;
  initializeImportMeta: (meta: Record<string, unknown>) => void;
}

interface VmModules {
  SourceTextModule: new (source: string, options: object) => object;
  SyntheticModule: new (names: string[], evaluate: () => void, options: object) => object;
}

let vmModules: VmModules | undefined;

/**
 * The vm classes, with the ExperimentalWarning their first construction
 * prints (node prints none for ES modules) spent here with the warning
 * filtered out.
 */
function classes(): VmModules {
  if (vmModules !== undefined) return vmModules;
  const { SourceTextModule, SyntheticModule } = vm as unknown as Partial<VmModules>;
  if (SourceTextModule === undefined || SyntheticModule === undefined) {
    throw codedError(
      'ERR_MINI_NOT_IMPLEMENTED',
      'ES modules',
      'the host node was started without --experimental-vm-modules (start mini through its launcher)',
    );
  }
  const original = process.emitWarning;
  process.emitWarning = function emitWarning(this: unknown, warning: string | Error, ...rest: unknown[]) {
    if (String(typeof warning === 'string' ? warning : warning.message).includes('VM Modules')) return;
    return Reflect.apply(original, this, [warning, ...rest]);
  } as typeof process.emitWarning;
  try {
    new SyntheticModule([], () => {}, { identifier: 'mini:probe' });
  } finally {
    process.emitWarning = original;
  }
  vmModules = { SourceTextModule, SyntheticModule };
  return vmModules;
}

function wrapOf(module: object): ModuleWrap {
  for (const symbol of Object.getOwnPropertySymbols(module)) {
    if (symbol.description === 'kWrap') {
      const wrap = (module as Record<symbol, ModuleWrap>)[symbol]!;
      if (typeof wrap.instantiateSync !== 'function') break;
      return wrap;
    }
  }
  throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'ES modules', `this host node (${process.version}) has no synchronous module instantiation`);
}

/** Keeps the vm object alive as long as its wrap: the host's callback registry holds it weakly. */
const owners = new WeakMap<ModuleWrap, object>();

/** Compiles module source; throws its SyntaxError as V8 reports it. */
export function compileModule(source: string, url: string, callbacks: ModuleCallbacks): ModuleWrap {
  const { SourceTextModule } = classes();
  const module = new SourceTextModule(source, {
    identifier: url,
    importModuleDynamically: callbacks.importModuleDynamically,
    initializeImportMeta: callbacks.initializeImportMeta,
  });
  const wrap = wrapOf(module);
  owners.set(wrap, module);
  return wrap;
}

/** A module whose exports we set: builtins, CommonJS, JSON. `evaluate` runs when the module is evaluated. */
export function syntheticModule(
  url: string,
  names: string[],
  evaluate: (setExport: (name: string, value: unknown) => void) => void,
): ModuleWrap {
  const { SyntheticModule } = classes();
  const holder: { wrap?: ModuleWrap } = {};
  const module = new SyntheticModule(names, () => evaluate((name, value) => holder.wrap!.setExport(name, value)), { identifier: url });
  const wrap = wrapOf(module);
  holder.wrap = wrap;
  owners.set(wrap, module);
  wrap.link([], []);
  return wrap;
}
