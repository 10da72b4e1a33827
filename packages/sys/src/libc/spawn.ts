import { libminiTable } from '../native.js';

/** Flags of mini_spawn (native/process.c). */
export const MINI_SPAWN_SETSID = 1;
export const MINI_SPAWN_SETPGROUP = 2;
export const MINI_SPAWN_SETUID = 4;
export const MINI_SPAWN_SETGID = 8;
/** stdio slots of mini_spawn: a parent fd (>= 0), closed, or /dev/null. */
export const SPAWN_STDIO_CLOSE = -1;
export const SPAWN_STDIO_DEVNULL = -2;

/** native/process.c: posix_spawn with our file actions and attributes, and waitid on a pidfd. */
export const spawnNative = libminiTable({
  mini_spawn:
    'int mini_spawn(const char *file, const void *args, int argc, const void *env, int envc, const char *cwd, const int *stdio, int nstdio, int flags, int uid, int gid, _Out_ int *out)',
  mini_reap: 'int mini_reap(int pidfd, _Out_ int *out)',
});
