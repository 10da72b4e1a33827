// node:dgram as programs see it: what dgram.ts exports for other packages
// (the handle under a socket, for passing it to another process) stays out.
export { Socket, createSocket } from './dgram.js';
export type { SocketType, SocketOptions, BindOptions, AddressInfo, MessageInfo, Message } from './dgram.js';
