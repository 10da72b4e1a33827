/**
 * tls.Server: our net.Server whose accepted sockets each become a
 * server-side TLSSocket. 'connection' still sees the plain socket;
 * 'secureConnection' the TLS one once its handshake is through; a
 * handshake that fails, times out or is cut short is the server's
 * 'tlsClientError' and the server goes on serving.
 *
 * SNI: a server with an SNICallback, or with contexts added by
 * addContext, has its certificate chosen per connection by the name the
 * client asked for (wildcards as Node's: '*.example' matches one label).
 */
import { ServerClass as NetServer, type ServerOptions as NetServerOptions, type SocketClass } from '@mini/net';
import { codedError, validateFunction, validateString } from '@mini/sys';
import { certCallback } from './handles/tls-wrap.js';
import { ssl } from './handles/openssl.js';
import { createSecureContext, SecureContext, type SecureContextOptions } from './secure-context.js';
import { TLSSocket, type SNICallback } from './tls-socket.js';

export interface TLSServerOptions extends SecureContextOptions, NetServerOptions {
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  ALPNProtocols?: unknown;
  SNICallback?: SNICallback;
  handshakeTimeout?: number;
  secureContext?: SecureContext;
  sessionTimeout?: number;
  ticketKeys?: Buffer;
}

type SecureConnectionListener = (socket: TLSSocket) => void;

export class Server extends NetServer {
  _sharedCreds: SecureContext;
  _contexts: [RegExp, SecureContext][] = [];
  requestCert: boolean;
  rejectUnauthorized: boolean;
  ALPNProtocols: unknown;
  SNICallback: SNICallback | undefined;
  handshakeTimeout: number;
  private tlsOptions: TLSServerOptions;

  constructor(options?: TLSServerOptions | SecureConnectionListener, listener?: SecureConnectionListener) {
    if (typeof options === 'function') {
      listener = options;
      options = {};
    } else if (options == null) {
      options = {};
    } else if (typeof options !== 'object') {
      throw codedError('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
    }
    super(options);
    const opts = options;
    this.tlsOptions = opts;
    this.requestCert = opts.requestCert === true;
    this.rejectUnauthorized = opts.rejectUnauthorized !== false;
    this.ALPNProtocols = opts.ALPNProtocols;
    this.handshakeTimeout = opts.handshakeTimeout ?? 120_000;
    if (opts.SNICallback !== undefined) validateFunction(opts.SNICallback, 'options.SNICallback');
    this.SNICallback = opts.SNICallback;
    this._sharedCreds = this.makeContext(opts);
    this.on('connection', tlsConnectionListener);
    if (listener) this.on('secureConnection', listener);
  }

  private makeContext(opts: TLSServerOptions): SecureContext {
    const sc = opts.secureContext ?? createSecureContext(opts);
    // The hook that lets a handshake pause for the SNI decision.
    ssl.SSL_CTX_set_cert_cb(sc.context.ctx, certCallback, null);
    if (this.requestCert) sc.context.setSessionIdContext('mini-tls-server');
    return sc;
  }

  setSecureContext(options: TLSServerOptions): void {
    this._sharedCreds = this.makeContext({ ...this.tlsOptions, ...options });
  }

  addContext(servername: string, context: SecureContextOptions | SecureContext): void {
    if (!servername) throw codedError('ERR_TLS_REQUIRED_SERVER_NAME');
    validateString(servername, 'servername');
    const re = new RegExp(`^${servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replace(/\*/g, '[^.]*')}$`);
    const ctx = context instanceof SecureContext ? context : createSecureContext(context);
    this._contexts.push([re, ctx]);
  }

  /** The SNI answer when the program gave no SNICallback: the last matching addContext. */
  private defaultSNI(servername: string, cb: (err: Error | null, ctx?: SecureContext) => void): void {
    let found: SecureContext | undefined;
    for (const [re, ctx] of this._contexts) if (re.test(servername)) found = ctx;
    cb(null, found);
  }

  getTicketKeys(): Buffer {
    return Buffer.alloc(48);
  }

  setTicketKeys(_keys: Buffer): void {}

  /** Node's per-connection options, taken from the server's own state. */
  _tlsSocketOptions(): ConstructorParameters<typeof TLSSocket>[1] {
    const sni =
      this.SNICallback ??
      (this._contexts.length > 0 ? (name: string, cb: Parameters<SNICallback>[1]) => this.defaultSNI(name, cb) : undefined);
    return {
      secureContext: this._sharedCreds,
      isServer: true,
      server: this,
      requestCert: this.requestCert,
      rejectUnauthorized: this.rejectUnauthorized,
      ALPNProtocols: this.ALPNProtocols,
      ...(sni !== undefined ? { SNICallback: sni } : {}),
      ...(this.tlsOptions.pauseOnConnect ? { pauseOnConnect: true } : {}),
      ...(this.highWaterMark !== undefined ? { highWaterMark: this.highWaterMark } : {}),
    };
  }
}

Object.defineProperty(Server, 'name', { value: 'Server' });

function tlsConnectionListener(this: Server, raw: SocketClass): void {
  const server = raw._server;
  const socket = new TLSSocket(raw, this._tlsSocketOptions());
  // The count of connections follows the TLS socket, which outlives the plain one.
  raw._server = null;
  socket.server = this;
  socket._server = server;
  socket._setHandshakeTimeout(this.handshakeTimeout);
  // Errors on a server socket never go unhandled: before the handshake they are the server's.
  socket.on('error', () => {});
  socket.on('error', function onSocketTLSError(this: TLSSocket, err: Error) {
    this._onServerError(err);
  });
  socket.on('close', function onSocketClose(this: TLSSocket) {
    this._onServerClose();
  });
}

export function createServer(options?: TLSServerOptions | SecureConnectionListener, listener?: SecureConnectionListener): Server {
  return new Server(options, listener);
}
