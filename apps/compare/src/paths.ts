import * as path from 'node:path';

/**
 * Where things live. This file sits directly in `src/` (and `dist/` once
 * built), so `..` is the package root either way.
 */
export const packageRoot = path.resolve(__dirname, '..');

export const corpusDir = path.join(packageRoot, 'corpus');

/** `apps/mini/bin/mini`, the launcher built beside this package. */
export const defaultMiniBin = path.resolve(packageRoot, '..', 'mini', 'bin', 'mini');

/**
 * The mini command to run: `MINI_BIN` overrides the launcher path (set it to
 * `node` to run node against itself while mini cannot boot).
 */
export function miniBin(explicit?: string): string {
  return explicit ?? process.env.MINI_BIN ?? defaultMiniBin;
}

/**
 * The real Node to compare against. Inside mini `process.execPath` is the
 * mini launcher, so only trust it when it looks like a node binary.
 */
export function nodeBin(explicit?: string): string {
  if (explicit !== undefined) return explicit;
  if (process.env.NODE_BIN !== undefined) return process.env.NODE_BIN;
  return path.basename(process.execPath).startsWith('node') ? process.execPath : 'node';
}
