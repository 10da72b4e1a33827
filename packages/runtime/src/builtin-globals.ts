/**
 * The builtin modules as globals, as node defines them for `-e`/`-p` code
 * and its REPL: `fs`, `http`, `child_process`… each a non-enumerable,
 * configurable accessor that loads the module on first read (through our
 * require, so ours, never the host's) and becomes a plain value when assigned.
 * Internal ids (`_http_agent`) and sub-paths (`fs/promises`) are left out.
 */
/** `replace`: also over accessors already there (the host REPL defines its own, on the host's modules). */
export function defineBuiltinGlobals(target: object, load: (id: string) => unknown, names: readonly string[], replace = false): void {
  for (const name of names) {
    if (name.startsWith('_') || name.includes('/')) continue;
    if (!replace && Object.prototype.hasOwnProperty.call(target, name)) continue;
    const setReal = (value: unknown): void => {
      Object.defineProperty(target, name, { value, writable: true, enumerable: false, configurable: true });
    };
    Object.defineProperty(target, name, {
      get() {
        const lib = load(name);
        setReal(lib);
        return lib;
      },
      set: setReal,
      enumerable: false,
      configurable: true,
    });
  }
}
