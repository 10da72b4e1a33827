/*
 * Starting a child the way posix_spawn does, never fork() of this
 * multi-threaded process: vfork (clone with CLONE_VM | CLONE_VFORK), so
 * nothing of the parent's memory is copied and the parent waits only until
 * the exec; the child makes system calls only, then execs.
 *
 * The child gets exactly the descriptors it is given, default signal
 * dispositions and an empty mask (ours blocks what the loop reads from its
 * signalfd, and a child would inherit that):
 *
 *   stdio[i] >= 0   the parent's fd, as the child's fd i
 *   stdio[i] == -1  fd i closed
 *   stdio[i] == -2  /dev/null (libuv's 'ignore' for 0..2)
 *   stdio[i] == -3  a Unix socketpair made here, as libuv makes a pipe:
 *                   the child's end (blocking) becomes its fd i and is
 *                   closed here after the spawn; ours (non-blocking) is
 *                   written back into stdio[i]
 *
 * A spawn is one FFI call: the pairs are made here rather than with one
 * call each from above, and a child that inherits our environment is
 * given environ itself instead of every variable copied out through
 * process.env and back in a block. What the child does before its exec
 * the parent waits for, so it does no more than it must (see spawn_child).
 *
 * A bare file name is looked up in the PATH of the child's environment (as
 * libuv does), not ours. Arguments and environment arrive as NUL-separated
 * blocks with a count: one buffer each through the FFI, no pointer arrays.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

/* Flags of mini_spawn. */
#define MINI_SPAWN_SETSID 1
#define MINI_SPAWN_SETPGROUP 2
#define MINI_SPAWN_SETUID 4
#define MINI_SPAWN_SETGID 8
/* The child's environment is ours (environ), then the block's variables. */
#define MINI_SPAWN_ENVIRON 16

#define STDIO_PIPE (-3)

extern char **environ;

#define DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin"

static char **split(const char *block, int count) {
  char **v = malloc(sizeof(char *) * (count + 1));
  if (v == NULL) return NULL;
  const char *p = block;
  for (int i = 0; i < count; i++) {
    v[i] = (char *)p;
    p += strlen(p) + 1;
  }
  v[count] = NULL;
  return v;
}

/* environ, then `count` more from a block, in one NULL-terminated array. */
static char **environ_with(const char *block, int count) {
  int own = 0;
  while (environ[own] != NULL) own++;
  char **v = malloc(sizeof(char *) * (own + count + 1));
  if (v == NULL) return NULL;
  memcpy(v, environ, sizeof(char *) * own);
  const char *p = block;
  for (int i = 0; i < count; i++) {
    v[own + i] = (char *)p;
    p += strlen(p) + 1;
  }
  v[own + count] = NULL;
  return v;
}

/*
 * The socketpairs of the STDIO_PIPE slots: slots[i] gets the child's end,
 * ours[i] ours (-1 for other slots). 0, or an errno with nothing left open.
 */
static int make_pipes(const int *stdio, int n, int *slots, int *ours) {
  for (int i = 0; i < n; i++) {
    ours[i] = -1;
    slots[i] = stdio[i];
  }
  for (int i = 0; i < n; i++) {
    if (stdio[i] != STDIO_PIPE) continue;
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0) {
      int err = errno;
      for (int j = 0; j < i; j++)
        if (ours[j] >= 0) {
          close(ours[j]);
          close(slots[j]);
        }
      return err;
    }
    /* A new socket's status flags are O_RDWR alone, which F_SETFL ignores: no F_GETFL needed. */
    fcntl(pair[0], F_SETFL, O_NONBLOCK);
    ours[i] = pair[0];
    slots[i] = pair[1];
  }
  return 0;
}

static const char *path_of(char *const envp[]) {
  for (int i = 0; envp[i] != NULL; i++)
    if (strncmp(envp[i], "PATH=", 5) == 0) return envp[i] + 5;
  return DEFAULT_PATH;
}

/* The child's pid, with out[0] = a pidfd for it; or -errno (the child is then killed and reaped). */
static int with_pidfd(pid_t pid, int *out) {
  /* The child is ours and unreaped, so its pid cannot be reused before this. */
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (pidfd < 0) {
    int err = errno;
    kill(pid, SIGKILL);
    siginfo_t info;
    waitid(P_PID, pid, &info, WEXITED);
    return -err;
  }
  out[0] = pidfd;
  return pid;
}

