/**
 * OpenSSL as the node binary exports it (3.0.x, the one Node's own tls
 * runs on), declared as a table and bound in the process's scope: the
 * library is already loaded, so nothing is opened and the behaviour,
 * error strings and cipher lists are the ones node has.
 *
 * Only what the record pump and the contexts need is here. Macros of
 * ssl.h (SSL_CTX_set_min_proto_version, BIO_ctrl_pending, …) are their
 * *_ctrl calls with the command numbers below.
 */
import { bindTable, libminiTable, nativeCallback, readPointer, viewMemory, type Pointer } from '@mini/sys';

export const ssl = bindTable({
  TLS_method: 'void *TLS_method()',
  SSL_CTX_new: 'void *SSL_CTX_new(void *method)',
  SSL_CTX_free: 'void SSL_CTX_free(void *ctx)',
  SSL_CTX_ctrl: 'long SSL_CTX_ctrl(void *ctx, int cmd, long larg, _In_opt_ void *parg)',
  SSL_CTX_set_options: 'uint64_t SSL_CTX_set_options(void *ctx, uint64_t options)',
  SSL_CTX_clear_options: 'uint64_t SSL_CTX_clear_options(void *ctx, uint64_t options)',
  SSL_CTX_set_cipher_list: 'int SSL_CTX_set_cipher_list(void *ctx, const char *list)',
  SSL_CTX_set_ciphersuites: 'int SSL_CTX_set_ciphersuites(void *ctx, const char *list)',
  SSL_CTX_use_certificate: 'int SSL_CTX_use_certificate(void *ctx, void *x509)',
  SSL_CTX_use_PrivateKey: 'int SSL_CTX_use_PrivateKey(void *ctx, void *pkey)',
  SSL_CTX_check_private_key: 'int SSL_CTX_check_private_key(void *ctx)',
  SSL_CTX_set_cert_store: 'void SSL_CTX_set_cert_store(void *ctx, void *store)',
  SSL_CTX_get_cert_store: 'void *SSL_CTX_get_cert_store(void *ctx)',
  SSL_CTX_add_client_CA: 'int SSL_CTX_add_client_CA(void *ctx, void *x509)',
  SSL_CTX_set_verify: 'void SSL_CTX_set_verify(void *ctx, int mode, _In_opt_ void *callback)',
  SSL_CTX_set_cert_cb: 'void SSL_CTX_set_cert_cb(void *ctx, _In_opt_ void *callback, _In_opt_ void *arg)',
  SSL_CTX_set_alpn_select_cb: 'void SSL_CTX_set_alpn_select_cb(void *ctx, _In_opt_ void *callback, _In_opt_ void *arg)',
  SSL_CTX_set_session_id_context: 'int SSL_CTX_set_session_id_context(void *ctx, const unsigned char *id, unsigned int len)',
  SSL_new: 'void *SSL_new(void *ctx)',
  SSL_free: 'void SSL_free(void *ssl)',
  SSL_set_bio: 'void SSL_set_bio(void *ssl, void *rbio, void *wbio)',
  SSL_set_connect_state: 'void SSL_set_connect_state(void *ssl)',
  SSL_set_accept_state: 'void SSL_set_accept_state(void *ssl)',
  SSL_do_handshake: 'int SSL_do_handshake(void *ssl)',
  SSL_is_init_finished: 'int SSL_is_init_finished(void *ssl)',
  SSL_read: 'int SSL_read(void *ssl, _Out_ void *buf, int num)',
  SSL_write: 'int SSL_write(void *ssl, const void *buf, int num)',
  SSL_shutdown: 'int SSL_shutdown(void *ssl)',
  SSL_get_error: 'int SSL_get_error(void *ssl, int ret)',
  SSL_ctrl: 'long SSL_ctrl(void *ssl, int cmd, long larg, _In_opt_ void *parg)',
  SSL_set_SSL_CTX: 'void *SSL_set_SSL_CTX(void *ssl, void *ctx)',
  SSL_set_verify: 'void SSL_set_verify(void *ssl, int mode, _In_opt_ void *callback)',
  SSL_set_alpn_protos: 'int SSL_set_alpn_protos(void *ssl, const unsigned char *protos, unsigned int len)',
  SSL_get0_alpn_selected: 'void SSL_get0_alpn_selected(void *ssl, _Out_ void *data, _Out_ unsigned int *len)',
  SSL_select_next_proto:
    'int SSL_select_next_proto(void *out, void *outlen, const unsigned char *server, unsigned int serverlen, void *client, unsigned int clientlen)',
  SSL_get_servername: 'char *SSL_get_servername(void *ssl, int type)',
  SSL_get_verify_result: 'long SSL_get_verify_result(void *ssl)',
  SSL_get1_peer_certificate: 'void *SSL_get1_peer_certificate(void *ssl)',
  SSL_get_certificate: 'void *SSL_get_certificate(void *ssl)',
  SSL_get_peer_cert_chain: 'void *SSL_get_peer_cert_chain(void *ssl)',
  SSL_get0_verified_chain: 'void *SSL_get0_verified_chain(void *ssl)',
  SSL_get_version: 'char *SSL_get_version(void *ssl)',
  SSL_get_current_cipher: 'void *SSL_get_current_cipher(void *ssl)',
  SSL_get_ciphers: 'void *SSL_get_ciphers(void *ssl)',
  SSL_session_reused: 'int SSL_session_reused(void *ssl)',
  SSL_get1_session: 'void *SSL_get1_session(void *ssl)',
  SSL_set_session: 'int SSL_set_session(void *ssl, void *session)',
  SSL_SESSION_free: 'void SSL_SESSION_free(void *session)',
  SSL_CTX_sess_set_new_cb: 'void SSL_CTX_sess_set_new_cb(void *ctx, _In_opt_ void *callback)',
  PEM_write_bio_SSL_SESSION: 'int PEM_write_bio_SSL_SESSION(void *bio, void *session)',
  PEM_read_bio_SSL_SESSION: 'void *PEM_read_bio_SSL_SESSION(void *bio, _In_opt_ void *x, _In_opt_ void *cb, _In_opt_ void *u)',
  SSL_CIPHER_get_name: 'char *SSL_CIPHER_get_name(void *cipher)',
  SSL_CIPHER_standard_name: 'char *SSL_CIPHER_standard_name(void *cipher)',
  SSL_CIPHER_get_version: 'char *SSL_CIPHER_get_version(void *cipher)',
  BIO_s_mem: 'void *BIO_s_mem()',
  BIO_new: 'void *BIO_new(void *type)',
  BIO_new_mem_buf: 'void *BIO_new_mem_buf(const void *buf, int len)',
  BIO_free: 'int BIO_free(void *bio)',
  BIO_read: 'int BIO_read(void *bio, _Out_ void *buf, int len)',
  BIO_write: 'int BIO_write(void *bio, const void *buf, int len)',
  BIO_ctrl: 'long BIO_ctrl(void *bio, int cmd, long larg, _In_opt_ void *parg)',
  PEM_read_bio_X509: 'void *PEM_read_bio_X509(void *bio, _In_opt_ void *x, _In_opt_ void *cb, _In_opt_ void *u)',
  PEM_read_bio_X509_AUX: 'void *PEM_read_bio_X509_AUX(void *bio, _In_opt_ void *x, _In_opt_ void *cb, _In_opt_ void *u)',
  PEM_read_bio_PrivateKey: 'void *PEM_read_bio_PrivateKey(void *bio, _In_opt_ void *x, _In_opt_ void *cb, _In_opt_ char *u)',
  d2i_X509_bio: 'void *d2i_X509_bio(void *bio, _In_opt_ void *x)',
  i2d_X509_bio: 'int i2d_X509_bio(void *bio, void *x509)',
  X509_free: 'void X509_free(void *x509)',
  X509_up_ref: 'int X509_up_ref(void *x509)',
  EVP_PKEY_free: 'void EVP_PKEY_free(void *pkey)',
  X509_STORE_new: 'void *X509_STORE_new()',
  X509_STORE_up_ref: 'int X509_STORE_up_ref(void *store)',
  X509_STORE_add_cert: 'int X509_STORE_add_cert(void *store, void *x509)',
  X509_verify_cert_error_string: 'char *X509_verify_cert_error_string(long n)',
  OPENSSL_sk_num: 'int OPENSSL_sk_num(void *stack)',
  OPENSSL_sk_value: 'void *OPENSSL_sk_value(void *stack, int i)',
  ERR_get_error: 'unsigned long ERR_get_error()',
  ERR_peek_error: 'unsigned long ERR_peek_error()',
  ERR_clear_error: 'void ERR_clear_error()',
  ERR_lib_error_string: 'char *ERR_lib_error_string(unsigned long e)',
  ERR_reason_error_string: 'char *ERR_reason_error_string(unsigned long e)',
  ERR_func_error_string: 'char *ERR_func_error_string(unsigned long e)',
  ERR_print_errors: 'void ERR_print_errors(void *bio)',
});

