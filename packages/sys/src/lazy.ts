/**
 * A property made on its first read, after which it is a plain writable
 * data property, as node's own lazy members are (the fetch globals, and
 * node:net's BlockList and SocketAddress here, whose host module costs
 * ~2.5 ms to load). A write before any read replaces it without making it.
 */
export function defineLazy(target: object, name: string, make: () => unknown, enumerable: boolean): void {
  const settle = (value: unknown) => Object.defineProperty(target, name, { value, writable: true, enumerable, configurable: true });
  Object.defineProperty(target, name, {
    get() {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
    enumerable,
    configurable: true,
  });
}
