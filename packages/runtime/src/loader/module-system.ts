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
 *                   .js  → type:module check → _compile → wrapper(...)
 *                   .json → JSON.parse    .node → process.dlopen
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import hostProcess from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { types } from 'node:util';
import type hostModule from 'node:module';

const hostModuleExports = (): typeof hostModule => require('node:module') as typeof hostModule;
import { compileWrapped, compileWrapper, defaultWrapper, hasEsmSyntax, stripBOM } from './compile.js';
import { codedError, validateString, ReflectApply } from '@mini/sys';
import { moduleNotFound } from './errors.js';
import { packageImportsResolve } from './package-exports.js';
import { nodeModulePaths, Resolver } from './resolve.js';

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
  register: typeof hostModule.register;
  runMain(main?: string): void;
}

export interface ModuleSystem {
  Module: ModuleConstructor;
  /** `mini app.js`: resolve relative to cwd, load as the main module. */
  runMain(filename: string): void;
  createRequire(filename: string | URL): RequireFunction;
}

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
        throw codedError('ERR_REQUIRE_ESM', filename, true, parentOf(this)?.filename ?? undefined);
      }
      const loader = Module._extensions[extension] as ExtensionLoader;
      loader(this, filename);
      this.loaded = true;
    }

    _compile(content: string, filename: string): unknown {
      const fn = wrapperPatched ? compileWrapped(Module.wrap(content), filename) : compileWrapper(content, filename);
      const exports: unknown = this.exports;
      return Reflect.apply(fn, exports, [exports, makeRequire(this), this, filename, path.dirname(filename)]);
    }

    static _load(request: string, parent: CjsModule | null | undefined, isMain: boolean): unknown {
      if (request.startsWith('node:')) {
        const id = request.slice(5);
        if (!canBeRequiredByUsers(id)) throw codedError('ERR_UNKNOWN_BUILTIN_MODULE', request);
        return builtins.load(id);
      }
      const filename = Module._resolveFilename(request, parent, isMain);
      const cached = Module._cache[filename];
      if (cached !== undefined) {
        updateChildren(parent, cached, true);
        return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
      }
      // After the cache, so require.cache['fs'] can stand in for a builtin.
      if (canBeRequiredWithoutScheme(filename)) return builtins.load(filename);

      const mod = new Module(filename, parent);
      if (isMain) {
        mainModule = mod;
        setOwn(proc, 'mainModule', mod);
        mod.id = '.';
      }
      Module._cache[filename] = mod;
      let threw = true;
      try {
        mod.load(filename);
        threw = false;
      } finally {
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
      throw moduleNotFound(request, requireStack);
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

    static syncBuiltinESMExports(): void {
      // Builtins are not shared with an ESM loader here: nothing to sync.
    }

    // The host's, loaded on first use: `node:module` pulls in source-map
    // support that a program that never asks for it should not pay for.
    static get findSourceMap(): typeof hostModule.findSourceMap {
      return hostModuleExports().findSourceMap;
    }
    static get SourceMap(): typeof hostModule.SourceMap {
      return hostModuleExports().SourceMap;
    }
    static get register(): typeof hostModule.register {
      return hostModuleExports().register;
    }

    static runMain(main: string | undefined = proc.argv?.[1]): void {
      if (main === undefined) throw codedError('ERR_INVALID_ARG_TYPE', 'main', 'string', main);
      Module._load(path.resolve(main), null, true);
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
    if (filename.endsWith('.js')) {
      const scope = resolver.packages.scope(filename);
      if (scope?.config.type === 'module') {
        const parentPath = parentOf(mod)?.filename ?? undefined;
        throw codedError('ERR_REQUIRE_ESM', filename, hasEsmSyntax(content), parentPath, scope.config.pjsonPath);
      }
    }
    mod._compile(content, filename);
  };
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
  Module.builtinModules = Object.freeze(builtins.list().filter(canBeRequiredWithoutScheme));
  Module._initPaths();

  return {
    Module: ModuleClass,
    runMain: (filename: string) => Module._load(path.resolve(filename), null, true),
    createRequire: (filename: string | URL) => Module.createRequire(filename),
  };
}

function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
