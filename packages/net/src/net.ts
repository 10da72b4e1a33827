/**
 * node:net on our loop: Server, Socket, and the helpers around them.
 * The handle layer lives in ./handles; this module only assembles the API.
 */
import { Server, type ConnectionListener, type ServerOptions } from './server.js';
import { Socket, type SocketOptions } from './socket.js';
import { normalizeArgs } from './args.js';
import { callableClass, isIP, isIPv4, isIPv6 } from '@mini/sys';

// Callable without `new` and inheritable the old way, as Node's are (sys/callable.ts).
const ServerConstructor = callableClass(Server, 'Server');
const SocketConstructor = callableClass(Socket, 'Socket');
type ServerConstructor = Server;
type SocketConstructor = Socket;
export { ServerConstructor as Server, SocketConstructor as Socket, isIP, isIPv4, isIPv6 };

/**
 * Members that are the host's (pure JavaScript over its own binding, no
 * loop), made on first read: loading the host's node:net costs ~2.5 ms.
 */
export const lazyExports: Record<string, () => unknown> = {
  BlockList: () => (require('node:net') as typeof import('node:net')).BlockList,
  SocketAddress: () => (require('node:net') as typeof import('node:net')).SocketAddress,
};
export const Stream = SocketConstructor;

export function createServer(options?: ServerOptions | ConnectionListener, connectionListener?: ConnectionListener): Server {
  return new Server(options, connectionListener);
}

/** net.connect(options[, cb]) / (port[, host][, cb]) / (path[, cb]). */
export function connect(...args: unknown[]): Socket {
  const [options] = normalizeArgs(args);
  const socketOptions = options as SocketOptions & { timeout?: number };
  const socket = new Socket(socketOptions);
  if (socketOptions.timeout) socket.setTimeout(socketOptions.timeout);
  return socket.connect(...args);
}

export const createConnection = connect;

export {
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
} from './lookup.js';
