/*
 * Name lookups on the pool. getnameinfo takes seven arguments and a pool request carries six: this
 * wrapper fixes the two buffer lengths at NI_MAXHOST and NI_MAXSERV, which
 * is what libuv's uv_getnameinfo passes too.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#define API __attribute__((visibility("default")))

API int mini_getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host, char *serv, int flags) {
  return getnameinfo(sa, salen, host, NI_MAXHOST, serv, NI_MAXSERV, flags);
}

/*
 * getaddrinfo with its answer read on the pool thread: the list is walked
 * and freed there, and each address lands in `out` as text (inet_ntop, as
 * Node's own answer) in a 48-byte record: its family (4 or 6), the text's
 * length, the text, after a leading 4-byte count of addresses. The loop
 * thread then decodes a buffer instead of walking native memory through
 * FFI views (two per address, plus the free). When the count exceeds
 * `cap`, only the first `cap` are written and the caller asks again with
 * room for all.
 */
#define RECORD 48

API int mini_getaddrinfo(const char *node, const struct addrinfo *hints, uint8_t *out, int cap) {
  struct addrinfo *res = NULL;
  int rc = getaddrinfo(node, NULL, hints, &res);
  int32_t n_out = 0;
  memcpy(out, &n_out, sizeof n_out);
  if (rc != 0) return rc;
  int n = 0;
  for (struct addrinfo *p = res; p; p = p->ai_next) {
    const void *addr;
    uint8_t family;
    if (p->ai_family == AF_INET && p->ai_addrlen >= sizeof(struct sockaddr_in)) {
      addr = &((const struct sockaddr_in *)p->ai_addr)->sin_addr;
      family = 4;
    } else if (p->ai_family == AF_INET6 && p->ai_addrlen >= sizeof(struct sockaddr_in6)) {
      addr = &((const struct sockaddr_in6 *)p->ai_addr)->sin6_addr;
      family = 6;
    } else {
      continue;
    }
    if (n < cap) {
      uint8_t *r = out + 4 + (size_t)n * RECORD;
      char *text = (char *)r + 2;
      if (!inet_ntop(p->ai_family, addr, text, RECORD - 2)) continue;
      r[0] = family;
      r[1] = (uint8_t)strlen(text);
    }
    n++;
  }
  freeaddrinfo(res);
  n_out = n;
  memcpy(out, &n_out, sizeof n_out);
  return 0;
}
