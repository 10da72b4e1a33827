/**
 * node:https: http's server and client over our tls.
 *
 *   Server  a tls.Server whose sockets speak HTTP from 'secureConnection'
 *           on (http.Server's options, timeouts and methods, shared)
 *   Agent   http's pool, connecting with tls.connect; the pool key adds
 *           the TLS options, so sockets with other certificates or CAs
 *           are never mixed
 *   request/get  http's ClientRequest with https' global agent as default
 */
import { TLSServerClass, tls, type TLSServerOptions } from '@mini/tls';
import { callableClass } from '@mini/sys';
import { Agent as HttpAgent, type AgentOptions, type ConnectOptions } from './agent.js';
import { ClientRequest, urlToOptions, type RequestOptions } from './client.js';
import { IncomingMessage } from './incoming.js';
import { Server as HttpServer, initHttpServer, sharedServerMethods, type ServerOptions } from './server.js';
import type { ServerResponse } from './server-response.js';
import type { TransportSocket } from './transport.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

class Server extends TLSServerClass {
  constructor(options?: (TLSServerOptions & ServerOptions) | RequestListener, requestListener?: RequestListener) {
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    }
    options ??= {};
    super({ noDelay: true, ALPNProtocols: ['http/1.1'], ...options });
    initHttpServer(this as unknown as HttpServer, options, requestListener, 'secureConnection');
    // A handshake that fails is the HTTP server's 'clientError' when someone listens.
    this.on('tlsClientError', (err: Error, conn: TransportSocket) => {
      if (!this.emit('clientError', err, conn)) conn.destroy(err);
    });
  }
}
Object.defineProperty(Server, 'name', { value: 'Server' });
for (const name of sharedServerMethods) {
  Object.defineProperty(Server.prototype, name, {
    value: (HttpServer.prototype as unknown as Record<string, unknown>)[name],
    writable: true,
    configurable: true,
  });
}

/** The TLS options that make two connections to the same origin different. */
const TLS_KEY_OPTIONS = [
  'ca',
  'cert',
  'clientCertEngine',
  'ciphers',
  'key',
  'pfx',
  'rejectUnauthorized',
  'servername',
  'minVersion',
  'maxVersion',
  'secureProtocol',
  'crl',
  'honorCipherOrder',
  'ecdhCurve',
  'dhparam',
  'secureOptions',
  'sessionIdContext',
  'sigalgs',
  'privateKeyIdentifier',
  'privateKeyEngine',
] as const;

class Agent extends HttpAgent {
  declare maxCachedSessions: number;
  declare _sessionCache: { map: Record<string, unknown>; list: string[] };

  constructor(options?: AgentOptions) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = (this.options.maxCachedSessions as number | undefined) ?? 100;
    this._sessionCache = { map: {}, list: [] };
  }

  /**
   * tls.connect, resuming the last session this pool key saw: each new
   * session (ticket) replaces it, a connection that closes on an error
   * drops it.
   */
  override createConnection(options: ConnectOptions, cb?: () => void): TransportSocket {
    const key = options._agentKey as string | undefined;
    if (key !== undefined) {
      const session = this._getSession(key);
      if (session !== undefined) options = { session, ...options };
    }
    const socket = tls.connect(options as never);
    if (cb) socket.once('secureConnect', cb);
    if (key !== undefined) {
      socket.on('session', (session: Buffer) => this._cacheSession(key, session));
      socket.once('close', (hadError: boolean) => {
        if (hadError) this._evictSession(key);
      });
    }
    return socket as unknown as TransportSocket;
  }

  _getSession(key: string): Buffer | undefined {
    return this._sessionCache.map[key] as Buffer | undefined;
  }

  _cacheSession(key: string, session: Buffer): void {
    if (this.maxCachedSessions === 0) return;
    const cache = this._sessionCache;
    if (cache.map[key] !== undefined) {
      cache.map[key] = session;
      return;
    }
    // Full: the oldest key goes.
    if (cache.list.length >= this.maxCachedSessions) delete cache.map[cache.list.shift()!];
    cache.list.push(key);
    cache.map[key] = session;
  }

  _evictSession(key: string): void {
    const cache = this._sessionCache;
    const i = cache.list.indexOf(key);
    if (i === -1) return;
    cache.list.splice(i, 1);
    delete cache.map[key];
  }

  override getName(options: ConnectOptions = {}): string {
    let name = super.getName(options);
    for (const key of TLS_KEY_OPTIONS) {
      name += ':';
      const value = options[key];
      if (key === 'servername') {
        if (value && value !== options.host) name += String(value);
      } else if (value !== undefined && value !== null) {
        name += String(value);
      }
    }
    return name;
  }
}
Object.defineProperty(Agent, 'name', { value: 'Agent' });

export const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

type ResponseListener = (res: IncomingMessage) => void;

function request(
  url: string | URL | (RequestOptions & Record<string, unknown>),
  options?: (RequestOptions & Record<string, unknown>) | ResponseListener,
  cb?: ResponseListener,
): ClientRequest {
  const args: unknown[] = [url, options, cb].filter((a) => a !== undefined);
  let opts: Record<string, unknown> = {};
  if (typeof args[0] === 'string' || args[0] instanceof URL) {
    const u = typeof args[0] === 'string' ? new URL(args.shift() as string) : (args.shift() as URL);
    opts = urlToOptions(u) as Record<string, unknown>;
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(opts, args.shift());
  opts._defaultAgent = globalAgent;
  return new ClientRequest(opts as RequestOptions, args[0] as ResponseListener | undefined);
}

function get(
  url: string | URL | (RequestOptions & Record<string, unknown>),
  options?: (RequestOptions & Record<string, unknown>) | ResponseListener,
  cb?: ResponseListener,
): ClientRequest {
  const req = request(url, options, cb);
  req.end();
  return req;
}

function createServer(options?: (TLSServerOptions & ServerOptions) | RequestListener, requestListener?: RequestListener): Server {
  return new Server(options, requestListener);
}

const AgentConstructor = callableClass(Agent, 'Agent');
const ServerConstructor = callableClass(Server, 'Server');
export { AgentConstructor as Agent, ServerConstructor as Server, createServer, get, request };

/** require('https'): the keys in Node's order. */
export function createHttps(): Record<string, unknown> {
  return { Agent: AgentConstructor, globalAgent, Server: ServerConstructor, createServer, get, request };
}
