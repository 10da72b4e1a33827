/**
 * Whether a child can be given our own environment as it is (environ)
 * instead of a copy of every variable read out through process.env: the
 * main thread's process.env is environ itself (node's store reads and
 * writes it with getenv/setenv, so both always agree), but a worker's is a
 * copy, and a program may put an object of its own in process.env. The
 * runtime names the real one at boot, before any program code runs.
 */
let own: object | undefined;

/** `env` is this process's environ (the main thread's process.env at boot). */
export function adoptEnvironment(env: object): void {
  own = env;
}

/** The pairs Node would read from `env` are exactly environ's. */
export function isOwnEnvironment(env: unknown): boolean {
  if (own === undefined || env !== own) return false;
  // Node reads the variables with for…in, which also lists enumerable keys
  // put on the prototype chain: environ has none of those.
  for (const _ in Object.getPrototypeOf(env) as object) return false;
  return true;
}
