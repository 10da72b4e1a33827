// The handle layer (TCP, Pipe, TTY, UDP) and the Node modules built on it (net, dgram, tty).
export * as net from './net.js';
export * as dgram from './dgram-api.js';
export { udpHandleOf } from './dgram.js';
export { createTty, ReadStream, WriteStream, isatty } from './tty.js';
export { TCP, UV_TCP_IPV6ONLY, type AddressInfo } from './handles/tcp.js';
export { Pipe } from './handles/pipe.js';
export { TTY, guessHandleType, type HandleType } from './handles/tty.js';
export { StreamHandle, ConnectReq, WriteReq, ShutdownReq, UV_EOF, UV_ECANCELED } from './handles/stream.js';
// The base every fd-backed handle shares, for handles that live elsewhere (TTY, an IPC channel).
export { FdHandle, openSocket, socketName, getsockoptInt, setsockoptInt } from './handles/socket.js';
// The classes themselves, for subclasses elsewhere (tls.TLSSocket); net.Socket is their callable face.
export { Socket as SocketClass, consumeData, type DataConsumer, type SocketOptions } from './socket.js';
export { Server as ServerClass, type ServerOptions } from './server.js';
export { normalizeArgs } from './args.js';
export { setSystemLookup, type LookupFunction } from './lookup.js';
export { UDP, UdpSendRequest } from './handles/udp.js';
export { handleForFd } from './handles/fd-type.js';
export { createServerHandle } from './server.js';
export { setClusterWorker, type ClusterWorker, type ListenHandle, type ServerQuery, type GetServerCallback } from './cluster-hook.js';