/**
 * The record pump's steady state, one call per direction (libmini's
 * native/tls.c): feed received records and read the cleartext they carry
 * into `readPool`, or write cleartext and take the records it made into
 * `outPool`. `pumpInfo` receives the SSL_get_error that stopped the work
 * (0: none), the bytes still in the write BIO, and (writing) what
 * SSL_write returned. The pools are given to libmini once, for this
 * thread: each call carries only the SSL and its input.
 */
const pumpTable = libminiTable({
  mini_tls_init: 'int mini_tls_init()',
  mini_tls_pools: 'void mini_tls_pools(_Out_ void *readPool, int readCap, _Out_ void *outPool, int outCap, _Out_ void *info)',
  mini_tls_read: 'int mini_tls_read(void *ssl, _In_opt_ void *input, int len)',
  mini_tls_write: 'int mini_tls_write(void *ssl, const void *data, int len)',
});

/** One SSL_read takes at most a record's worth and a bit. */
export const READ_SIZE = 64 * 1024;
/** Cleartext the pump read, valid until the next pump call. */
export const readPool = Buffer.allocUnsafeSlow(READ_SIZE);
/** Records on their way out are read from OpenSSL into this, then sent from it. */
export const OUT_POOL_SIZE = 64 * 1024;
export const outPool = Buffer.allocUnsafeSlow(OUT_POOL_SIZE);
/** The pump's report; off the V8 heap (an ArrayBuffer of its own), as libmini keeps its address. */
export const pumpInfo = new Int32Array(new ArrayBuffer(12));

