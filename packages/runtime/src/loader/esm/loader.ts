/**
 * The ES module loader: one module map per module system, filled in two
 * ways that share it.
 *
 *   import() / the main module (async)        require(esm) (sync)
 *     fetch: source read with our fs on the     fetch: readFileSync
 *       loop (as node reads it: an ESM main
 *       runs in a poll-phase microtask)
 *     deps fetched in parallel                   deps fetched depth first
 *     link, instantiateSync                      link, instantiateSync
 *     evaluate → promise (top-level await       TLA in the graph →
 *       keeps the loop running)                   ERR_REQUIRE_ASYNC_MODULE,
 *                                                else evaluateSync
 *
 * A record is in the map from the moment its source compiled, before its
 * dependencies are known, so a cycle finds it. Each record links once its
 * direct dependencies exist; a graph is ready when every record reachable
 * from its root has linked.
 *
 * Formats: 'module' (source text), 'commonjs' (a facade whose names come
 * from cjs-module-lexer, as Node's; the module runs through our CommonJS
 * loader when the facade evaluates), 'json' (needs `with { type: 'json' }`)
 * and 'builtin' (the exports `require()` returns, its own keys as named
 * exports, so `import('node:net')` is our net).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codedError } from '@mini/sys';
import { containsModuleSyntax, stripBOM } from '../compile.js';
import { decorateLinkError } from '../errors.js';
import type { Resolver } from '../resolve.js';
import { compileModule, Status, syntheticModule, type ModuleCallbacks, type ModuleWrap } from './module-wrap.js';
import { EsmResolver } from './resolve.js';

export type Format = 'module' | 'commonjs' | 'json' | 'builtin';

interface ModuleRecord {
  url: string;
  format: Format;
  wrap: ModuleWrap;
  /** Source-text modules: their requests; linking waits for their records. */
  requests: { specifier: string; attributes: Record<string, string> }[];
  linked: boolean;
  /** Async only: settles when this record's direct dependencies exist and it linked. */
  linking?: Promise<void>;
  /** The facade require(esm) returns for a module with a default export (adds __esModule). */
  requireFacade?: ModuleWrap;
}

/** What the ES loader needs from the CommonJS module system around it. */
export interface EsmHost {
  resolver: Resolver;
  isBuiltin(id: string): boolean;
  isBuiltinWithoutScheme(id: string): boolean;
  loadBuiltin(id: string): unknown;
  /** Export names of a CommonJS file (cjs-module-lexer, reexports followed); caches its Module. */
  commonJSExportNames(filename: string, source: string): string[];
  /** Runs (once) the CommonJS module an import named; its module.exports. */
  loadCommonJS(filename: string, isMain: boolean): unknown;
  resolveAsCommonJS(specifier: string, parentPath: string): string | false;
  /** Our fs.promises.readFile, so import() reads on our loop. */
  readFileAsync(filename: string): Promise<string>;
  /**
   * Calls back from the loop's poll phase, where node's entry module runs
   * (after its file was read on the pool). Without it the entry's files are
   * read through readFileAsync, which lands there too, only slower.
   */
  entryTurn?: ((callback: () => void) => void) | undefined;
  /** --inspect-brk: calls the entry's evaluation, pausing a debugger on the first statement it runs. */
  callMainAndPause?: ((fn: (...args: never[]) => unknown, thisArg: unknown, args: unknown[]) => unknown) | undefined;
  emitWarning(message: string, type?: string, code?: string): void;
}

const SUPPORTED_TYPES = new Set(['json']);

export class EsmLoader {
  private readonly map = new Map<string, ModuleRecord>();
  private readonly fetching = new Map<string, Promise<ModuleRecord>>();
  private readonly resolver: EsmResolver;
  private readonly warnedTypeless = new Set<string>();
  /** While the entry is read ahead of its turn: its warnings, emitted when it runs. */
  private deferredWarnings: (() => void)[] | undefined;
  /** Builtin facades, for module.syncBuiltinESMExports(). */
  private readonly builtins: { wrap: ModuleWrap; exports: unknown; names: string[] }[] = [];

  constructor(private readonly host: EsmHost) {
    this.resolver = new EsmResolver(host);
  }

  resolve(specifier: string, parentURL: string): URL {
    return this.resolver.resolve(specifier, parentURL);
  }

  // ---- the async path: import() and the main module ---------------------------

