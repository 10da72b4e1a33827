import { bindTable } from '../ffi.js';
import { libminiTable } from '../native.js';

/** <signal.h>, <sys/signalfd.h>. A sigset_t travels as SIGSET_SIZE bytes, bit (n - 1) for signal n. */
export const signal = bindTable({
  kill: 'int kill(int pid, int sig)',
  signalfd: 'int signalfd(int fd, const void *mask, int flags)',
  gettid: 'int gettid()',
});

/** glibc's sizeof(sigset_t); the kernel reads the first 8 bytes. */
export const SIGSET_SIZE = 128;
/** sizeof(struct signalfd_siginfo); ssi_signo is its first u32. */
export const SIGNALFD_SIGINFO_SIZE = 128;
export const SFD_CLOEXEC = 0o2000000;
export const SFD_NONBLOCK = 0o4000;
export const SIG_BLOCK = 0;
export const SIG_UNBLOCK = 1;
export const SIGKILL = 9;
export const SIGSTOP = 19;

/**
 * native/signal.c: the handler that sends a signal landing on a host thread
 * on to the loop thread, and the loop thread's mask.
 */
export const signalRouting = libminiTable({
  mini_signal_route: 'int mini_signal_route(int sig, int tid)',
  mini_signal_unroute: 'int mini_signal_unroute(int sig)',
  mini_signal_mask: 'int mini_signal_mask(int how, int sig)',
  mini_signal_pending: 'int mini_signal_pending(int sig)',
});
