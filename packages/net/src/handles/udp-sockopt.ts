/**
 * Socket options of a UDP handle, with libuv's argument checks and its
 * choice of IPv4 or IPv6 level. The setters return 0 or a negative errno,
 * as libuv does, and leave an fd of -1 (a handle not yet bound) to the
 * kernel, whose EBADF is what Node reports for an unbound socket;
 * `bufferSize` returns the size, and checks for -1 itself.
 *
 *   ip_mreq      8 B: imr_multiaddr 4 B | imr_interface 4 B
 *   ipv6_mreq   20 B: ipv6mr_multiaddr 16 B | ipv6mr_interface u32 (an index)
 *   ip_mreq_source 12 B: imr_multiaddr | imr_interface | imr_sourceaddr
 */
import {
  encodeInet,
  IP_ADD_MEMBERSHIP,
  IP_DROP_MEMBERSHIP,
  IP_MULTICAST_IF,
  IPPROTO_IP,
  IPPROTO_IPV6,
  IPV6_JOIN_GROUP,
  IPV6_LEAVE_GROUP,
  IPV6_MULTICAST_IF,
  lastError,
  socket as sock,
  SOL_SOCKET,
  UV_EBADF,
  UV_EINVAL,
  isIPv4,
  isIPv6,
} from '@mini/sys';
import { getsockoptInt, setsockoptInt } from './socket.js';

const IP_ADD_SOURCE_MEMBERSHIP = 39;
const IP_DROP_SOURCE_MEMBERSHIP = 40;

/** An option that exists once per IP version: the handle's bound family picks the level. */
export function setIpOption(fd: number, ipv6: boolean, opt4: number, opt6: number, value: number): number {
  return ipv6 ? setsockoptInt(fd, IPPROTO_IPV6, opt6, value) : setsockoptInt(fd, IPPROTO_IP, opt4, value);
}

/** libuv's uv__socket_sockopt: 0 reads the size, anything else sets it. */
export function bufferSize(fd: number, name: number, value: number): number {
  if (fd < 0) return UV_EBADF; // as uv_fileno reports it
  if (value === 0) return getsockoptInt(fd, SOL_SOCKET, name);
  const err = setsockoptInt(fd, SOL_SOCKET, name, value);
  return err < 0 ? err : value;
}

function ipv4Bytes(text: string): Buffer {
  return encodeInet(text, 0).subarray(4, 8);
}

/** The group's family decides the option; the interface is an address (IPv4) or a `%scope` (IPv6). */
export function setMembership(fd: number, group: string, iface: string | undefined, join: boolean): number {
  if (isIPv4(group)) {
    const mreq = Buffer.alloc(8);
    ipv4Bytes(group).copy(mreq, 0);
    if (iface !== undefined) {
      if (!isIPv4(iface)) return UV_EINVAL;
      ipv4Bytes(iface).copy(mreq, 4);
    }
    const r = sock.setsockopt(fd, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, mreq, 8);
    return r < 0 ? lastError() : 0;
  }
  const mreq = Buffer.alloc(20);
  encodeInet(group, 0).copy(mreq, 0, 8, 24);
  if (iface !== undefined) {
    if (!isIPv6(iface.split('%')[0]!)) return UV_EINVAL;
    mreq.writeUInt32LE(encodeInet(iface, 0).readUInt32LE(24), 16);
  }
  const r = sock.setsockopt(fd, IPPROTO_IPV6, join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, mreq, 20);
  return r < 0 ? lastError() : 0;
}

/** Source-specific membership, IPv4 only here (IPv6 needs MCAST_JOIN_SOURCE_GROUP's sockaddr_storage layout). */
export function setSourceMembership(fd: number, source: string, group: string, iface: string | undefined, join: boolean): number {
  if (!isIPv4(source) || !isIPv4(group)) return UV_EINVAL;
  const mreq = Buffer.alloc(12);
  ipv4Bytes(group).copy(mreq, 0);
  if (iface !== undefined) {
    if (!isIPv4(iface)) return UV_EINVAL;
    ipv4Bytes(iface).copy(mreq, 4);
  }
  ipv4Bytes(source).copy(mreq, 8);
  const name = join ? IP_ADD_SOURCE_MEMBERSHIP : IP_DROP_SOURCE_MEMBERSHIP;
  return sock.setsockopt(fd, IPPROTO_IP, name, mreq, 12) < 0 ? lastError() : 0;
}

/**
 * The outgoing multicast interface. As libuv, the text's own family picks
 * the option: an IPv4 address for IP_MULTICAST_IF, an IPv6 `%scope` (the
 * interface index) for IPV6_MULTICAST_IF.
 */
export function setMulticastInterface(fd: number, iface: string): number {
  if (isIPv4(iface)) {
    const r = sock.setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, ipv4Bytes(iface), 4);
    return r < 0 ? lastError() : 0;
  }
  if (isIPv6(iface.split('%')[0]!)) {
    return setsockoptInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, encodeInet(iface, 0).readUInt32LE(24));
  }
  return UV_EINVAL;
}