let pump: ReturnType<typeof pumpTable> | undefined;

export function recordPump(): ReturnType<typeof pumpTable> {
  if (pump === undefined) {
    const bound = pumpTable();
    if (bound.mini_tls_init() !== 0) throw new Error('libmini: the node binary does not export the OpenSSL functions tls needs');
    bound.mini_tls_pools(readPool, READ_SIZE, outPool, OUT_POOL_SIZE, new Uint8Array(pumpInfo.buffer));
    pump = bound;
  }
  return pump;
}

// ssl.h / bio.h / x509_vfy.h numbers (OpenSSL 3.0).
export const SSL_ERROR_NONE = 0;
export const SSL_ERROR_SSL = 1;
export const SSL_ERROR_WANT_READ = 2;
export const SSL_ERROR_WANT_WRITE = 3;
export const SSL_ERROR_WANT_X509_LOOKUP = 4;
export const SSL_ERROR_SYSCALL = 5;
export const SSL_ERROR_ZERO_RETURN = 6;
export const SSL_CTRL_MODE = 33;
export const SSL_CTRL_SET_SESS_CACHE_MODE = 44;
export const SSL_CTRL_SET_TLSEXT_HOSTNAME = 55;
export const SSL_CTRL_CHAIN_CERT = 89;
export const SSL_CTRL_SET_GROUPS_LIST = 92;
export const SSL_CTRL_SET_MIN_PROTO_VERSION = 123;
export const SSL_CTRL_SET_MAX_PROTO_VERSION = 124;
export const SSL_MODE_ENABLE_PARTIAL_WRITE = 0x1;
export const SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER = 0x2;
export const SSL_MODE_RELEASE_BUFFERS = 0x10;
export const SSL_SESS_CACHE_CLIENT = 0x1;
export const SSL_SESS_CACHE_SERVER = 0x2;
export const SSL_VERIFY_NONE = 0;
export const SSL_VERIFY_PEER = 1;
export const SSL_VERIFY_FAIL_IF_NO_PEER_CERT = 2;
export const SSL_OP_NO_RENEGOTIATION = 1n << 30n;
export const SSL_OP_CIPHER_SERVER_PREFERENCE = 1n << 22n;
export const SSL_OP_NO_COMPRESSION = 1n << 17n;
export const SSL_OP_ALLOW_CLIENT_RENEGOTIATION = 1n << 8n;
export const SSL_TLSEXT_ERR_OK = 0;
export const SSL_TLSEXT_ERR_ALERT_FATAL = 2;
export const SSL_TLSEXT_ERR_NOACK = 3;
export const OPENSSL_NPN_NEGOTIATED = 1;
export const BIO_CTRL_PENDING = 10;
export const BIO_C_SET_BUF_MEM_EOF_RETURN = 130;
export const TLSEXT_NAMETYPE_host_name = 0;
export const TLS1_VERSION = 0x301;
export const TLS1_1_VERSION = 0x302;
export const TLS1_2_VERSION = 0x303;
export const TLS1_3_VERSION = 0x304;

