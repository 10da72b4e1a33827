import { libminiTable } from '../native.js';

/** Flags of mini_spawn (native/process.c). */
export const MINI_SPAWN_SETSID = 1;
export const MINI_SPAWN_SETPGROUP = 2;
export const MINI_SPAWN_SETUID = 4;
export const MINI_SPAWN_SETGID = 8;
/** The child's environment is ours (environ), then the variables passed. */
export const MINI_SPAWN_ENVIRON = 16;
/** stdio slots of mini_spawn: a parent fd (>= 0), closed, /dev/null, or a socketpair it makes (our end comes back in the slot). */
export const SPAWN_STDIO_CLOSE = -1;
export const SPAWN_STDIO_DEVNULL = -2;
export const SPAWN_STDIO_PIPE = -3;

/** native/process.c: a child started by vfork and exec with its stdio slots, and waitid on a pidfd. */
export const spawnNative = libminiTable({
  mini_spawn:
    'int mini_spawn(const char *file, const void *args, int argc, const void *env, int envc, const char *cwd, _Inout_ int *stdio, int nstdio, int flags, int uid, int gid, _Out_ int *out)',
  mini_reap: 'int mini_reap(int pidfd, _Out_ int *out)',
});
