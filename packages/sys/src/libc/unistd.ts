import { bindTable } from '../ffi.js';

/** <unistd.h>, <fcntl.h>: plain descriptors. */
export const unistd = bindTable({
  read: 'long read(int fd, _Out_ void *buf, size_t count)',
  write: 'long write(int fd, const void *buf, size_t count)',
  close: 'int close(int fd)',
  dup: 'int dup(int fd)',
  dup3: 'int dup3(int oldfd, int newfd, int flags)',
  open: 'int open(const char *path, int flags, uint32_t mode)',
  fcntl: 'int fcntl(int fd, int cmd, int arg)',
  isatty: 'int isatty(int fd)',
  unlink: 'int unlink(const char *path)',
});

export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_CREAT = 0o100;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_CLOEXEC = 0o2000000;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const FD_CLOEXEC = 1;
