/*
 * Many datagrams per system call (sendmmsg), for a connected UDP socket
 * that has a burst to send: a resolver answering 32 replies with 32 new
 * queries makes one call, and wakes its server once, instead of 32 of
 * each.
 *
 *   mini_send_many  send `n` datagrams laid end to end in `data`, the
 *                   length of each in `lens`, to the socket's peer
 *
 * Returns how many were sent (fewer when the kernel's buffer filled up),
 * or -1 with errno set when not even the first one was, as sendmmsg does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#define API __attribute__((visibility("default")))

/* Datagrams per call; the caller sends the rest with another. */
#define MAX_BATCH 64

API int mini_send_many(int fd, const uint8_t *data, const uint32_t *lens, int n) {
  struct mmsghdr msgs[MAX_BATCH];
  struct iovec iov[MAX_BATCH];
  if (n > MAX_BATCH) n = MAX_BATCH;
  if (n <= 0) return 0;
  memset(msgs, 0, sizeof msgs[0] * (size_t)n);
  size_t at = 0;
  for (int i = 0; i < n; i++) {
    iov[i].iov_base = (void *)(data + at);
    iov[i].iov_len = lens[i];
    msgs[i].msg_hdr.msg_iov = &iov[i];
    msgs[i].msg_hdr.msg_iovlen = 1;
    at += lens[i];
  }
  int r;
  do r = sendmmsg(fd, msgs, (unsigned)n, 0);
  while (r < 0 && errno == EINTR);
  return r;
}
