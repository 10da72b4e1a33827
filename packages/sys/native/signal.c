/*
 * Signals a loop reads from its signalfd, kept away from the host's threads.
 *
 * The loop thread blocks each signal it listens to, so the kernel leaves it
 * pending and the loop's signalfd reads it. The host's other threads (V8's
 * platform workers, the host's libuv pool) do not block it, and a
 * process-directed signal goes to any thread that does not: there its
 * default action would kill the process (measured: 300 SIGINTs at a process
 * blocking SIGINT on its main thread only killed it 5 runs of 5).
 *
 * So each routed signal gets this handler. It runs only on a thread that
 * does not block the signal; it adds the signal to the mask that thread
 * returns to (so the kernel picks another thread next time) and sends the
 * signal on to the loop thread, where it waits for the signalfd. Standard
 * signals merge while pending, as they would in any case.
 *
 * mini_signal_unroute puts back the disposition the signal had before
 * (SIG_DFL, the host's SIG_IGN for SIGPIPE, the inspector's SIGUSR1 handler).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

#define MAX_SIGNAL 65

static volatile pid_t target[MAX_SIGNAL];
static struct sigaction previous[MAX_SIGNAL];
static int routed[MAX_SIGNAL];

static void reroute(int sig, siginfo_t *info, void *context) {
  (void)info;
  int saved = errno;
  ucontext_t *uc = context;
  sigaddset(&uc->uc_sigmask, sig);
  pid_t tid = target[sig];
  if (tid > 0) syscall(SYS_tgkill, getpid(), tid, sig);
  errno = saved;
}

/** Send `sig` to thread `tid` from now on; 0 or -errno. */
API int mini_signal_route(int sig, int tid) {
  if (sig <= 0 || sig >= MAX_SIGNAL) return -EINVAL;
  target[sig] = tid;
  if (routed[sig]) return 0;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = reroute;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigfillset(&sa.sa_mask);
  if (sigaction(sig, &sa, &previous[sig]) < 0) return -errno;
  routed[sig] = 1;
  return 0;
}

/** Give `sig` back its disposition from before the first route; 0 or -errno. */
API int mini_signal_unroute(int sig) {
  if (sig <= 0 || sig >= MAX_SIGNAL) return -EINVAL;
  if (!routed[sig]) return 0;
  if (sigaction(sig, &previous[sig], NULL) < 0) return -errno;
  routed[sig] = 0;
  target[sig] = 0;
  return 0;
}

/** Block (how = SIG_BLOCK) or unblock (SIG_UNBLOCK) `sig` on the calling thread; 0 or -errno. */
API int mini_signal_mask(int how, int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  int r = pthread_sigmask(how, &set, NULL);
  return r == 0 ? 0 : -r;
}

/** 1 when `sig` is pending for the calling thread or the process. */
API int mini_signal_pending(int sig) {
  sigset_t set;
  if (sigpending(&set) < 0) return -errno;
  return sigismember(&set, sig);
}
