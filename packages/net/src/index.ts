// The handle layer (TCP, Pipe, UDP) and the two Node modules built on it.
export * as net from './net.js';
export * as dgram from './dgram.js';
export { TCP, UV_TCP_IPV6ONLY, type AddressInfo } from './handles/tcp.js';
export { Pipe } from './handles/pipe.js';
export { StreamHandle, ConnectReq, WriteReq, ShutdownReq, UV_EOF, UV_ECANCELED } from './handles/stream.js';
// The base every fd-backed handle shares, for handles that live elsewhere (TTY, an IPC channel).
export { FdHandle, openSocket, socketName, getsockoptInt, setsockoptInt } from './handles/socket.js';
export { setSystemLookup, type LookupFunction } from './lookup.js';
