import { bindTable } from '../ffi.js';
import { libminiTable } from '../native.js';

/**
 * <sys/socket.h>, <netinet/in.h>, <sys/un.h>. Addresses travel as raw
 * `struct sockaddr` bytes; sockaddr.ts encodes and decodes them.
 */
export const socket = bindTable({
  socket: 'int socket(int domain, int type, int protocol)',
  socketpair: 'int socketpair(int domain, int type, int protocol, _Out_ int *sv)',
  bind: 'int bind(int fd, const void *addr, uint32_t addrlen)',
  listen: 'int listen(int fd, int backlog)',
  accept4: 'int accept4(int fd, _Out_opt_ void *addr, _Inout_opt_ uint32_t *addrlen, int flags)',
  connect: 'int connect(int fd, const void *addr, uint32_t addrlen)',
  shutdown: 'int shutdown(int fd, int how)',
  getsockname: 'int getsockname(int fd, _Out_ void *addr, _Inout_ uint32_t *addrlen)',
  getpeername: 'int getpeername(int fd, _Out_ void *addr, _Inout_ uint32_t *addrlen)',
  getsockopt: 'int getsockopt(int fd, int level, int name, _Out_ void *value, _Inout_ uint32_t *len)',
  setsockopt: 'int setsockopt(int fd, int level, int name, const void *value, uint32_t len)',
  send: 'long send(int fd, const void *buf, size_t len, int flags)',
  sendto: 'long sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)',
  recvfrom: 'long recvfrom(int fd, _Out_ void *buf, size_t len, int flags, _Out_ void *addr, _Inout_ uint32_t *addrlen)',
});

export const AF_UNSPEC = 0;
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_NONBLOCK = 0o4000;
export const SOCK_CLOEXEC = 0o2000000;
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;
export const SO_TYPE = 3;
export const SO_ERROR = 4;
export const SO_BROADCAST = 6;
export const SO_SNDBUF = 7;
export const SO_RCVBUF = 8;
export const SO_KEEPALIVE = 9;
export const SO_REUSEPORT = 15;
export const IPPROTO_IP = 0;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_IPV6 = 41;
export const TCP_NODELAY = 1;
export const TCP_KEEPIDLE = 4;
export const TCP_KEEPINTVL = 5;
export const TCP_KEEPCNT = 6;
export const IP_TTL = 2;
export const IP_MULTICAST_IF = 32;
export const IP_MULTICAST_TTL = 33;
export const IP_MULTICAST_LOOP = 34;
export const IP_ADD_MEMBERSHIP = 35;
export const IP_DROP_MEMBERSHIP = 36;
export const IPV6_UNICAST_HOPS = 16;
export const IPV6_MULTICAST_IF = 17;
export const IPV6_MULTICAST_HOPS = 18;
export const IPV6_MULTICAST_LOOP = 19;
export const IPV6_JOIN_GROUP = 20;
export const IPV6_LEAVE_GROUP = 21;
export const IPV6_V6ONLY = 26;
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;
export const MSG_NOSIGNAL = 0x4000;
export const MSG_DONTWAIT = 0x40;
export const SCM_RIGHTS = 1;

/**
 * native/scm.c: one sendmsg or recvmsg with SCM_RIGHTS per call, for the
 * IPC channel that passes handles (no msghdr is built on this side).
 */
export const scmRights = libminiTable({
  mini_send_fd: 'long mini_send_fd(int sock, const void *buf, size_t len, int fd)',
  mini_recv_fds: 'long mini_recv_fds(int sock, _Out_ void *buf, size_t len, _Out_ int *fds, int max, _Out_ int *out)',
});

/** native/mmsg.c: a burst of datagrams to a connected socket's peer in one sendmmsg. */
export const sendMany = libminiTable({
  mini_send_many: 'int mini_send_many(int fd, const void *data, const void *lens, int n)',
});

/** Datagrams mini_send_many takes per call. */
export const SEND_MANY_MAX = 64;
