/**
 * The CommonJS module system: the `Module` class users get from
 * `require('module')`, its caches, and the `require` functions it hands out.
 *
 * One call to `createModuleSystem` makes one independent world: its own
 * `Module` class, `require.cache`, path cache and package.json cache, and
 * its own builtins. Everything a program may patch (`Module._load`,
 * `_resolveFilename`, `_findPath`, `_extensions`, `wrap`) is looked up on the
 * class at each use, as in Node, so the patches take effect.
 *
 *   require(id)
 *     └ Module._load(id, parent)
 *         ├ 'node:x'             → builtin, never cached in require.cache
 *         ├ Module._resolveFilename → builtin id or absolute real path
 *         ├ Module._cache[filename]  → cached exports (partial if loading:
 *         │                            a cycle)
 *         └ new Module → cache it → module.load(filename)
 *              └ Module._extensions[ext](module, filename)
 *                   .js  → type:module, or module syntax → the ES loader
 *                          (require(esm); the main module: its entry)
 *                        else _compile → wrapper(...)
 *                   .mjs → the ES loader   .json → JSON.parse
 *                   .node → process.dlopen
 *
 * The ES module loader (esm/loader.ts) shares the resolver and package.json
 * cache, and is loaded with the first module that needs it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import hostProcess from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { types } from 'node:util';
import type hostModule from 'node:module';

const hostModuleExports = (): typeof hostModule => require('node:module') as typeof hostModule;
import { compileWrapped, compileWrapper, containsModuleSyntax, defaultWrapper, stripBOM, type DynamicImport } from './compile.js';
// Their top levels only declare: the work (V8's module API, the lexer) starts with the first module.
import { commonJSExportNames } from './esm/cjs-exports.js';
import { EsmLoader } from './esm/loader.js';
import { compileModule, type ModuleCallbacks } from './esm/module-wrap.js';
import { codedError, validateString, ReflectApply } from '@mini/sys';
import { moduleNotFound } from './errors.js';
import { cacheSourceMap } from './source-maps.js';
import { packageImportsResolve } from './package-exports.js';
import { nodeModulePaths, Resolver, statKind, StatKind } from './resolve.js';

const statKindIsFile = (p: string): boolean => statKind(p) === StatKind.File;

export interface BuiltinRegistry {
  /** ids without the 'node:' prefix, e.g. 'fs', 'timers/promises' */
  has(id: string): boolean;
  /** the module's exports */
  load(id: string): unknown;
  /** for Module.builtinModules */
  list(): string[];
}

/** The parts of a `process` object the loader touches. */
export interface LoaderProcess {
  mainModule?: unknown;
  argv?: string[];
  emitWarning?: (message: string, type?: string, code?: string) => void;
  dlopen?: (module: { exports: unknown }, filename: string, flags?: number) => void;
}

export interface ModuleSystemOptions {
  /** Receives `mainModule`; its `emitWarning` and `dlopen` are used when present. Default: the host's process. */
  process?: LoaderProcess;
  /** HOME and NODE_PATH for Module.globalPaths. Default: the host's environment. */
  env?: Record<string, string | undefined>;
  /** The installation prefix is derived from it (prefix/lib/node). Default: the host's execPath. */
  execPath?: string;
  /** --preserve-symlinks */
  preserveSymlinks?: boolean;
  /** Calls back from the loop's poll phase, where an ES module entry runs (see EsmHost.entryTurn). */
  entryTurn?: (callback: () => void) => void;
  /**
   * --inspect-brk: calls the main module's compiled wrapper (the first time
   * it is compiled), pausing a debugger on its first statement.
   */
  callMainAndPause?: (fn: (...args: never[]) => unknown, thisArg: unknown, args: unknown[]) => unknown;
}

export interface ResolveOptions {
  paths?: string[];
}

export interface RequireResolve {
  (request: string, options?: ResolveOptions): string;
  paths(request: string): string[] | null;
}

export interface RequireFunction {
  (id: string): unknown;
  resolve: RequireResolve;
  main: CjsModule | undefined;
  extensions: Record<string, ExtensionLoader>;
  cache: Record<string, CjsModule>;
}

export type ExtensionLoader = (module: CjsModule, filename: string) => void;

export interface CjsModule {
  id: string;
  path: string;
  exports: unknown;
  filename: string | null;
  loaded: boolean;
  children: CjsModule[];
  paths: string[];
  parent: CjsModule | null | undefined;
  readonly isPreloading: boolean;
  require(id: string): unknown;
  load(filename: string): void;
  _compile(content: string, filename: string): unknown;
}