/*
 * execve of `file`, searched in the PATH of `envp` when it has no slash,
 * as execvp does but with the child's PATH, after the credentials and the
 * directory changed (so a directory the new user cannot enter reads
 * EACCES, and a relative entry is the new directory's, as in libuv).
 * Returns the errno when nothing could be run.
 */
static int exec_search(const char *file, char *const argv[], char *const envp[]) {
  if (strchr(file, '/') != NULL) {
    execve(file, argv, envp);
    return errno;
  }
  char candidate[4096];
  size_t flen = strlen(file);
  int seen_eacces = 0;
  const char *p = path_of(envp);
  for (;;) {
    const char *end = strchr(p, ':');
    size_t dlen = end ? (size_t)(end - p) : strlen(p);
    if (dlen + flen + 2 <= sizeof candidate) {
      size_t off = 0;
      if (dlen > 0) {
        memcpy(candidate, p, dlen);
        candidate[dlen] = '/';
        off = dlen + 1;
      }
      memcpy(candidate + off, file, flen + 1);
      execve(candidate, argv, envp);
      if (errno == EACCES) seen_eacces = 1;
      else if (errno != ENOENT && errno != ENOTDIR) return errno;
    }
    if (end == NULL) break;
    p = end + 1;
  }
  return seen_eacces ? EACCES : ENOENT;
}

struct child {
  const char *file;
  char *const *argv;
  char *const *envp;
  const char *cwd;
  const int *stdio;
  int n;
  int flags, uid, gid;
  /* Set by the child when it could not exec: the parent reads it once the child is gone. */
  volatile int err;
};

/*
 * The vfork child: it runs on the parent's memory and stack, so it only
 * makes system calls, then execs or leaves its errno in c->err and exits.
 * Every signal is blocked from the parent's side of vfork until the mask
 * is emptied just before the exec, by which time no disposition is a
 * handler of the parent's any more.
 */
static void __attribute__((noinline, noreturn)) exec_child(struct child *c) {
  const int *stdio = c->stdio;
  int n = c->n;
  int err = 0;
  /*
   * Dispositions: 1..31 back to SIG_DFL, as libuv does (a handler would
   * run on the parent's memory if its signal came before the exec; an
   * ignored signal would stay ignored across it). The kernel resets every
   * other handled signal at the exec.
   */
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < 32; sig++)
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &dfl, NULL);
  if (c->flags & MINI_SPAWN_SETSID) {
    if (setsid() < 0) err = errno;
  } else if ((c->flags & MINI_SPAWN_SETPGROUP) && setpgid(0, 0) < 0) {
    err = errno;
  }
  /* Raw system calls: glibc's setuid would try to change every thread of the parent, whose memory this child shares. */
  if (!err && (c->flags & MINI_SPAWN_SETGID) && syscall(SYS_setgroups, 0, NULL) < 0 && errno != EPERM) err = errno;
  if (!err && (c->flags & MINI_SPAWN_SETGID) && syscall(SYS_setgid, c->gid) < 0) err = errno;
  if (!err && (c->flags & MINI_SPAWN_SETUID) && syscall(SYS_setuid, c->uid) < 0) err = errno;
  /*
   * A source that is itself one of the targets (0..n-1) is first copied
   * above them all, so that no dup2 onto a target overwrites a source not
   * yet used; any other source goes to its target directly, and one that
   * already is its target only loses its close-on-exec flag.
   */
  int base = n;
  for (int i = 0; i < n; i++)
    if (stdio[i] >= base) base = stdio[i] + 1;
  for (int i = 0; i < n && !err; i++)
    if (stdio[i] >= 0 && stdio[i] < n && stdio[i] != i && dup2(stdio[i], base + i) < 0) err = errno;
  for (int i = 0; i < n && !err; i++) {
    int src = stdio[i];
    if (src == i) {
      if (fcntl(i, F_SETFD, 0) < 0) err = errno;
    } else if (src >= 0) {
      if (dup2(src < n ? base + i : src, i) < 0) err = errno;
    } else if (src == -2) {
      int fd = open("/dev/null", i == 0 ? O_RDONLY : O_RDWR);
      if (fd < 0) err = errno;
      else if (fd != i && (dup2(fd, i) < 0 || close(fd) < 0)) err = errno;
    } else {
      close(i);
    }
  }
  /* Only the slots stay open; the descriptors above them are the parent's. */
  if (!err) syscall(SYS_close_range, n, ~0U, 0);
  /* After the descriptors: a relative source path was the parent's, the program's path is the child's. */
  if (!err && c->cwd != NULL && c->cwd[0] != '\0' && chdir(c->cwd) < 0) err = errno;
  if (!err) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    err = exec_search(c->file, c->argv, c->envp);
  }
  c->err = err;
  _exit(127);
}

