/*
 * Starting a child: posix_spawn, never fork() of this multi-threaded process.
 * glibc's posix_spawn clones with CLONE_VM | CLONE_VFORK, so nothing of the
 * parent's memory is copied and the parent waits only until the exec.
 *
 * The child gets exactly the descriptors it is given, every signal at its
 * default disposition and an empty mask (ours blocks what the loop reads
 * from its signalfd, and a child would inherit that):
 *
 *   stdio[i] >= 0   the parent's fd, as the child's fd i
 *   stdio[i] == -1  fd i closed
 *   stdio[i] == -2  /dev/null (libuv's 'ignore' for 0..2)
 *   stdio[i] == -3  a Unix socketpair made here, as libuv makes a pipe:
 *                   the child's end (blocking) becomes its fd i and is
 *                   closed here after the spawn; ours (non-blocking) is
 *                   written back into stdio[i]
 *
 * Making the pairs here rather than one system call per FFI call from
 * above is what keeps a spawn's cost near posix_spawn's own; so is taking
 * the environment from environ when the child inherits ours, instead of
 * copying every variable out through process.env and back in a block.
 *
 * Every source fd is first copied above all targets, then onto its target,
 * so a source whose number is another slot's target is never overwritten
 * before it is used; closefrom then drops everything above the last slot.
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
#include <spawn.h>
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
    fcntl(pair[0], F_SETFL, fcntl(pair[0], F_GETFL) | O_NONBLOCK);
    ours[i] = pair[0];
    slots[i] = pair[1];
  }
  return 0;
}

static int build_actions(posix_spawn_file_actions_t *fa, const char *cwd, const int *stdio, int n) {
  int r = posix_spawn_file_actions_init(fa);
  if (r != 0) return r;
  int base = n;
  for (int i = 0; i < n; i++)
    if (stdio[i] >= base) base = stdio[i] + 1;
  for (int i = 0; i < n && r == 0; i++)
    if (stdio[i] >= 0) r = posix_spawn_file_actions_adddup2(fa, stdio[i], base + i);
  for (int i = 0; i < n && r == 0; i++) {
    if (stdio[i] >= 0) r = posix_spawn_file_actions_adddup2(fa, base + i, i);
    else if (stdio[i] == -2) r = posix_spawn_file_actions_addopen(fa, i, "/dev/null", i == 0 ? O_RDONLY : O_RDWR, 0);
    else r = posix_spawn_file_actions_addclose(fa, i);
  }
  if (r == 0) r = posix_spawn_file_actions_addclosefrom_np(fa, n);
  /* After the descriptors: a relative source path was the parent's, the program's path is the child's. */
  if (r == 0 && cwd != NULL && cwd[0] != '\0') r = posix_spawn_file_actions_addchdir_np(fa, cwd);
  if (r != 0) posix_spawn_file_actions_destroy(fa);
  return r;
}

static const char *path_of(char *const envp[]) {
  for (int i = 0; envp[i] != NULL; i++)
    if (strncmp(envp[i], "PATH=", 5) == 0) return envp[i] + 5;
  return DEFAULT_PATH;
}

/* posix_spawn of `file`, searched in the child's PATH when it has no slash; 0 or an errno. */
static int spawn_found(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
                       char *const argv[], char *const envp[]) {
  if (strchr(file, '/') != NULL) return posix_spawn(pid, file, fa, attr, argv, envp);
  const char *path = path_of(envp);
  size_t flen = strlen(file);
  int seen_eacces = 0;
  const char *p = path;
  for (;;) {
    const char *end = strchr(p, ':');
    size_t dlen = end ? (size_t)(end - p) : strlen(p);
    char *candidate = malloc(dlen + flen + 2);
    if (candidate == NULL) return ENOMEM;
    if (dlen == 0) {
      memcpy(candidate, file, flen + 1);
    } else {
      memcpy(candidate, p, dlen);
      candidate[dlen] = '/';
      memcpy(candidate + dlen + 1, file, flen + 1);
    }
    /* An absolute candidate that is not there costs a stat, not a vfork. */
    int r;
    if (candidate[0] == '/' && access(candidate, F_OK) != 0) r = errno;
    else r = posix_spawn(pid, candidate, fa, attr, argv, envp);
    free(candidate);
    if (r == 0) return 0;
    if (r == EACCES) seen_eacces = 1;
    else if (r != ENOENT && r != ENOTDIR) return r;
    if (end == NULL) break;
    p = end + 1;
  }
  return seen_eacces ? EACCES : ENOENT;
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
 * posix_spawn cannot change credentials, so a child with a uid or gid is
 * started by hand, the way posix_spawn does it inside: vfork with every
 * signal blocked, then in the child default dispositions, the ids (raw
 * syscalls: glibc's setuid would try to change every thread of the
 * parent, whose memory the child still shares), the descriptors as in
 * build_actions, the directory, an empty mask and execve. An exec failure
 * comes back through a close-on-exec pipe as an errno.
 */
/*
 * execve of `file`, searched in the PATH of `envp` when it has no slash,
 * as execvp does but with the child's PATH, after the credentials changed
 * (so a directory the new user cannot enter reads EACCES, as in libuv).
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

/* The vfork child: runs on the parent's memory, so it only makes system calls, then execs or reports. */
static void __attribute__((noinline, noreturn)) exec_child(const char *file, char *const argv[], char *const envp[], const char *cwd,
                                                           const int *stdio, int n, int errfd, int flags, int uid, int gid) {
  int base = n;
  for (int i = 0; i < n; i++)
    if (stdio[i] >= base) base = stdio[i] + 1;
  int err = 0;
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < 65; sig++)
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &dfl, NULL);
  if ((flags & MINI_SPAWN_SETSID) && setsid() < 0) err = errno;
  if (!err && (flags & MINI_SPAWN_SETGID) && syscall(SYS_setgroups, 0, NULL) < 0 && errno != EPERM) err = errno;
  if (!err && (flags & MINI_SPAWN_SETGID) && syscall(SYS_setgid, gid) < 0) err = errno;
  if (!err && (flags & MINI_SPAWN_SETUID) && syscall(SYS_setuid, uid) < 0) err = errno;
  for (int i = 0; i < n && !err; i++)
    if (stdio[i] >= 0 && dup2(stdio[i], base + i) < 0) err = errno;
  for (int i = 0; i < n && !err; i++) {
    if (stdio[i] >= 0) {
      if (dup2(base + i, i) < 0) err = errno;
    } else if (stdio[i] == -2) {
      int fd = open("/dev/null", i == 0 ? O_RDONLY : O_RDWR);
      if (fd < 0) err = errno;
      else if (fd != i && (dup2(fd, i) < 0 || close(fd) < 0)) err = errno;
    } else {
      close(i);
    }
  }
  /* Everything above the slots goes, but the error pipe, close-on-exec. */
  if (!err) syscall(SYS_close_range, n, errfd - 1, 0);
  if (!err) syscall(SYS_close_range, errfd + 1, ~0U, 0);
  if (!err && cwd != NULL && cwd[0] != '\0' && chdir(cwd) < 0) err = errno;
  if (!err) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    err = exec_search(file, argv, envp);
  }
  while (write(errfd, &err, sizeof err) < 0 && errno == EINTR) {
  }
  _exit(127);
}