  /** import(specifier) from the module or script at parentURL: its namespace. */
  async import(specifier: string, parentURL: string, attributes: Record<string, string> = {}): Promise<unknown> {
    const url = this.resolve(specifier, parentURL);
    const record = await this.fetchAsync(url, attributes);
    await this.linkGraphAsync(record);
    return this.evaluateAsync(record);
  }

  /** `mini app.mjs`: the entry point. The promise rejects as node's would, unhandled. */
  async runMain(filename: string): Promise<unknown> {
    const entryTurn = this.host.entryTurn;
    if (entryTurn === undefined) {
      const record = await this.fetchAsync(pathToFileURL(filename), {}, true);
      await this.linkGraphAsync(record);
      return this.evaluateAsync(record, this.host.callMainAndPause);
    }
    // The graph is read synchronously (the pool's start and a loop turn per
    // file cost a hello-world module ~5 ms); only its evaluation waits for
    // the poll phase, so what it schedules runs in node's order.
    // The entry's own type warning comes at once (node's CommonJS loader
    // gives it while deciding); its dependencies' when the entry runs.
    const record = this.fetchSync(pathToFileURL(filename), {}, undefined, true);
    this.deferredWarnings = [];
    try {
      this.linkGraphSync(record);
    } finally {
      await new Promise<void>((resolve) => entryTurn(resolve));
      // Node warns while it loads the entry, in the same turn as it evaluates it.
      const warnings = this.deferredWarnings;
      this.deferredWarnings = undefined;
      for (const warn of warnings) warn();
    }
    return this.evaluateAsync(record, this.host.callMainAndPause);
  }

  /** `--input-type=module -e code`: a module at file:///cwd/[eval1]. */
  async evalModule(source: string, url: string): Promise<unknown> {
    const record = this.recordFor(url, 'module', source);
    await this.linkGraphAsync(record);
    return this.evaluateAsync(record);
  }

  private evaluateAsync(record: ModuleRecord, pausing?: EsmHost['callMainAndPause']): Promise<unknown> {
    const wrap = record.wrap;
    if (wrap.getStatus() < Status.Linked) this.instantiate(record, pausing);
    return wrap.evaluate(-1, false).then(
      () => wrap.getNamespace(),
      (err: unknown) => {
        this.explainCommonJSGlobal(err, record.url);
        throw err;
      },
    );
  }

  /** Instantiates a graph; true when it has top-level await. */
  private instantiate(record: ModuleRecord, pausing?: EsmHost['callMainAndPause']): boolean {
    try {
      return record.wrap.instantiateSync(pausing);
    } catch (err) {
      this.explainMissingExport(err, record);
      decorateLinkError(err);
      throw err;
    }
  }

  /**
   * A name a CommonJS module does not visibly export: Node's message says
   * why and shows the default-import form, built from the import statement
   * (when it sits on one line) of the module that asked.
   */
  private explainMissingExport(err: unknown, root: ModuleRecord): void {
    if (!(err instanceof SyntaxError)) return;
    const match = /module '(.*)' does not provide an export named '(.+)'/.exec(err.message);
    if (match === null) return;
    const [, child, name] = match as unknown as [string, string, string];
    const seen = new Set<ModuleRecord>();
    const stack = [root];
    while (stack.length > 0) {
      const record = stack.pop()!;
      if (seen.has(record)) continue;
      seen.add(record);
      const deps = this.dependencies(record);
      const index = record.requests.findIndex((r) => r.specifier === child);
      if (index !== -1 && deps[index]?.format === 'commonjs') {
        let statement: string | undefined;
        try {
          const source = fs.readFileSync(fileURLToPath(record.url), 'utf8');
          statement = source.split('\n').find((line) => line.includes(`'${child}'`) || line.includes(`"${child}"`));
        } catch {
          statement = undefined;
        }
        const names = statement === undefined ? null : /{.*}/.exec(statement);
        const destructuring = names === null ? '' : `const ${names[0].replace(/\s+as\s+/g, ': ')} = pkg;\n`;
        err.message =
          `Named export '${name}' not found. The requested module '${child}' is a CommonJS module, which may not support all module.exports as named exports.\n` +
          `CommonJS modules can always be imported via the default export, for example using:\n\nimport pkg from '${child}';\n${destructuring}`;
        return;
      }
      for (const dep of deps) if (dep !== undefined) stack.push(dep);
    }
  }

