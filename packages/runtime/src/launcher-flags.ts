/**
 * The flags the launcher (apps/mini/bin/mini) always gives the host node
 * for our own use, not the program's: node's execArgv would not show them,
 * and a code cache made under them alone is the one the build primes.
 */
export const LAUNCHER_FLAGS: ReadonlySet<string> = new Set(['--experimental-vm-modules', '--expose-internals']);