export interface ModuleConstructor {
  new (id?: string, parent?: CjsModule | null): CjsModule;
  readonly prototype: CjsModule;
  Module: ModuleConstructor;
  _cache: Record<string, CjsModule>;
  _pathCache: Record<string, string>;
  _extensions: Record<string, ExtensionLoader>;
  globalPaths: string[];
  builtinModules: readonly string[];
  wrapper: string[];
  wrap(script: string): string;
  _load(request: string, parent: CjsModule | null | undefined, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: CjsModule | null | undefined, isMain?: boolean, options?: ResolveOptions): string;
  _findPath(request: string, paths: readonly string[] | null | undefined, isMain?: boolean): string | false;
  _nodeModulePaths(from: string): string[];
  _resolveLookupPaths(request: string, parent: CjsModule | null | undefined): string[] | null;
  _initPaths(): void;
  _preloadModules(requests?: readonly string[]): void;
  _debug(...args: unknown[]): void;
  createRequire(filename: string | URL): RequireFunction;
  isBuiltin(id: string): boolean;
  syncBuiltinESMExports(): void;
  findSourceMap: typeof hostModule.findSourceMap;
  SourceMap: typeof hostModule.SourceMap;
  register(): never;
  runMain(main?: string): void;
}

export interface ModuleSystem {
  Module: ModuleConstructor;
  /** `mini app.js`: resolve relative to cwd, load as the main module (an ES module's entry settles later). */
  runMain(filename: string): void;
  createRequire(filename: string | URL): RequireFunction;
  /** `--input-type=module -e code`. */
  evalModule(source: string, name: string): void;
  /** import() for code compiled outside a module (-e, stdin). */
  dynamicImport(filename: string): DynamicImport;
  /** `mini --check app.js`: parse the main module as its kind, run nothing (a SyntaxError throws). */
  checkSyntax(filename: string): void;
}

/** A module compiled only to check its syntax never imports or reads import.meta. */
const NO_MODULE_CALLBACKS: ModuleCallbacks = {
  importModuleDynamically: () => Promise.reject(new Error('a module compiled for --check does not run')),
  initializeImportMeta: () => {},
};

/** Reachable only as 'node:x': a bare 'test' is an npm package. */
const SCHEME_ONLY = new Set(['test', 'test/reporters', 'sea', 'sqlite']);

