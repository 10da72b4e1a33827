/*
 * getnameinfo takes seven arguments and a pool request carries six: this
 * wrapper fixes the two buffer lengths at NI_MAXHOST and NI_MAXSERV, which
 * is what libuv's uv_getnameinfo passes too.
 */
#define _GNU_SOURCE
#include <netdb.h>
#include <sys/socket.h>

#define API __attribute__((visibility("default")))

API int mini_getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host, char *serv, int flags) {
  return getnameinfo(sa, salen, host, NI_MAXHOST, serv, NI_MAXSERV, flags);
}
