import { bindTable } from '../ffi.js';

/** <sys/eventfd.h>, <sys/timerfd.h>: kernel counters and timers as fds. */
export const eventfd = bindTable({
  eventfd: 'int eventfd(uint32_t initval, int flags)',
  timerfd_create: 'int timerfd_create(int clockid, int flags)',
  // struct itimerspec is four 64-bit words: interval {sec, nsec}, value {sec, nsec}.
  timerfd_settime: 'int timerfd_settime(int fd, int flags, const void *new_value, _Out_opt_ void *old_value)',
});

export const EFD_CLOEXEC = 0o2000000;
export const EFD_NONBLOCK = 0o4000;
export const EFD_SEMAPHORE = 1;
export const TFD_CLOEXEC = 0o2000000;
export const TFD_NONBLOCK = 0o4000;
export const CLOCK_MONOTONIC = 1;
