/**
 * SecureContext: one SSL_CTX (Node's crypto::SecureContext), the settings
 * every connection made from it shares: certificate and key, trusted CAs,
 * ciphers, protocol versions, ALPN for servers.
 *
 * The trusted store is by default one X509_STORE of Node's bundled root
 * certificates (and NODE_EXTRA_CA_CERTS), built once on first use and
 * shared by reference among contexts; a context given `ca` gets a store of
 * its own with those only, as Node's does.
 *
 * An SSL made from the context holds a reference to it, so freeing the
 * SSL_CTX when the JS object is collected is safe while connections live.
 */
import { readFileSync } from 'node:fs';
import { type Pointer } from '@mini/sys';
import { cryptoError } from './errors.js';
import { newSessionCallback } from './sessions.js';
import {
  nativeCallback,
  OPENSSL_NPN_NEGOTIATED,
  SSL_CTRL_CHAIN_CERT,
  SSL_CTRL_MODE,
  SSL_CTRL_SET_SESS_CACHE_MODE,
  SSL_SESS_CACHE_CLIENT,
  SSL_SESS_CACHE_SERVER,
  SSL_CTRL_SET_GROUPS_LIST,
  SSL_CTRL_SET_MAX_PROTO_VERSION,
  SSL_CTRL_SET_MIN_PROTO_VERSION,
  SSL_MODE_RELEASE_BUFFERS,
  SSL_OP_CIPHER_SERVER_PREFERENCE,
  SSL_TLSEXT_ERR_ALERT_FATAL,
  SSL_TLSEXT_ERR_NOACK,
  SSL_TLSEXT_ERR_OK,
  ssl,
  TLS1_1_VERSION,
  TLS1_2_VERSION,
  TLS1_3_VERSION,
  TLS1_VERSION,
} from './openssl.js';

export const PROTOCOL_VERSIONS: Record<string, number> = {
  TLSv1: TLS1_VERSION,
  'TLSv1.1': TLS1_1_VERSION,
  'TLSv1.2': TLS1_2_VERSION,
  'TLSv1.3': TLS1_3_VERSION,
};

const method = ssl.TLS_method()!;

const contexts = new FinalizationRegistry<Pointer>((ctx) => ssl.SSL_CTX_free(ctx));