const memMethod = ssl.BIO_s_mem()!;

/** A growable memory BIO; an empty one says "retry" on read, not EOF, as a socket's buffer would. */
export function newMemBio(): Pointer {
  const bio = ssl.BIO_new(memMethod)!;
  ssl.BIO_ctrl(bio, BIO_C_SET_BUF_MEM_EOF_RETURN, -1, null);
  return bio;
}

export function bioPending(bio: Pointer): number {
  return ssl.BIO_ctrl(bio, BIO_CTRL_PENDING, 0, null);
}

/** Everything a memory BIO holds, as one Buffer (empty when it holds nothing). */
export function drainBio(bio: Pointer): Buffer {
  const n = bioPending(bio);
  if (n <= 0) return Buffer.alloc(0);
  const out = Buffer.allocUnsafe(n);
  ssl.BIO_read(bio, out, n);
  return out;
}

/** Bytes of native memory, copied out (a pointer and a length OpenSSL handed back). */
export function copyNative(pointer: Pointer, length: number): Buffer {
  return Buffer.from(new Uint8Array(viewMemory(pointer, length)));
}

const alpnData = Buffer.alloc(8);
const alpnLength = Buffer.alloc(4);

/** The protocol ALPN agreed on, or false. */
export function selectedAlpn(s: Pointer): string | false {
  ssl.SSL_get0_alpn_selected(s, alpnData, alpnLength);
  const len = alpnLength.readUInt32LE(0);
  const p = alpnData.readBigUInt64LE(0);
  if (len === 0 || p === 0n) return false;
  return copyNative(p, len).toString('latin1');
}

/** The X509 objects of an OpenSSL stack, borrowed (not up-ref'd). */
export function stackItems(stack: Pointer | null): Pointer[] {
  if (stack === null) return [];
  const out: Pointer[] = [];
  const n = ssl.OPENSSL_sk_num(stack);
  for (let i = 0; i < n; i++) {
    const item = ssl.OPENSSL_sk_value(stack, i);
    if (item !== null) out.push(item);
  }
  return out;
}

/** An X509's DER encoding. */
export function x509Der(x509: Pointer): Buffer {
  const bio = newMemBio();
  try {
    ssl.i2d_X509_bio(bio, x509);
    return drainBio(bio);
  } finally {
    ssl.BIO_free(bio);
  }
}

const SESSION_PEM = /-----BEGIN SSL SESSION PARAMETERS-----([\s\S]*?)-----END SSL SESSION PARAMETERS-----/;

/** A session's DER encoding (what Node's getSession gives), by way of its PEM form. */
export function sessionDer(session: Pointer): Buffer {
  const bio = newMemBio();
  try {
    ssl.PEM_write_bio_SSL_SESSION(bio, session);
    const m = SESSION_PEM.exec(drainBio(bio).toString('latin1'));
    return m === null ? Buffer.alloc(0) : Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  } finally {
    ssl.BIO_free(bio);
  }
}

/** An SSL_SESSION from its DER encoding, or null when it does not parse; the caller frees it. */
export function sessionFromDer(der: Buffer): Pointer | null {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n');
  const pem = Buffer.from(`-----BEGIN SSL SESSION PARAMETERS-----\n${body}\n-----END SSL SESSION PARAMETERS-----\n`, 'latin1');
  const bio = ssl.BIO_new_mem_buf(pem, pem.length)!;
  const session = ssl.PEM_read_bio_SSL_SESSION(bio, null, null, null);
  ssl.BIO_free(bio);
  if (session === null) ssl.ERR_clear_error();
  return session;
}

export { nativeCallback, readPointer };