export function createModuleSystem(builtins: BuiltinRegistry, options: ModuleSystemOptions = {}): ModuleSystem {
  const proc: LoaderProcess = options.process ?? hostProcess;
  const env = options.env ?? hostProcess.env;
  const execPath = options.execPath ?? hostProcess.execPath;

  const emitWarning = (message: string, type?: string, code?: string): void => {
    const emit = proc.emitWarning ?? hostProcess.emitWarning.bind(hostProcess);
    ReflectApply(emit, proc, [message, type, code]);
  };
  const resolver = new Resolver({ preserveSymlinks: options.preserveSymlinks ?? false, emitWarning });
  let pauseMain = options.callMainAndPause;

  let esmLoader: EsmLoader | undefined;
  /** The ES module loader, made on first use: a program without ES modules does not load it. */
  const esm = (): EsmLoader => {
    if (esmLoader !== undefined) return esmLoader;
    esmLoader = new EsmLoader({
      resolver,
      isBuiltin: canBeRequiredByUsers,
      isBuiltinWithoutScheme: canBeRequiredWithoutScheme,
      loadBuiltin: (id) => builtins.load(id),
      commonJSExportNames: (filename, source) => commonJSExportNames(filename, source, cjsNamesHost),
      loadCommonJS: loadCommonJSForImport,
      resolveAsCommonJS: (specifier, parentPath) => {
        try {
          // No filename, as Node's hint has it: a relative request is then
          // looked for from the working directory.
          const parent = new Module(parentPath, null);
          parent.paths = Module._nodeModulePaths(path.dirname(parentPath));
          return Module._resolveFilename(specifier, parent, false);
        } catch {
          return false;
        }
      },
      readFileAsync: (filename) => (builtins.load('fs') as typeof fs).promises.readFile(filename, 'utf8'),
      entryTurn: options.entryTurn,
      callMainAndPause: options.callMainAndPause,
      emitWarning,
    });
    return esmLoader;
  };
  /** import() from CommonJS code in `filename`. */
  const dynamicImport =
    (filename: string): DynamicImport =>
    (specifier, _referrer, attributes) =>
      esm().import(specifier, pathToFileURL(filename).href, attributes);

  /** .js modules under no "type", being compiled: module syntax makes them ES modules. */
  const typelessFiles = new WeakSet<CjsModule>();
  /** Modules an import created (their names read, not yet run), run by Module._load when first loaded. */
  const cachedByEsm = new WeakSet<CjsModule>();
  const cjsNamesHost = {
    cached: (filename: string): CjsModule | undefined => Module._cache[filename],
    create(filename: string): CjsModule {
      const mod = new Module(filename, null);
      mod.filename = filename;
      mod.paths = Module._nodeModulePaths(mod.path);
      cachedByEsm.add(mod);
      Module._cache[filename] = mod;
      return mod;
    },
    resolve: (request: string, parent: CjsModule): string => Module._resolveFilename(request, parent, false),
    hasExtension: (ext: string): boolean => Module._extensions[ext] !== undefined,
  };
  function loadCommonJSForImport(filename: string, isMain: boolean): unknown {
    const cached = Module._cache[filename];
    if (cached !== undefined && (cached.loaded || !cachedByEsm.has(cached)))
      return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
    return Module._load(filename, undefined, isMain);
  }
  /** require() of an ES module, as Node 20.20 does it. */
  function requireEsm(mod: CjsModule, filename: string): void {
    mod.exports = esm().requireModule(filename, parentOf(mod)?.filename ?? undefined);
  }
  /** The main module is an ES module: its entry runs from the loop, as node's does. */
  function runEsmMain(filename: string): void {
    // No CommonJS main: process.mainModule and require.main are undefined, as in node.
    mainModule = undefined;
    setOwn(proc, 'mainModule', undefined);
    const promise = esm().runMain(filename);
    let settled = false;
    // A failure stays an unhandled rejection, which the host reports as node
    // reports a failed entry (the file:line, source line and caret first).
    void promise.then(
      () => {
        settled = true;
      },
      (err: unknown) => {
        settled = true;
        throw err;
      },
    );
    // A top-level await still waiting when the loop ran out: node's exit code 13.
    // An explicit process.exit(code) keeps its code, as in node.
    hostProcess.once('exit', () => {
      if (!settled && hostProcess.exitCode === undefined) hostProcess.exitCode = 13;
    });
  }

  const canBeRequiredByUsers = (id: string): boolean => builtins.has(id);
  const canBeRequiredWithoutScheme = (id: string): boolean => !SCHEME_ONLY.has(id) && builtins.has(id);
  /** 'fs' and 'node:fs' name builtins; 'node:nope' and 'test' do not. */
  const isRequirableBuiltin = (request: string): boolean =>
    request.startsWith('node:') ? canBeRequiredByUsers(request.slice(5)) : canBeRequiredWithoutScheme(request);

  let mainModule: CjsModule | undefined;
  /** NODE_PATH entries, then the global folders: searched after every node_modules. */
  let modulePaths: string[] = [];
  const parents = new WeakMap<CjsModule, CjsModule | null | undefined>();
  const parentOf = (mod: CjsModule): CjsModule | null | undefined => parents.get(mod);

  function updateChildren(parent: CjsModule | null | undefined, child: CjsModule, scan: boolean): void {
    const children = parent?.children;
    if (children && !(scan && children.includes(child))) children.push(child);
  }

  // A module that is still loading hands out its partial exports. Reading a
  // property it does not have yet is almost always a cycle bug, so Node
  // warns; the prototype swap below does that without touching own keys.
  const emitCircularWarning = (prop: PropertyKey): void =>
    emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
  const circularWarningProto: object = new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop in Object.prototype || prop === '__esModule') return (Object.prototype as Record<PropertyKey, unknown>)[prop];
        emitCircularWarning(prop);
        return undefined;
      },
      getOwnPropertyDescriptor(target, prop) {
        if (Object.hasOwn(target, prop) || prop === '__esModule') return Object.getOwnPropertyDescriptor(target, prop);
        emitCircularWarning(prop);
        return undefined;
      },
    },
  );
  function exportsForCircularRequire(mod: CjsModule): unknown {
    const exp: unknown = mod.exports;
    if (
      exp !== null &&
      typeof exp === 'object' &&
      !types.isProxy(exp) &&
      Object.getPrototypeOf(exp) === Object.prototype &&
      !(exp as { __esModule?: unknown }).__esModule
    ) {
      Object.setPrototypeOf(exp, circularWarningProto);
    }
    return exp;
  }

  function makeRequire(mod: CjsModule): RequireFunction {
    const require = function require(id: string): unknown {
      return mod.require(id);
    } as RequireFunction;
    const resolve = function resolve(request: string, resolveOptions?: ResolveOptions): string {
      validateString(request, 'request');
      return Module._resolveFilename(request, mod, false, resolveOptions);
    } as RequireResolve;
    resolve.paths = function paths(request: string): string[] | null {
      validateString(request, 'request');
      return Module._resolveLookupPaths(request, mod);
    };
    require.resolve = resolve;
    require.main = mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
  }

  /** After a cached module's load: a failure takes it out of the cache again. */
  function settleLoad(mod: CjsModule, filename: string, parent: CjsModule | null | undefined, threw: boolean): void {
    if (threw) {
      delete Module._cache[filename];
      const siblings = parent?.children;
      const index = siblings ? siblings.indexOf(mod) : -1;
      if (siblings && index !== -1) siblings.splice(index, 1);
    } else if (
      mod.exports !== null &&
      typeof mod.exports === 'object' &&
      !types.isProxy(mod.exports) &&
      Object.getPrototypeOf(mod.exports) === circularWarningProto
    ) {
      Object.setPrototypeOf(mod.exports, Object.prototype);
    }
  }

  let wrapperPatched = false;
  let wrapperParts = defaultWrapper();
  const makeWrapperProxy = (parts: string[]) =>
    new Proxy(parts, {
      set(target, prop, value) {
        wrapperPatched = true;
        return Reflect.set(target, prop, value);
      },
      defineProperty(target, prop, descriptor) {
        wrapperPatched = true;
        return Reflect.defineProperty(target, prop, descriptor);
      },
    });
  let wrapperProxy = makeWrapperProxy(wrapperParts);
  let wrapFn = (script: string): string => `${wrapperParts[0]}${script}${wrapperParts[1]}`;

  class Module implements CjsModule {
    declare id: string;
    declare path: string;
    declare exports: unknown;
    declare filename: string | null;
    declare loaded: boolean;
    declare children: CjsModule[];
    declare paths: string[];

    static Module: ModuleConstructor;
    static _cache: Record<string, CjsModule> = Object.create(null) as Record<string, CjsModule>;
    static _pathCache: Record<string, string> = Object.create(null) as Record<string, string>;
    static _extensions: Record<string, ExtensionLoader> = Object.create(null) as Record<string, ExtensionLoader>;
    static globalPaths: string[] = [];
    static builtinModules: readonly string[] = [];
    declare static wrapper: string[];
    declare static wrap: (script: string) => string;

    constructor(id = '', parent?: CjsModule | null) {
      this.id = id;
      this.path = path.dirname(id);
      this.exports = {};
      parents.set(this, parent);
      updateChildren(parent, this, false);
      this.filename = null;
      this.loaded = false;
      this.children = [];
    }

    get parent(): CjsModule | null | undefined {
      return parents.get(this);
    }

    set parent(value: CjsModule | null | undefined) {
      parents.set(this, value);
    }

    get isPreloading(): boolean {
      return false;
    }

    require(id: string): unknown {
      validateString(id, 'id');
      if (id === '') throw codedError('ERR_INVALID_ARG_VALUE', 'id', id, 'must be a non-empty string');
      return Module._load(id, this, false);
    }

    load(filename: string): void {
      this.filename = filename;
      this.paths = Module._nodeModulePaths(path.dirname(filename));
      const extension = longestRegisteredExtension(filename);
      if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) {
        requireEsm(this, filename);
        this.loaded = true;
        return;
      }
      const loader = Module._extensions[extension] as ExtensionLoader;
      loader(this, filename);
      this.loaded = true;
    }

    _compile(content: string, filename: string): unknown {
      cacheSourceMap(filename, content, this);
      const importer = dynamicImport(filename);
      let fn;
      try {
        fn = wrapperPatched ? compileWrapped(Module.wrap(content), filename, importer) : compileWrapper(content, filename, importer);
      } catch (err) {
        // A .js with no "type" that only parses as a module is one (Node
        // 20.19+). Only the compile is inside the try: an error the body
        // throws must reach the host untouched, or it would report our line.
        if (typelessFiles.has(this) && err instanceof SyntaxError && containsModuleSyntax(content, filename)) {
          typelessFiles.delete(this);
          loadAsModule(this, filename);
          return undefined;
        }
        throw err;
      }
      typelessFiles.delete(this);
      const exports: unknown = this.exports;
      const args = [exports, makeRequire(this), this, filename, path.dirname(filename)];
      if (pauseMain !== undefined && this === mainModule) {
        const call = pauseMain;
        pauseMain = undefined;
        return call(fn, exports, args);
      }
      return Reflect.apply(fn, exports, args);
    }

    static _load(request: string, parent: CjsModule | null | undefined, isMain: boolean): unknown {
      if (request.startsWith('node:')) {
        const id = request.slice(5);
        if (!canBeRequiredByUsers(id)) throw codedError('ERR_UNKNOWN_BUILTIN_MODULE', request);
        return builtins.load(id);
      }
      const filename = Module._resolveFilename(request, parent, isMain);
      const cached = Module._cache[filename];
      let mod: CjsModule;
      if (cached !== undefined && cachedByEsm.has(cached) && !cached.loaded) {
        // Created by an import that read its export names: it runs now, once.
        cachedByEsm.delete(cached);
        mod = cached;
      } else {
        if (cached !== undefined) {
          updateChildren(parent, cached, true);
          return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
        }
        // After the cache, so require.cache['fs'] can stand in for a builtin.
        if (canBeRequiredWithoutScheme(filename)) return builtins.load(filename);
        mod = new Module(filename, parent);
        Module._cache[filename] = mod;
      }
      if (isMain) {
        mainModule = mod;
        setOwn(proc, 'mainModule', mod);
        mod.id = '.';
      }
      // Loaded here rather than in a helper: the frames between a module's
      // top level and its require() are node's six, which replace them one
      // for one, so Error.stackTraceLimit cuts a stack where it cuts node's.
      let threw = true;
      try {
        mod.load(filename);
        threw = false;
      } finally {
        settleLoad(mod, filename, parent, threw);
      }
      return mod.exports;
    }

    static _resolveFilename(
      request: string,
      parent: CjsModule | null | undefined,
      isMain = false,
      resolveOptions?: ResolveOptions,
    ): string {
      if (isRequirableBuiltin(request)) return request;

      let paths: readonly string[] | null;
      if (typeof resolveOptions === 'object' && resolveOptions !== null) {
        if (Array.isArray(resolveOptions.paths)) {
          if (request.startsWith('./') || request.startsWith('../')) {
            paths = resolveOptions.paths;
          } else {
            const fakeParent = new Module('', null);
            const merged: string[] = [];
            for (const dir of resolveOptions.paths) {
              fakeParent.paths = Module._nodeModulePaths(dir);
              for (const p of Module._resolveLookupPaths(request, fakeParent) ?? []) {
                if (!merged.includes(p)) merged.push(p);
              }
            }
            paths = merged;
          }
        } else if (resolveOptions.paths === undefined) {
          paths = Module._resolveLookupPaths(request, parent);
        } else {
          throw codedError('ERR_INVALID_ARG_VALUE', 'options.paths', resolveOptions.paths);
        }
      } else {
        paths = Module._resolveLookupPaths(request, parent);
      }

      if (request[0] === '#' && parent?.filename) {
        const parentPath = parent.filename;
        const scope = resolver.packages.scope(parentPath);
        if (scope !== undefined && scope.config.imports != null) {
          const resolved = packageImportsResolve(request, pathToFileURL(scope.config.pjsonPath), scope.config.imports, parentPath, (bare) =>
            Module._resolveFilename(bare, parent, false),
          );
          if (typeof resolved === 'string') return resolved;
          return resolver.finalizeExportsTarget(resolved, scope.dir, parentPath);
        }
      }

      const parentPath = parent?.filename || undefined;
      const self = resolver.resolveSelf(parentPath, request);
      if (self) {
        const key = `${request}\x00${(paths ?? []).join('\x00')}`;
        Module._pathCache[key] = self;
        return self;
      }

      const filename = Module._findPath(request, paths, isMain);
      if (filename) return filename;

      const requireStack: string[] = [];
      for (let cursor = parent; cursor; cursor = parentOf(cursor)) {
        requireStack.push(cursor.filename || cursor.id);
      }
      // Thrown from a statement of its own, so the uncaught-error header reads `throw err;` as node's.
      const err = moduleNotFound(request, requireStack);
      throw err;
    }

    static _findPath(request: string, paths: readonly string[] | null | undefined, isMain = false): string | false {
      return resolver.findPath(request, paths, isMain, Object.keys(Module._extensions), Module._pathCache);
    }

    static _nodeModulePaths(from: string): string[] {
      return nodeModulePaths(from);
    }

    /**
     * Where to look: for 'x', every node_modules up from the parent then the
     * global folders; for './x', the parent's directory; null for builtins.
     */
    static _resolveLookupPaths(request: string, parent: CjsModule | null | undefined): string[] | null {
      if (isRequirableBuiltin(request)) return null;
      // '.x' is a package name; '..x', odd as it is, counts as relative in Node.
      const looksRelative = request[0] === '.' && (request.length === 1 || request[1] === '.' || request[1] === '/');
      if (!looksRelative) {
        const paths = parent?.paths?.length ? [...parent.paths, ...modulePaths] : modulePaths;
        return paths.length > 0 ? paths : null;
      }
      if (!parent || !parent.id || !parent.filename) return ['.'];
      return [path.dirname(parent.filename)];
    }

    static _initPaths(): void {
      const home = env.HOME;
      const prefix = path.resolve(execPath, '..', '..');
      const paths = [path.resolve(prefix, 'lib', 'node')];
      if (home) paths.unshift(path.resolve(home, '.node_modules'), path.resolve(home, '.node_libraries'));
      const nodePath = env.NODE_PATH;
      if (nodePath) paths.unshift(...nodePath.split(path.delimiter).filter(Boolean));
      modulePaths = paths;
      Module.globalPaths = [...paths];
    }

    /** `-r module`: loaded before main, relative to the working directory. */
    static _preloadModules(requests?: readonly string[]): void {
      if (!Array.isArray(requests) || requests.length === 0) return;
      const parent = new Module('internal/preload', null);
      parent.paths = Module._nodeModulePaths(hostProcess.cwd());
      for (const request of requests) parent.require(request);
    }

    static _debug(): void {
      // Node's deprecated debug hook: a no-op there too unless NODE_DEBUG=module.
    }

    static createRequire(filename: string | URL): RequireFunction {
      const reason = 'must be a file URL object, file URL string, or absolute path string';
      let filepath: string;
      if (filename instanceof URL || (typeof filename === 'string' && !path.isAbsolute(filename))) {
        try {
          filepath = fileURLToPath(filename);
        } catch {
          throw codedError('ERR_INVALID_ARG_VALUE', 'filename', filename, reason);
        }
      } else if (typeof filename !== 'string') {
        throw codedError('ERR_INVALID_ARG_VALUE', 'filename', filename, reason);
      } else {
        filepath = filename;
      }
      // A directory ("/app/") stands for a file inside it.
      const proxyPath = filepath.endsWith('/') ? path.join(filepath, 'noop.js') : filepath;
      const mod = new Module(proxyPath);
      mod.filename = proxyPath;
      mod.paths = Module._nodeModulePaths(mod.path);
      return makeRequire(mod);
    }

    static isBuiltin(id: string): boolean {
      return typeof id === 'string' && isRequirableBuiltin(id);
    }

    /** Named exports of imported builtins take the values their exports objects have now. */
    static syncBuiltinESMExports(): void {
      esmLoader?.syncBuiltinExports();
    }

    // The host's, loaded on first use: `node:module` pulls in source-map
    // support that a program that never asks for it should not pay for.
    static get findSourceMap(): typeof hostModule.findSourceMap {
      return hostModuleExports().findSourceMap;
    }
    static get SourceMap(): typeof hostModule.SourceMap {
      return hostModuleExports().SourceMap;
    }
    /** Loader hooks would run the host's ES loader on its own thread: not ours, so not offered. */
    static register(): never {
      throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'module.register()', 'loader hooks');
    }

    static runMain(main: string | undefined = proc.argv?.[1]): void {
      if (main === undefined) throw codedError('ERR_INVALID_ARG_TYPE', 'main', 'string', main);
      runMain(main);
    }
  }

  Object.defineProperty(Module.prototype, 'parent', { enumerable: false, configurable: false });
  Object.defineProperty(Module, 'wrap', {
    get: () => wrapFn,
    set: (value: (script: string) => string) => {
      wrapperPatched = true;
      wrapFn = value;
    },
    enumerable: false,
    configurable: false,
  });
  Object.defineProperty(Module, 'wrapper', {
    get: () => wrapperProxy,
    set: (value: string[]) => {
      wrapperPatched = true;
      wrapperParts = value as [string, string];
      wrapperProxy = makeWrapperProxy(wrapperParts);
    },
    enumerable: false,
    configurable: false,
  });

  /** 'a.test.js' tries '.test.js', then '.js'; unknown extensions load as JS. */
  function longestRegisteredExtension(filename: string): string {
    const name = path.basename(filename);
    for (let dot = name.indexOf('.', 1); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      const ext = name.slice(dot);
      if (Module._extensions[ext]) return ext;
    }
    return '.js';
  }

  Module._extensions['.js'] = (mod, filename) => {
    const content = fs.readFileSync(filename, 'utf8');
    // Only a .js takes its package's "type"; any other name but .cjs (a bin
    // script without one, say) is decided by its syntax, as in Node.
    const type = filename.endsWith('.js')
      ? (resolver.packages.scope(filename)?.config.type ?? 'none')
      : filename.endsWith('.cjs')
        ? 'commonjs'
        : 'none';
    if (type === 'module') return loadAsModule(mod, filename);
    if (type === 'none') typelessFiles.add(mod);
    mod._compile(content, filename);
  };
  /** An ES module reached through the CommonJS loader: the main module's entry, or require(esm). */
  function loadAsModule(mod: CjsModule, filename: string): void {
    if (mod.id === '.' && parentOf(mod) === null) {
      runEsmMain(filename);
      return;
    }
    requireEsm(mod, filename);
  }
  Module._extensions['.json'] = (mod, filename) => {
    const content = fs.readFileSync(filename, 'utf8');
    try {
      mod.exports = JSON.parse(stripBOM(content));
    } catch (err) {
      (err as Error).message = `${filename}: ${(err as Error).message}`;
      throw err;
    }
  };
  Module._extensions['.node'] = (mod, filename) => {
    const dlopen = proc.dlopen ?? hostProcess.dlopen.bind(hostProcess);
    ReflectApply(dlopen, proc, [mod, path.toNamespacedPath(filename)]);
  };

  const ModuleClass = Module as unknown as ModuleConstructor;
  Module.Module = ModuleClass;
  // In node's order: sorted, as its build lists them.
  Module.builtinModules = Object.freeze(builtins.list().filter(canBeRequiredWithoutScheme).sort());
  Module._initPaths();

  /**
   * The main module: an .mjs, or any file but a .cjs under
   * "type": "module", starts as an ES module entry (node decides so before
   * loading); anything else goes through Module._load, where a .js with
   * module syntax still becomes an entry.
   */
  function isEsmEntry(found: string): boolean {
    return found.endsWith('.mjs') || (!found.endsWith('.cjs') && resolver.packages.scope(found)?.config.type === 'module');
  }

  function runMain(main: string): void {
    const resolved = path.resolve(main);
    const found = Module._findPath(resolved, null, true) || resolved;
    if (isEsmEntry(found) && statKindIsFile(found)) {
      runEsmMain(found);
      return;
    }
    Module._load(resolved, null, true);
  }

  return {
    Module: ModuleClass,
    runMain,
    createRequire: (filename: string | URL) => Module.createRequire(filename),
    evalModule(source: string, name: string): void {
      // '[eval1]' stays as it is in the URL: node does not percent-encode it.
      const url = `${pathToFileURL(path.join(hostProcess.cwd(), '/')).href}${name}`;
      // Left unhandled: a failure is reported as node reports a failed entry.
      void esm().evalModule(source, url);
    },
    dynamicImport,
    checkSyntax(main: string): void {
      const resolved = path.resolve(main);
      const found = Module._findPath(resolved, null, true);
      if (found === false) throw moduleNotFound(resolved, []);
      const source = fs.readFileSync(found, 'utf8');
      // An ES module is parsed, not linked: a missing import is no syntax error.
      // Named by its path, not its URL: node's --check reports `/dir/app.mjs:1`.
      const asModule = (text: string): void => void compileModule(text, found, NO_MODULE_CALLBACKS);
      if (isEsmEntry(found)) return asModule(source);
      const content = stripBOM(source);
      if (!found.endsWith('.cjs') && containsModuleSyntax(content, found)) return asModule(content);
      compileWrapper(content, found);
    },
  };
}

function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