/** Every PEM block of a type in a text ("CERTIFICATE", …), in order. */
function pemBlocks(pem: Buffer | string): Buffer[] {
  const text = typeof pem === 'string' ? pem : pem.toString('latin1');
  const out: Buffer[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(Buffer.from(m[0], 'latin1'));
  return out;
}

/** X509 objects from PEM text (or one DER certificate); the caller owns them. */
export function parseCertificates(input: Buffer | string, first = false): Pointer[] {
  const blocks = pemBlocks(input);
  if (blocks.length === 0 && Buffer.isBuffer(input) && input.length > 0 && input[0] === 0x30) {
    const bio = ssl.BIO_new_mem_buf(input, input.length)!;
    const x = ssl.d2i_X509_bio(bio, null);
    ssl.BIO_free(bio);
    return x === null ? [] : [x];
  }
  const out: Pointer[] = [];
  for (const block of blocks) {
    const bio = ssl.BIO_new_mem_buf(block, block.length)!;
    const x = first && out.length === 0 ? ssl.PEM_read_bio_X509_AUX(bio, null, null, null) : ssl.PEM_read_bio_X509(bio, null, null, null);
    ssl.BIO_free(bio);
    if (x !== null) out.push(x);
  }
  return out;
}

let rootStore: Pointer | undefined;
let rootPems: readonly string[] | undefined;

/**
 * Node's bundled root certificates: the same list the node binary
 * carries (the host's tls module holds it as data, read once).
 */
export function bundledRootCertificates(): readonly string[] {
  return (rootPems ??= (require('node:tls') as { rootCertificates: readonly string[] }).rootCertificates);
}

function extraCaCerts(): Pointer[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return parseCertificates(readFileSync(file));
  } catch (e) {
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(e as Error).message}\n`);
    return [];
  }
}

function defaultRootStore(): Pointer {
  if (rootStore !== undefined) return rootStore;
  const store = ssl.X509_STORE_new()!;
  for (const pem of bundledRootCertificates()) {
    for (const x of parseCertificates(pem)) {
      ssl.X509_STORE_add_cert(store, x);
      ssl.X509_free(x);
    }
  }
  for (const x of extraCaCerts()) {
    ssl.X509_STORE_add_cert(store, x);
    ssl.X509_free(x);
  }
  ssl.ERR_clear_error();
  rootStore = store;
  return store;
}

/**
 * The server side of ALPN: the first of the server's protocols the client
 * offers. No overlap ends the handshake with no_application_protocol,
 * as Node 20 does.
 */
const alpnSelect = nativeCallback('int mini_alpn_select(void *ssl, void *out, void *outlen, void *in, unsigned int inlen, void *arg)', ((
  s: Pointer,
  out: Pointer,
  outlen: Pointer,
  input: Pointer,
  inlen: number,
): number => {
  void s;
  const wire = selectingContext?.alpnWire;
  if (wire === undefined) return SSL_TLSEXT_ERR_NOACK;
  const status = ssl.SSL_select_next_proto(out, outlen, wire, wire.length, input, inlen);
  return status === OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK : SSL_TLSEXT_ERR_ALERT_FATAL;
}) as (...args: never[]) => unknown);

/**
 * OpenSSL calls the ALPN hook inside SSL_do_handshake: the pump says which
 * context the handshake runs under just before (one thread, no overlap).
 */
let selectingContext: SecureContextHandle | undefined;

export function selectingFor(ctx: SecureContextHandle | undefined): void {
  selectingContext = ctx;
}

export class SecureContextHandle {
  readonly ctx: Pointer;
  /** Server's ALPN protocols in wire form (length-prefixed), kept alive for the hook. */
  alpnWire: Buffer | undefined;
  private ownStore = false;
  private hasCert = false;

  constructor() {
    const ctx = ssl.SSL_CTX_new(method);
    if (ctx === null) throw cryptoError('SSL_CTX_new');
    this.ctx = ctx;
    contexts.register(this, ctx);
    ssl.SSL_CTX_ctrl(ctx, SSL_CTRL_MODE, SSL_MODE_RELEASE_BUFFERS, null);
    // Clients hear of each new session (a TLS 1.3 ticket) through the hook: the 'session' event.
    ssl.SSL_CTX_ctrl(ctx, SSL_CTRL_SET_SESS_CACHE_MODE, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER, null);
    ssl.SSL_CTX_sess_set_new_cb(ctx, newSessionCallback);
    this.setMinProto(TLS1_2_VERSION);
    this.setMaxProto(TLS1_3_VERSION);
  }

  setMinProto(version: number): void {
    ssl.SSL_CTX_ctrl(this.ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, version, null);
  }

  setMaxProto(version: number): void {
    ssl.SSL_CTX_ctrl(this.ctx, SSL_CTRL_SET_MAX_PROTO_VERSION, version, null);
  }

  /** The leaf and, after it, its chain. */
  setCert(pem: Buffer | string): void {
    const certs = parseCertificates(pem, true);
    if (certs.length === 0) {
      ssl.ERR_clear_error();
      const err = new Error('error:0480006C:PEM routines::no start line') as Error & { library: string; reason: string; code: string };
      Object.assign(err, { library: 'PEM routines', reason: 'no start line', code: 'ERR_OSSL_PEM_NO_START_LINE' });
      throw err;
    }
    const [leaf, ...chain] = certs;
    const ok = ssl.SSL_CTX_use_certificate(this.ctx, leaf!);
    ssl.X509_free(leaf!);
    if (ok !== 1) throw cryptoError('SSL_CTX_use_certificate');
    // add0: the context takes the reference.
    for (const x of chain) ssl.SSL_CTX_ctrl(this.ctx, SSL_CTRL_CHAIN_CERT, 0, x);
    this.hasCert = true;
  }

  setKey(pem: Buffer | string, passphrase?: string): void {
    const buf = typeof pem === 'string' ? Buffer.from(pem) : pem;
    const bio = ssl.BIO_new_mem_buf(buf, buf.length)!;
    const key = ssl.PEM_read_bio_PrivateKey(bio, null, null, passphrase ?? null);
    ssl.BIO_free(bio);
    if (key === null) throw cryptoError('PEM_read_bio_PrivateKey');
    const ok = ssl.SSL_CTX_use_PrivateKey(this.ctx, key);
    ssl.EVP_PKEY_free(key);
    if (ok !== 1) throw cryptoError('SSL_CTX_use_PrivateKey');
    if (this.hasCert && ssl.SSL_CTX_check_private_key(this.ctx) !== 1) throw cryptoError('SSL_CTX_check_private_key');
  }

  /** Trust these CAs (only these, plus any added later), and offer them to clients as acceptable issuers. */
  addCACert(pem: Buffer | string): void {
    if (!this.ownStore) {
      ssl.SSL_CTX_set_cert_store(this.ctx, ssl.X509_STORE_new()!);
      this.ownStore = true;
    }
    const store = ssl.SSL_CTX_get_cert_store(this.ctx)!;
    for (const x of parseCertificates(pem)) {
      ssl.X509_STORE_add_cert(store, x);
      ssl.SSL_CTX_add_client_CA(this.ctx, x);
      ssl.X509_free(x);
    }
    ssl.ERR_clear_error();
  }

  /** Trust Node's root certificates (the default when no `ca` is given). */
  addRootCerts(): void {
    const store = defaultRootStore();
    ssl.X509_STORE_up_ref(store);
    ssl.SSL_CTX_set_cert_store(this.ctx, store);
    this.ownStore = false;
  }

  /** TLS 1.2 and below cipher list (OpenSSL syntax). */
  setCiphers(list: string): void {
    if (ssl.SSL_CTX_set_cipher_list(this.ctx, list) !== 1) throw cryptoError('SSL_CTX_set_cipher_list');
  }

  /** TLS 1.3 suites, colon-separated ('' disables TLS 1.3). */
  setCipherSuites(list: string): void {
    if (ssl.SSL_CTX_set_ciphersuites(this.ctx, list) !== 1) throw cryptoError('SSL_CTX_set_ciphersuites');
  }

  setEcdhCurve(curve: string): void {
    if (curve === 'auto') return;
    const name = Buffer.from(`${curve}\0`, 'latin1');
    if (ssl.SSL_CTX_ctrl(this.ctx, SSL_CTRL_SET_GROUPS_LIST, 0, name) !== 1) throw cryptoError('Failed to set ECDH curve');
  }

  setHonorCipherOrder(): void {
    ssl.SSL_CTX_set_options(this.ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
  }

  setSessionIdContext(id: string): void {
    const buf = Buffer.from(id);
    ssl.SSL_CTX_set_session_id_context(this.ctx, buf, Math.min(buf.length, 32));
  }

  /** Server ALPN: the protocols in the wire form, server's preference first. */
  setALPNProtocols(wire: Buffer): void {
    this.alpnWire = wire;
    ssl.SSL_CTX_set_alpn_select_cb(this.ctx, alpnSelect, null);
  }
}