static int spawn_with_ids(pid_t *pid, const char *file, char *const argv[], char *const envp[], const char *cwd, const int *stdio, int n,
                          int flags, int uid, int gid) {
  int base = n;
  for (int i = 0; i < n; i++)
    if (stdio[i] >= base) base = stdio[i] + 1;
  int errpipe[2];
  if (pipe2(errpipe, O_CLOEXEC) < 0) return errno;
  if (errpipe[1] < base + n) {
    /* Keep the error pipe above every fd the child rearranges. */
    int high = fcntl(errpipe[1], F_DUPFD_CLOEXEC, base + n);
    close(errpipe[1]);
    if (high < 0) {
      close(errpipe[0]);
      return errno;
    }
    errpipe[1] = high;
  }
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid_t child = vfork();
  if (child == 0) exec_child(file, argv, envp, cwd, stdio, n, errpipe[1], flags, uid, gid);
  int saved = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  close(errpipe[1]);
  if (child < 0) {
    close(errpipe[0]);
    return saved;
  }
  int err = 0;
  ssize_t got;
  while ((got = read(errpipe[0], &err, sizeof err)) < 0 && errno == EINTR) {
  }
  close(errpipe[0]);
  if (got == (ssize_t)sizeof err) {
    siginfo_t info;
    waitid(P_PID, child, &info, WEXITED);
    return err;
  }
  *pid = child;
  return 0;
}

static int spawn_child(pid_t *pid, const char *file, char *const argv[], char *const envp[], const char *cwd, const int *stdio, int n,
                       int flags, int uid, int gid) {
  if (flags & (MINI_SPAWN_SETUID | MINI_SPAWN_SETGID)) return spawn_with_ids(pid, file, argv, envp, cwd, stdio, n, flags, uid, gid);
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  int r = build_actions(&fa, cwd, stdio, n);
  if (r != 0) return r;
  r = posix_spawnattr_init(&attr);
  if (r != 0) {
    posix_spawn_file_actions_destroy(&fa);
    return r;
  }
  sigset_t all, none;
  sigfillset(&all);
  sigdelset(&all, SIGKILL);
  sigdelset(&all, SIGSTOP);
  sigemptyset(&none);
  short sflags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
  if (flags & MINI_SPAWN_SETSID) sflags |= POSIX_SPAWN_SETSID;
  else if (flags & MINI_SPAWN_SETPGROUP) sflags |= POSIX_SPAWN_SETPGROUP;
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, sflags);
  r = spawn_found(pid, file, &fa, &attr, argv, envp);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  return r;
}

#define MAX_STDIO 256

/*
 * Start a child. Returns its pid, or -errno; out[0] is a pidfd for it
 * (CLOEXEC), from which the loop learns the exit and waitid reaps it.
 * Our ends of the STDIO_PIPE slots are in stdio[] afterwards, also when
 * the program could not be started (the layer above makes streams of
 * them, as Node does); when a pair cannot be made, none is left.
 */
API int mini_spawn(const char *file, const char *args, int argc, const char *env, int envc, const char *cwd, int *stdio, int nstdio,
                   int flags, int uid, int gid, int *out) {
  if (nstdio < 0 || nstdio > MAX_STDIO) return -EINVAL;
  int slots[MAX_STDIO], ours[MAX_STDIO];
  int r = make_pipes(stdio, nstdio, slots, ours);
  if (r != 0) {
    for (int i = 0; i < nstdio; i++)
      if (stdio[i] == STDIO_PIPE) stdio[i] = -1;
    return -r;
  }
  char **argv = split(args, argc);
  char **envp = (flags & MINI_SPAWN_ENVIRON) ? environ_with(env, envc) : split(env, envc);
  pid_t pid = -1;
  if (argv == NULL || envp == NULL) r = ENOMEM;
  else r = spawn_child(&pid, file, argv, envp, cwd, slots, nstdio, flags, uid, gid);
  free(argv);
  free(envp);
  for (int i = 0; i < nstdio; i++)
    if (ours[i] >= 0) {
      close(slots[i]);
      stdio[i] = ours[i];
    }
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
