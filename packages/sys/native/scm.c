/*
 * Descriptors over a Unix stream socket (SCM_RIGHTS), for the IPC channel
 * that passes servers and sockets between processes, in libuv's wire
 * format: a descriptor travels in the ancillary data of the first sendmsg
 * that carries its message's bytes.
 *
 * Two calls, so that a message costs one FFI call each way and no msghdr
 * is built in JavaScript:
 *
 *   mini_send_fd   write `len` bytes, with `fd` attached when it is >= 0
 *   mini_recv_fds  read up to `len` bytes and the descriptors that came
 *                  with them (close-on-exec from birth); out[0] is how
 *                  many were stored in `fds`, out[1] is 1 when the kernel
 *                  truncated the control data (MSG_CTRUNC: descriptors lost)
 *
 * Both return the byte count or -1 with errno set, as the system calls do.
 * Descriptors beyond `max` are closed here: nobody could ever close them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

/* Control space for this many descriptors per read (libuv's limit too). */
#define MAX_FDS_PER_READ 64

API long mini_send_fd(int sock, const void *buf, size_t len, int fd) {
  struct iovec iov = {.iov_base = (void *)buf, .iov_len = len};
  struct msghdr msg;
  union {
    char space[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } control;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (fd >= 0) {
    memset(&control, 0, sizeof control);
    msg.msg_control = control.space;
    msg.msg_controllen = sizeof control.space;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
  }
  ssize_t n;
  do n = sendmsg(sock, &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  return n;
}

API long mini_recv_fds(int sock, void *buf, size_t len, int *fds, int max, int *out) {
  struct iovec iov = {.iov_base = buf, .iov_len = len};
  struct msghdr msg;
  union {
    char space[CMSG_SPACE(sizeof(int) * MAX_FDS_PER_READ)];
    struct cmsghdr align;
  } control;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control.space;
  msg.msg_controllen = sizeof control.space;
  out[0] = 0;
  out[1] = 0;
  ssize_t n;
  do n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n < 0) return n;
  if (msg.msg_flags & MSG_CTRUNC) out[1] = 1;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    for (int i = 0; i < count; i++) {
      int fd;
      memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
      if (out[0] < max) fds[out[0]++] = fd;
      else close(fd);
    }
  }
  return n;
}
