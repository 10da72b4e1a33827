/**
 * The builtin registry.
 *
 * At startup every builtin module is registered as a node of a singly
 * linked list (as Node's C++ modules register themselves), each with where
 * it comes from:
 *
 *   ours         our implementation, on our loop (timers, module, …)
 *   host         a pure-JS library of the host (events, stream, util, …)
 *   stub         loads with the host module's shape; each function throws
 *                ERR_MINI_NOT_IMPLEMENTED when called (https, tls: libraries
 *                require them at load time without using them)
 *   unavailable  needs the loop and we have no implementation yet: requiring
 *                it throws ERR_MINI_NOT_IMPLEMENTED instead of silently
 *                handing out the host's, which would run on the wrong loop
 *
 * `internalBinding(name)` is the same idea one layer down: our handle
 * layer (`timer_wrap`, `loop`, …), registered by the packages that own it.
 */
import { codedError } from '@mini/sys';
import { nameAsNode } from './builtin-names.js';

export type BuiltinSource = 'ours' | 'host' | 'stub' | 'unavailable';

interface BuiltinNode {
  readonly id: string;
  readonly source: BuiltinSource;
  readonly factory: () => unknown;
  next: BuiltinNode | null;
  loaded: boolean;
  exports: unknown;
}

export class BuiltinRegistry {
  private head: BuiltinNode | null = null;
  private readonly byId = new Map<string, BuiltinNode>();
  private readonly bindings = new Map<string, () => unknown>();
  private readonly bindingCache = new Map<string, unknown>();

  register(id: string, source: BuiltinSource, factory: () => unknown): void {
    const node: BuiltinNode = { id, source, factory, next: this.head, loaded: false, exports: undefined };
    this.head = node;
    this.byId.set(id, node);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  source(id: string): BuiltinSource | undefined {
    return this.byId.get(id)?.source;
  }

  load(id: string): unknown {
    const node = this.byId.get(id);
    if (node === undefined) throw new Error(`No such built-in module: ${id}`);
    if (!node.loaded) {
      if (node.source === 'unavailable') throw codedError('ERR_MINI_NOT_IMPLEMENTED', `The built-in module '${id}'`);
      node.exports = node.factory();
      if (node.source === 'ours') nameAsNode(id, node.exports);
      node.loaded = true;
    }
    return node.exports;
  }

  /** Ids in registration order. */
  list(): string[] {
    const ids: string[] = [];
    for (let n = this.head; n !== null; n = n.next) ids.push(n.id);
    return ids.reverse();
  }

  registerBinding(name: string, factory: () => unknown): void {
    this.bindings.set(name, factory);
  }

  internalBinding(name: string): unknown {
    if (!this.bindingCache.has(name)) {
      const factory = this.bindings.get(name);
      if (factory === undefined) throw new Error(`No such binding: ${name}`);
      this.bindingCache.set(name, factory());
    }
    return this.bindingCache.get(name);
  }

  hasBinding(name: string): boolean {
    return this.bindings.has(name);
  }
}
