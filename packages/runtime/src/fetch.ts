/**
 * fetch and the classes that come with it (Headers, Request, Response,
 * FormData, MessageEvent), as node 20.20 has them: undici 6.24.1, built into
 * one file at setup (scripts/bundle-undici.mjs) and run here with *our*
 * builtins, so its connections are our net's and tls's sockets on our loop,
 * and a program that patches `net.connect` sees fetch call it, as on node.
 *
 * Loaded on first use, as node loads its own copy: a program that never
 * fetches does not pay for ~640 kB of JavaScript.
 */
import { dirname, join } from 'node:path';
import { compileCached } from './cached-script.js';

/**
 * Set by the `mini` bundle's build to the file's path relative to the
 * bundle; unbundled, this module sits in src/ or dist/ beside dist/.
 */
declare const __MINI_UNDICI__: string | undefined;

function bundlePath(): string {
  if (typeof __MINI_UNDICI__ === 'string') return join(__dirname, __MINI_UNDICI__);
  return join(__dirname, '..', 'dist', 'undici-fetch.js');
}

export interface Undici {
  fetch(input: unknown, init?: unknown): Promise<unknown>;
  FormData: unknown;
  Headers: unknown;
  Request: unknown;
  Response: unknown;
  MessageEvent: unknown;
}

/** The names node 20 exposes from undici as lazy globals (fetch itself is a plain function). */
export const UNDICI_GLOBALS = ['FormData', 'Headers', 'Request', 'Response', 'MessageEvent'] as const;

/** Run the bundle once, its `require` answering from our builtins only (it needs nothing else). */
export function loadUndici(requireBuiltin: (id: string) => unknown): Undici {
  const file = bundlePath();
  const wrapper = compileCached({
    file,
    cacheFile: file.replace(/\.js$/, '.cache'),
    // Its frames read as those of node's own copy.
    shownAs: 'node:internal/deps/undici/undici',
  });
  const module = { exports: {} as Undici };
  const require = (id: string): unknown => requireBuiltin(id.startsWith('node:') ? id.slice(5) : id);
  wrapper(module.exports, require, module, file, dirname(file));
  return module.exports;
}