/*
 * vfork, as posix_spawn does inside (clone with CLONE_VM | CLONE_VFORK):
 * nothing of the parent's memory is copied, and the parent waits only
 * until the exec. Done here rather than through posix_spawn so that the
 * child makes only the system calls it needs: no child stack mapped and
 * unmapped per spawn (an unmap in a multi-threaded process is a TLB
 * shootdown), no descriptor-limit check per file action, and 29 signal
 * resets instead of 64. 0 with the pid, or the errno of a failed start.
 */
static int spawn_child(pid_t *pid, struct child *c) {
  c->err = 0;
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid_t child = vfork();
  if (child == 0) exec_child(c);
  int saved = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (child < 0) return saved;
  if (c->err != 0) {
    siginfo_t info;
    waitid(P_PID, child, &info, WEXITED);
    return c->err;
  }
  *pid = child;
  return 0;
}

/*
 * Start a child. Returns its pid, or -errno; out[0] is a pidfd for it
 * (CLOEXEC), from which the loop learns the exit and waitid reaps it.
 * Our ends of the STDIO_PIPE slots are in stdio[] afterwards, also when
 * the program could not be started (the layer above makes streams of
 * them, as Node does); when a pair cannot be made, none is left.
 */
API int mini_spawn(const char *file, const char *args, int argc, const char *env, int envc, const char *cwd, int *stdio, int nstdio,
                   int flags, int uid, int gid, int *out) {
  if (nstdio < 0) return -EINVAL;
  /* The child's slots, then our ends: the parent's memory, read by the child before its exec. */
  int *slots = malloc(sizeof(int) * (2 * (size_t)nstdio + 1));
  if (slots == NULL) return -ENOMEM;
  int *ours = slots + nstdio;
  int r = make_pipes(stdio, nstdio, slots, ours);
  if (r != 0) {
    for (int i = 0; i < nstdio; i++)
      if (stdio[i] == STDIO_PIPE) stdio[i] = -1;
    free(slots);
    return -r;
  }
  char **argv = split(args, argc);
  char **envp = (flags & MINI_SPAWN_ENVIRON) ? environ_with(env, envc) : split(env, envc);
  pid_t pid = -1;
  if (argv == NULL || envp == NULL) r = ENOMEM;
  else {
    struct child c = {.file = file, .argv = argv, .envp = envp, .cwd = cwd, .stdio = slots, .n = nstdio, .flags = flags, .uid = uid, .gid = gid};
    r = spawn_child(&pid, &c);
  }
  free(argv);
  free(envp);
  for (int i = 0; i < nstdio; i++)
    if (ours[i] >= 0) {
      close(slots[i]);
      stdio[i] = ours[i];
    }
  free(slots);
  return r == 0 ? with_pidfd(pid, out) : -r;
}

/*
 * Reap the child behind `pidfd` if it has exited: 1 with out[0] = exit
 * status and out[1] = terminating signal (one of them 0), 0 while it runs,
 * -errno on failure.
 */
API int mini_reap(int pidfd, int *out) {
  siginfo_t info;
  memset(&info, 0, sizeof info);
  for (;;) {
    if (waitid(P_PIDFD, (id_t)pidfd, &info, WEXITED | WNOHANG) == 0) break;
    if (errno != EINTR) return -errno;
  }
  if (info.si_pid == 0) return 0;
  if (info.si_code == CLD_EXITED) {
    out[0] = info.si_status;
    out[1] = 0;
  } else {
    out[0] = 0;
    out[1] = info.si_status;
  }
  return 1;
}
