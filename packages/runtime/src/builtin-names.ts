/**
 * The names of a builtin's functions, as node's read. Our bundle is one
 * scope, so esbuild renames a top-level function that clashes with another
 * (fs's `open` becomes `open2`), and some of ours are wrappers without a
 * name of their own; `fs.open.name`, `util.inspect(fs)` and stack frames
 * would show that. Node's names are learnt from the host at build
 * (apps/mini/build.mjs) and written into the bundle: per module, each export
 * whose name is not its key (`net.createConnection` is `connect`); every
 * other function is named by its key.
 */
declare const __MINI_NODE_NAMES__: Record<string, Record<string, string>> | undefined;

const nodeNames: Record<string, Record<string, string>> | undefined =
  typeof __MINI_NODE_NAMES__ === 'object' ? __MINI_NODE_NAMES__ : undefined;

/** Gives each function of `exports` (and of its `promises`) node's name for it, where ours differs. */
export function nameAsNode(id: string, exports: unknown): void {
  if (nodeNames === undefined || !(id in nodeNames)) return;
  rename(exports, nodeNames[id]!);
  const promises = (exports as { promises?: unknown } | null)?.promises;
  if (`${id}/promises` in nodeNames) rename(promises, nodeNames[`${id}/promises`]!);
}

function rename(exports: unknown, names: Record<string, string>): void {
  if (typeof exports !== 'object' || exports === null) return;
  for (const key of Object.keys(exports)) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, key);
    const fn: unknown = descriptor?.value;
    if (typeof fn !== 'function') continue;
    const name = names[key] ?? key;
    if (fn.name !== name) Object.defineProperty(fn, 'name', { value: name, configurable: true });
  }
}
