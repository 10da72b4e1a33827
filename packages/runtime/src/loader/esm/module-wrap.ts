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
 *
 * The internal API moved between releases (measured on 20.20, 22.23,
 * 24.22): 20 links with (specifiers, modules), 22 and 24 with (modules)
 * in request order, which a wrong call aborts on; 24 instantiates with
 * `instantiate()` and tells an async graph by `hasAsyncGraph`. `HostModule`
 * below is the one shape the loader sees.
 */
import process from 'node:process';
import vm from 'node:vm';
import { programGaveVmModules } from '../../node-options.js';
import { codedError } from '@mini/sys';
import { cacheSourceMap } from '../source-maps.js';

/** Module status, as the host's ModuleWrap numbers it (V8's Module::Status). */
export const Status = { Unlinked: 0, Linking: 1, Linked: 2, Evaluating: 3, Evaluated: 4, Errored: 5 } as const;

/** The host's internal ModuleWrap, as any of the releases has it. */
interface HostWrap {
  getModuleRequests(): { specifier: string; attributes: Record<string, string> }[];
  link(...args: unknown[]): void;
  instantiateSync?(): boolean;
  instantiate(): unknown;
  readonly hasAsyncGraph?: boolean;
  evaluateSync(...args: unknown[]): unknown;
  evaluate(timeout: number, breakOnSigint: boolean): Promise<unknown>;
  getNamespace(): Record<string, unknown>;
  getStatus(): number;
  getError(): unknown;
  setExport(name: string, value: unknown): void;
}

const hostMajor = Number(process.versions.node.split('.')[0]);

/** A module as the loader drives it, whichever release the host is. */
export class ModuleWrap {
  constructor(
    readonly url: string,
    private readonly raw: HostWrap,
  ) {}

  getModuleRequests(): { specifier: string; attributes: Record<string, string> }[] {
    return this.raw.getModuleRequests();
  }

  /** `modules[i]` is what `specifiers[i]` (the i-th request) names. */
  link(specifiers: string[], modules: ModuleWrap[]): void {
    const raws = modules.map((m) => m.raw);
    if (hostMajor === 20) this.raw.link(specifiers, raws);
    else this.raw.link(raws);
  }

  /**
   * true: the graph has top-level await and must be evaluated asynchronously.
   * `pausing` (--inspect-brk) is given the host's own method to call: V8
   * runs each module's start as it instantiates, so the debugger's pause on
   * the next statement lands on the program's first line, as node's does.
   */
  instantiateSync(pausing?: (fn: (...args: never[]) => unknown, thisArg: unknown, args: unknown[]) => unknown): boolean {
    const raw = this.raw;
    if (pausing !== undefined) {
      if (raw.instantiateSync !== undefined) return pausing(raw.instantiateSync, raw, []) as boolean;
      pausing(raw.instantiate, raw, []);
      return raw.hasAsyncGraph === true;
    }
    if (raw.instantiateSync !== undefined) return raw.instantiateSync();
    raw.instantiate();
    return raw.hasAsyncGraph === true;
  }

  evaluateSync(filename: string | undefined, parentFilename: string | undefined): unknown {
    return hostMajor >= 24 ? this.raw.evaluateSync() : this.raw.evaluateSync(filename, parentFilename);
  }

  /** Runs the graph; the promise settles when its top-level awaits do. */
  evaluate(timeout: number, breakOnSigint: boolean): Promise<unknown> {
    return this.raw.evaluate(timeout, breakOnSigint);
  }

  getNamespace(): Record<string, unknown> {
    return this.raw.getNamespace();
  }

  getStatus(): number {
    return this.raw.getStatus();
  }

  getError(): unknown {
    return this.raw.getError();
  }

  setExport(name: string, value: unknown): void {
    this.raw.setExport(name, value);
  }
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
  // The program's own, when it asked for the classes: node prints it once.
  if (programGaveVmModules()) {
    vmModules = { SourceTextModule, SyntheticModule };
    return vmModules;
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

function wrapOf(module: object, url: string): ModuleWrap {
  for (const symbol of Object.getOwnPropertySymbols(module)) {
    if (symbol.description === 'kWrap') {
      const raw = (module as Record<symbol, HostWrap>)[symbol]!;
      if (typeof raw.instantiateSync !== 'function' && !(hostMajor >= 24 && typeof raw.instantiate === 'function')) break;
      return new ModuleWrap(url, raw);
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
  const wrap = wrapOf(module, url);
  owners.set(wrap, module);
  // Held weakly by the host's cache, as the module it is the map of.
  cacheSourceMap(url, source, module);
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
  const wrap = wrapOf(module, url);
  holder.wrap = wrap;
  owners.set(wrap, module);
  wrap.link([], []);
  return wrap;
}