  /**
   * `require`, `module`, `exports`, `__filename`, `__dirname` used in a
   * module: Node's message says why they are missing (of the graph's root).
   */
  private explainCommonJSGlobal(err: unknown, url: string): void {
    if (!(err instanceof Error) || err.name !== 'ReferenceError') return;
    const name = /^(require|module|exports|__filename|__dirname) is not defined$/.exec(err.message)?.[1];
    if (name === undefined) return;
    err.message += ' in ES module scope';
    if (name === 'require') err.message += ', you can use import instead';
    if (!url.startsWith('file://') || !/\.js(\?[^#]*)?(#.*)?$/.test(url)) return;
    const scope = this.host.resolver.packages.scope(fileURLToPath(url));
    if (scope?.config.type === 'module') {
      err.message += `\nThis file is being treated as an ES module because it has a '.js' file extension and '${scope.config.pjsonPath}' contains "type": "module". To treat it as a CommonJS script, rename it to use the '.cjs' file extension.`;
    }
  }

  private fetchAsync(url: URL, attributes: Record<string, string>, isMain = false): Promise<ModuleRecord> {
    const key = url.href;
    const existing = this.map.get(key);
    // As many ticks as for a caller that waits for the fetch below: two
    // import() calls of one module settle in the order they were made.
    if (existing !== undefined) return Promise.resolve(existing).then((record) => this.checkAttributes(record, attributes));
    let pending = this.fetching.get(key);
    if (pending === undefined) {
      pending = (async () => {
        const format = this.formatOf(url);
        let source: string | undefined;
        if (format === 'module' || format === 'json' || format === undefined) source = await this.host.readFileAsync(fileURLToPath(url));
        // A require() may have made the record while the file was read.
        return this.map.get(key) ?? this.recordFor(key, format ?? this.detect(url, source!), source, isMain);
      })();
      this.fetching.set(key, pending);
      const clear = () => this.fetching.delete(key);
      pending.then(clear, clear);
    }
    return pending.then((record) => this.checkAttributes(record, attributes));
  }

  private async linkGraphAsync(root: ModuleRecord): Promise<void> {
    const seen = new Set<ModuleRecord>();
    const visit = async (record: ModuleRecord): Promise<void> => {
      if (seen.has(record)) return;
      seen.add(record);
      if (!record.linked) {
        record.linking ??= (async () => {
          const deps = await Promise.all(record.requests.map((r) => this.fetchAsync(this.resolve(r.specifier, record.url), r.attributes)));
          this.link(record, deps);
        })();
        await record.linking;
      }
      await Promise.all(this.dependencies(record).map(visit));
    };
    await visit(root);
  }

  /** module.syncBuiltinESMExports(): each evaluated builtin facade takes its exports' current values. */
  syncBuiltinExports(): void {
    for (const { wrap, exports, names } of this.builtins) {
      if (wrap.getStatus() !== Status.Evaluated) continue;
      for (const name of names) wrap.setExport(name, (exports as Record<string, unknown>)[name]);
    }
  }

  // ---- the sync path: require(esm) --------------------------------------------

  /** require() of an ES module: its namespace, evaluated synchronously. */
  requireModule(filename: string, parentFilename: string | undefined): unknown {
    const record = this.fetchSync(pathToFileURL(filename), {}, 'module');
    this.linkGraphSync(record);
    const wrap = record.wrap;
    const status = wrap.getStatus();
    if (status === Status.Errored) throw wrap.getError();
    if (status === Status.Evaluating) {
      throw codedError(
        'ERR_REQUIRE_CYCLE_MODULE',
        `Cannot require() ES Module ${filename} in a cycle.${parentFilename ? ` (from ${parentFilename})` : ''} A cycle involving require(esm) is not allowed to maintain invariants mandated by the ECMAScript specification. Try making at least part of the dependency in the graph lazily loaded.`,
      );
    }
    if (status < Status.Evaluating) {
      const isAsync = this.instantiate(record);
      if (isAsync) throw codedError('ERR_REQUIRE_ASYNC_MODULE', filename, parentFilename);
      try {
        wrap.evaluateSync(filename, parentFilename);
      } catch (err) {
        this.explainCommonJSGlobal(err, record.url);
        throw err;
      }
    }
    return this.requireFacade(record);
  }

  /**
   * What require(esm) hands out: the namespace, or, for a module with a
   * default export and no __esModule, a facade that adds `__esModule: true`
   * (so code transpiled to CommonJS reads `.default` as it expects).
   */
  private requireFacade(record: ModuleRecord): unknown {
    const namespace = record.wrap.getNamespace();
    if (!('default' in namespace) || '__esModule' in namespace) return namespace;
    if (record.requireFacade === undefined) {
      const facade = compileModule(
        "export * from 'original'; export { default } from 'original'; export const __esModule = true;",
        record.url,
        this.callbacks(record.url),
      );
      // One request or two, as the host counts a repeated specifier.
      const requests = facade.getModuleRequests();
      facade.link(
        requests.map((r) => r.specifier),
        requests.map(() => record.wrap),
      );
      facade.instantiateSync();
      facade.evaluateSync(undefined, undefined);
      record.requireFacade = facade;
    }
    return record.requireFacade.getNamespace();
  }

  private fetchSync(url: URL, attributes: Record<string, string>, knownFormat?: Format, isMain = false): ModuleRecord {
    const key = url.href;
    const existing = this.map.get(key);
    if (existing !== undefined) return this.checkAttributes(existing, attributes);
    const format = knownFormat ?? this.formatOf(url);
    let source: string | undefined;
    if (format === 'module' || format === 'json' || format === undefined) source = fs.readFileSync(fileURLToPath(url), 'utf8');
    return this.checkAttributes(this.recordFor(key, format ?? this.detect(url, source!), source, isMain), attributes);
  }

  private linkGraphSync(root: ModuleRecord): void {
    const seen = new Set<ModuleRecord>();
    const visit = (record: ModuleRecord): void => {
      if (seen.has(record)) return;
      seen.add(record);
      if (!record.linked)
        this.link(
          record,
          record.requests.map((r) => this.fetchSync(this.resolve(r.specifier, record.url), r.attributes)),
        );
      for (const dep of this.dependencies(record)) visit(dep);
    };
    visit(root);
  }

  // ---- records ---------------------------------------------------------------

  private link(record: ModuleRecord, deps: ModuleRecord[]): void {
    if (record.linked) return;
    record.wrap.link(
      record.requests.map((r) => r.specifier),
      deps.map((d) => d.wrap),
    );
    record.linked = true;
  }

  private dependencies(record: ModuleRecord): ModuleRecord[] {
    return record.requests.map((r) => this.map.get(this.resolve(r.specifier, record.url).href)!);
  }

  private recordFor(url: string, format: Format, source: string | undefined, isMain = false): ModuleRecord {
    let record: ModuleRecord;
    switch (format) {
      case 'module': {
        const wrap = compileModule(stripBOM(source!), url, this.callbacks(url));
        record = { url, format, wrap, requests: wrap.getModuleRequests(), linked: false };
        break;
      }
      case 'json': {
        const filename = fileURLToPath(url);
        let value: unknown;
        try {
          value = JSON.parse(stripBOM(source!));
        } catch (err) {
          (err as Error).message = `${filename}: ${(err as Error).message}`;
          throw err;
        }
        record = { url, format, wrap: syntheticModule(url, ['default'], (set) => set('default', value)), requests: [], linked: true };
        break;
      }
      case 'builtin': {
        const id = url.slice('node:'.length);
        if (!this.host.isBuiltin(id)) throw codedError('ERR_UNKNOWN_BUILTIN_MODULE', url);
        const exports = this.host.loadBuiltin(id);
        const names = builtinExportNames(exports);
        const wrap = syntheticModule(url, ['default', ...names], (set) => {
          set('default', exports);
          for (const name of names) set(name, (exports as Record<string, unknown>)[name]);
        });
        this.builtins.push({ wrap, exports, names });
        record = { url, format, wrap, requests: [], linked: true };
        break;
      }
      case 'commonjs': {
        const filename = fileURLToPath(url);
        let text = source;
        if (text === undefined) {
          try {
            text = fs.readFileSync(filename, 'utf8');
          } catch {
            text = '';
          }
        }
        const names = this.host.commonJSExportNames(filename, text).filter((n) => n !== 'default');
        const wrap = syntheticModule(url, ['default', ...names], (set) => {
          const exports = this.host.loadCommonJS(filename, isMain);
          for (const name of names) {
            if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function') || !Object.hasOwn(exports, name))
              continue;
            let value: unknown;
            try {
              value = (exports as Record<string, unknown>)[name];
            } catch {
              // A throwing getter leaves the binding undefined, as in Node.
            }
            set(name, value);
          }
          set('default', exports);
        });
        record = { url, format, wrap, requests: [], linked: true };
        break;
      }
    }
    this.map.set(url, record);
    return record;
  }

  private callbacks(url: string): ModuleCallbacks {
    return {
      importModuleDynamically: (specifier, _referrer, attributes) => this.import(specifier, url, attributes),
      initializeImportMeta: (meta) => this.initializeImportMeta(meta, url),
    };
  }

  private initializeImportMeta(meta: Record<string, unknown>, url: string): void {
    if (url.startsWith('file:')) {
      const filename = fileURLToPath(url);
      meta.dirname = path.dirname(filename);
      meta.filename = filename;
    }
    // A method, so its name is 'resolve' whatever the bundler calls the binding.
    const { resolve } = {
      resolve: (specifier: string): string => {
        try {
          return this.resolve(`${specifier}`, url).href;
        } catch (err) {
          const found = (err as { code?: string; url?: string }).url;
          const code = (err as { code?: string }).code;
          if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT') && found) return found;
          throw err;
        }
      },
    };
    meta.resolve = resolve;
    meta.url = url;
  }

  // ---- formats -----------------------------------------------------------------

  /** The format a URL's name and package scope decide; undefined: the source decides (an ambiguous .js). */
  private formatOf(url: URL): Format | undefined {
    if (url.protocol === 'node:') return 'builtin';
    const filename = fileURLToPath(url);
    const ext = path.extname(filename);
    switch (ext) {
      case '.mjs':
        return 'module';
      case '.cjs':
        return 'commonjs';
      case '.json':
        return 'json';
      case '.js':
      case '': {
        const type = this.host.resolver.packages.scope(filename)?.config.type ?? 'none';
        return type === 'none' ? undefined : type;
      }
      default:
        throw codedError('ERR_UNKNOWN_FILE_EXTENSION', ext, filename);
    }
  }

  /** A .js or extensionless file without "type": module syntax makes it a module (with Node's warning for a .js under a package.json). */
  private detect(url: URL, source: string): Format {
    const filename = fileURLToPath(url);
    if (!containsModuleSyntax(source, filename)) return 'commonjs';
    // Node warns for a .js only: an extensionless file has no other way to say it.
    const scope = filename.endsWith('.js') ? this.host.resolver.packages.scope(filename) : undefined;
    if (scope !== undefined && !this.warnedTypeless.has(scope.config.pjsonPath)) {
      this.warnedTypeless.add(scope.config.pjsonPath);
      const warn = () =>
        this.host.emitWarning(
          `Module type of ${url.href} is not specified and it doesn't parse as CommonJS.\nReparsing as ES module because module syntax was detected. This incurs a performance overhead.\nTo eliminate this warning, add "type": "module" to ${scope.config.pjsonPath}.`,
          'Warning',
          'MODULE_TYPELESS_PACKAGE_JSON',
        );
      if (this.deferredWarnings !== undefined) this.deferredWarnings.push(warn);
      else warn();
    }
    return 'module';
  }

  /** Import attributes: only `type`, only 'json', required for JSON and refused for anything else. */
  private checkAttributes(record: ModuleRecord, attributes: Record<string, string>): ModuleRecord {
    for (const key of Object.keys(attributes)) {
      if (key !== 'type') throw codedError('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', key, attributes[key]!);
    }
    const type = attributes.type;
    if (record.format === 'json') {
      if (type === undefined) throw codedError('ERR_IMPORT_ASSERTION_TYPE_MISSING', record.url, 'json');
      if (type === 'json') return record;
      if (!SUPPORTED_TYPES.has(type)) throw codedError('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', type);
      throw codedError('ERR_IMPORT_ASSERTION_TYPE_FAILED', record.url, type);
    } else if (type !== undefined) {
      if (!SUPPORTED_TYPES.has(type)) throw codedError('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', type);
      throw codedError('ERR_IMPORT_ASSERTION_TYPE_FAILED', record.url, type);
    }
    return record;
  }
}

/** Properties every function has, which are no builtin's exports. */
const FUNCTION_OWN = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);

/**
 * A builtin's named exports: its own enumerable keys, as Node's; for a
 * builtin that is a class of ours (`module`), its static members too, which
 * classes define non-enumerable where Node's are plain assignments.
 */
function builtinExportNames(exports: unknown): string[] {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return [];
  const names =
    typeof exports === 'function' ? Object.getOwnPropertyNames(exports).filter((n) => !FUNCTION_OWN.has(n)) : Object.keys(exports);
  return names.filter((n) => n !== 'default');
}
