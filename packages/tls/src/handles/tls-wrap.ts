/**
 * TLSWrap: a TLS connection layered on a stream handle (Node's TLSWrap,
 * libuv-shaped like the handles under it), so that net.Socket drives it
 * exactly as it drives a TCP handle: readStart/readStop, writev with a
 * WriteReq, shutdown, close, onread.
 *
 * The record pump. OpenSSL never touches a descriptor: it reads records
 * from one memory BIO and writes them to another, and we move the bytes.
 *
 *        cleartext (onread / writev)
 *              ▲            │
 *       SSL_read│            │SSL_write
 *        ┌─────┴────────────▼─────┐
 *        │           SSL           │
 *        └─────▲────────────┬─────┘
 *   BIO_write  │ encIn       │ encOut  BIO_read
 *              │            ▼
 *        parent.onread    parent.writev      (our TCP handle, or a JS stream)
 *
 * Every event runs one `cycle`: feed what arrived, advance the handshake
 * or read cleartext until OpenSSL wants more, then send what it wrote in
 * one parent write. Once the handshake is done, a steady request/response
 * costs one FFI call per direction (libmini's record pump: BIO_write and
 * the SSL_reads, or SSL_write and the BIO_read), and no copy of the
 * records on either side: the parent lends its read buffer (transientReads)
 * and sends ours at once (writeTransient).
 *
 * The handshake finishing is reported before the records it produced are
 * sent, as Node does: a client that rejects the certificate closes
 * without sending its Finished.
 */
import { drainTicks, type Loop } from '@mini/loop';
import { UV_ECANCELED, UV_ENOTCONN, UV_EOF, UV_EPIPE, type Pointer } from '@mini/sys';
import { ShutdownReq, WriteReq } from '@mini/net';
import { sslError, verifyError, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, type OpenSSLError, type VerifyError } from './errors.js';
import {
  nativeCallback,
  newMemBio,
  OUT_POOL_SIZE,
  outPool,
  pumpInfo,
  readPool,
  recordPump,
  selectedAlpn,
  sessionDer,
  sessionFromDer,
  SSL_CTRL_SET_TLSEXT_HOSTNAME,
  SSL_ERROR_WANT_READ,
  SSL_ERROR_WANT_WRITE,
  SSL_ERROR_WANT_X509_LOOKUP,
  SSL_ERROR_ZERO_RETURN,
  SSL_VERIFY_FAIL_IF_NO_PEER_CERT,
  SSL_VERIFY_PEER,
  ssl,
  stackItems,
  TLSEXT_NAMETYPE_host_name,
  x509Der,
} from './openssl.js';
import { selectingFor, type SecureContextHandle } from './secure-context.js';
import { bySsl } from './sessions.js';

/** What TLSWrap needs of the stream below it: our StreamHandle's surface. */
export interface ParentHandle {
  readonly loop: Loop;
  onread: ((nread: number, buf?: Buffer) => void) | undefined;
  owner: unknown;
  reading: boolean;
  readStart(): number;
  readStop(): number;
  writev(req: WriteReq, chunks: Uint8Array[]): number;
  writeTransient(req: WriteReq, data: Uint8Array, length: number): number;
  /** Set: onread may lend its buffer, valid only during the call (we copy what we keep). */
  transientReads?: boolean;
  shutdown(req: ShutdownReq): number;
  close(cb?: () => void): void;
  ref(): void;
  unref(): void;
  isClosing(): boolean;
}

const NOTHING = 0;
const SENT = 1;
const QUEUED = 2;

/** Accept whatever chain the peer sends: the JS layer judges the verify result after the handshake, as Node's. */
const acceptAny = nativeCallback('int mini_verify_accept(int ok, void *ctx)', (() => 1) as (...args: never[]) => unknown);

/** The wrap whose handshake OpenSSL is running right now (the hooks are called inside SSL_do_handshake). */
const running: { handshake: TLSWrap | undefined } = { handshake: undefined };

/**
 * Server contexts call this once the ClientHello is read: a server that
 * chooses its certificate by name (SNICallback) pauses the handshake here
 * (-1: SSL_ERROR_WANT_X509_LOOKUP), asks the JS side, and resumes.
 */
export const certCallback = nativeCallback('int mini_cert_cb(void *ssl, void *arg)', (() => {
  const w = running.handshake;
  if (w === undefined || !w.isServer || w.certDone || w.oncertcb === undefined) return 1;
  return -1;
}) as (...args: never[]) => unknown);

interface PendingWrite {
  req: WriteReq;
  chunks: Uint8Array[];
}

export class TLSWrap {
  readonly isServer: boolean;
  parent: ParentHandle;
  private ssl: Pointer | null;
  private readonly encIn: Pointer;
  private readonly encOut: Pointer;
  private context: SecureContextHandle;
  /** Set by start(): a client sends its hello, a server answers the first one. */
  private started = false;
  established = false;
  /** The SNI decision was made (or none was needed). */
  certDone = false;
  private waitingCert = false;
  private pending: PendingWrite[] = [];
  private eofDelivered = false;
  private closed = false;
  private inCycle = false;
  private failed = false;
  reading = false;
  bytesRead = 0;
  bytesWritten = 0;
  writeQueueSize = 0;
  private ownerObject: unknown;
  /** The socket or stream adapter this wrap was layered on (Node's `_parentWrap`). */
  _parentWrap: unknown = null;
  onread: ((nread: number, buf?: Buffer) => void) | undefined;
  onhandshakestart: (() => void) | undefined;
  onhandshakedone: (() => void) | undefined;
  onerror: ((err: OpenSSLError) => void) | undefined;
  /** A new session to resume with later (DER), e.g. a TLS 1.3 ticket. */
  onnewsession: ((session: Buffer) => void) | undefined;
  /** Server: the client named `servername` (maybe ''), answer with certCbDone. */
  oncertcb: ((servername: string) => void) | undefined;

  constructor(parent: ParentHandle, context: SecureContextHandle, isServer: boolean) {
    this.isServer = isServer;
    this.parent = parent;
    this.context = context;
    this.ssl = ssl.SSL_new(context.ctx);
    if (this.ssl === null) throw sslError();
    this.encIn = newMemBio();
    this.encOut = newMemBio();
    // The SSL owns both BIOs from here; SSL_free frees them.
    ssl.SSL_set_bio(this.ssl, this.encIn, this.encOut);
    if (isServer) ssl.SSL_set_accept_state(this.ssl);
    else ssl.SSL_set_connect_state(this.ssl);
    // A client always verifies (and judges after the handshake); a server asks for a certificate only with requestCert.
    if (!isServer) ssl.SSL_set_verify(this.ssl, SSL_VERIFY_PEER, acceptAny);
    bySsl.set(this.ssl, this);
    this.attachParent(parent);
  }

  get loop(): Loop {
    return this.parent.loop;
  }

  /** The owner is shared with the parent: its connect completion finds the socket through it. */
  get owner(): unknown {
    return this.ownerObject;
  }
  set owner(value: unknown) {
    this.ownerObject = value;
    this.parent.owner = value;
  }

  private attachParent(parent: ParentHandle): void {
    this.parent = parent;
    parent.owner = this.ownerObject;
    parent.transientReads = true;
    parent.onread = (nread, buf) => this.onParentRead(nread, buf);
  }

  /** Happy eyeballs moved the connection to a fresh TCP handle. */
  reinitHandle(parent: ParentHandle): void {
    this.attachParent(parent);
  }

  // ---- settings before start ---------------------------------------------------

  setServername(name: string): void {
    ssl.SSL_ctrl(this.ssl!, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, Buffer.from(`${name}\0`));
  }

  /** Client ALPN offer, in wire form. */
  setALPNProtocols(wire: Buffer): void {
    ssl.SSL_set_alpn_protos(this.ssl!, wire, wire.length);
  }

  /** Server: ask for a client certificate; `reject` fails the handshake when none comes. */
  setVerifyMode(request: boolean, reject: boolean): void {
    if (!request) return;
    ssl.SSL_set_verify(this.ssl!, SSL_VERIFY_PEER | (reject ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0), acceptAny);
  }

  /** Begin: a client sends its ClientHello now, a server waits for one. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.ensureReading();
    this.cycle();
  }

  /** The SNI answer: switch to `context` (or keep the server's) and go on with the handshake. */
  certCbDone(context: SecureContextHandle | undefined): void {
    if (this.ssl === null) return;
    if (context !== undefined && context !== this.context) {
      ssl.SSL_set_SSL_CTX(this.ssl, context.ctx);
      this.context = context;
    }
    this.certDone = true;
    this.waitingCert = false;
    this.cycle();
  }

  // ---- the pump ---------------------------------------------------------------

  private onParentRead(nread: number, buf?: Buffer): void {
    if (this.ssl === null || this.closed) return;
    if (nread > 0 && buf !== undefined) {
      this.cycle(buf, nread);
      return;
    }
    if (nread === 0) return;
    // EOF or an error from below: anything still decryptable first.
    if (nread === UV_EOF) this.cycle();
    this.deliver(nread);
  }

  /** `input`: records just received (`inputLength` bytes, lent by the parent), fed to OpenSSL first. */
  private cycle(input?: Uint8Array, inputLength = 0): void {
    const s = this.ssl;
    if (s === null || this.closed) return;
    if (inputLength > 0 && (this.inCycle || this.failed || !this.started || !this.established || !this.readingClear())) {
      // Not going straight into the record pump: OpenSSL keeps the bytes until they are wanted.
      ssl.BIO_write(this.encIn, input!, inputLength);
      inputLength = 0;
    }
    if (this.failed || !this.started) return;
    if (this.inCycle) {
      // Asked from inside a cycle (an SNI answer given synchronously): once more after this one.
      this.again = true;
      return;
    }
    this.inCycle = true;
    this.outPending = -1;
    try {
      if (!this.established && !this.handshake(s)) return;
      if (this.closed) return;
      this.flushPending();
      if (this.closed) {
        if (inputLength > 0) ssl.BIO_write(this.encIn, input!, inputLength);
        return;
      }
      this.clearOut(s, input, inputLength);
      // The pump said whether OpenSSL wrote anything meanwhile (a ticket, an alert): ask only if it did not say.
      if (this.outPending !== 0) this.encOut_();
    } finally {
      this.inCycle = false;
      if (this.again) {
        this.again = false;
        this.cycle();
      }
    }
  }

  private again = false;
  /** Bytes in the write BIO as the last record pump left it; -1 when unknown. */
  private outPending = -1;

  /** Whether cleartext is wanted now (clearOut's condition). */
  private readingClear(): boolean {
    return this.reading && !this.closed && !this.eofDelivered;
  }

  /** Advance the handshake; true once it is complete. */
  private handshake(s: Pointer): boolean {
    if (this.waitingCert) return false;
    ssl.ERR_clear_error();
    running.handshake = this;
    selectingFor(this.context);
    const r = ssl.SSL_do_handshake(s);
    this.outPending = -1;
    running.handshake = undefined;
    selectingFor(undefined);
    if (r === 1) {
      this.established = true;
      this.onhandshakedone?.();
      drainTicks();
      return !this.closed;
    }
    const e = ssl.SSL_get_error(s, r);
    if (e === SSL_ERROR_WANT_READ || e === SSL_ERROR_WANT_WRITE) {
      this.encOut_();
      return false;
    }
    if (e === SSL_ERROR_WANT_X509_LOOKUP) {
      this.waitingCert = true;
      this.encOut_();
      const name = ssl.SSL_get_servername(s, TLSEXT_NAMETYPE_host_name) ?? '';
      this.oncertcb?.(name);
      return false;
    }
    this.fail();
    return false;
  }

  /** A fatal TLS error: send the alert OpenSSL wrote, then report. */
  private fail(): void {
    const err = sslError();
    this.failed = true;
    this.encOut_();
    this.onerror?.(err);
    drainTicks();
  }

  /**
   * Read cleartext while the reader wants it, after feeding `input`: each
   * pump call reads until OpenSSL wants more records or the pool is full.
   */
  private clearOut(s: Pointer, input?: Uint8Array, inputLength = 0): void {
    const pump = recordPump();
    // No ERR_clear_error per call: the queue only fills on a failure, and sslError() empties it then.
    while (this.readingClear()) {
      const n = pump.mini_tls_read(s, inputLength > 0 ? input! : null, inputLength);
      inputLength = 0;
      // Read before delivering: the reader's callback may run another pump.
      const e = pumpInfo[0]!;
      this.outPending = pumpInfo[1]!;
      if (n > 0) {
        const buf = Buffer.allocUnsafe(n);
        readPool.copy(buf, 0, 0, n);
        this.bytesRead += n;
        // What the reader writes back keeps outPending exact (encrypt), or makes it unknown.
        this.onread?.(n, buf);
        drainTicks();
      }
      // The pool filled up before OpenSSL ran out: go on.
      if (e === 0) continue;
      if (e === SSL_ERROR_WANT_READ || e === SSL_ERROR_WANT_WRITE || e === SSL_ERROR_WANT_X509_LOOKUP) return;
      if (this.closed || this.eofDelivered) return;
      if (e === SSL_ERROR_ZERO_RETURN) {
        // close_notify: the peer's end of the stream.
        this.deliver(UV_EOF);
        return;
      }
      this.fail();
      return;
    }
  }

  private deliver(nread: number): void {
    if (nread === UV_EOF) {
      if (this.eofDelivered) return;
      this.eofDelivered = true;
    }
    this.onread?.(nread);
    drainTicks();
  }

  /** Send what OpenSSL wrote, in one parent write (sendRecords). */
  private encOut_(): number {
    if (this.ssl === null || this.parent.isClosing()) return NOTHING;
    // One BIO_read into the pool says both whether there is anything and what (-1: empty).
    return this.sendRecords(ssl.BIO_read(this.encOut, outPool, OUT_POOL_SIZE));
  }

  /** A parent request the parent finished with inside its call, for the next send. */
  private spareReq: WriteReq | undefined;

  /**
   * Send the `n` bytes of records read into the pool, and any the write BIO
   * still holds beyond them, in one parent write: NOTHING when there are
   * none, SENT when the parent took them at once, QUEUED when the parent
   * completes later (and with it `queued`, a cleartext write), or a
   * negative status.
   */
  private sendRecords(n: number, queued?: WriteReq): number {
    if (n <= 0 || this.parent.isClosing()) return NOTHING;
    let req = this.spareReq;
    if (req === undefined) req = new WriteReq(this.loop);
    else this.spareReq = undefined;
    const transient = n < OUT_POOL_SIZE;
    let err: number;
    if (transient) {
      // All of it: the parent copies only what it cannot send now.
      err = this.parent.writeTransient(req, outPool, n);
    } else {
      const parts = [Buffer.from(outPool)];
      while ((n = ssl.BIO_read(this.encOut, outPool, OUT_POOL_SIZE)) > 0) parts.push(Buffer.from(outPool.subarray(0, n)));
      err = this.parent.writev(req, [Buffer.concat(parts)]);
    }
    if (err < 0) return err;
    if (req.async) {
      // A parent completes a queued write later, from its loop, never inside the call: the callback can be set now.
      if (queued !== undefined) req.oncomplete = (status) => this.completeWrite(queued, status);
      return QUEUED;
    }
    // Nothing of it is left in the parent (a writev would keep its chunk list): the next send may take it.
    if (transient) this.spareReq = req;
    return SENT;
  }

  // ---- the stream surface net.Socket drives -------------------------------------

  private ensureReading(): void {
    if (!this.parent.reading && !this.parent.isClosing()) this.parent.readStart();
  }

  readStart(): number {
    this.reading = true;
    this.ensureReading();
    if (this.established && !this.inCycle) {
      // Cleartext OpenSSL already holds comes out now, not at the next record.
      this.cycle();
    }
    return 0;
  }

  readStop(): number {
    this.reading = false;
    // The handshake needs the parent's bytes whatever the reader wants.
    if (this.established) this.parent.readStop();
    return 0;
  }

  writev(req: WriteReq, chunks: Uint8Array[]): number {
    let total = 0;
    for (const c of chunks) total += c.byteLength;
    req.bytes = total;
    req.async = false;
    if (this.ssl === null || this.closed) return UV_EPIPE;
    if (!this.established || this.waitingCert || this.pending.length > 0) {
      // Before the handshake is through: sent once it is, in order.
      req.async = true;
      req.start();
      this.writeQueueSize += total;
      this.pending.push({ req, chunks });
      return 0;
    }
    return this.encrypt(req, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), false);
  }

  /** As writev, for bytes the caller reuses once this returns: encrypted at once, or copied to wait for the handshake. */
  writeTransient(req: WriteReq, data: Uint8Array, length: number): number {
    if (this.ssl === null || this.closed || !this.established || this.waitingCert || this.pending.length > 0) {
      return this.writev(req, [Buffer.from(data.subarray(0, length))]);
    }
    // Encrypted before this returns: the bytes themselves, with no view or chunk list.
    req.bytes = length;
    req.async = false;
    return this.encrypt(req, data, false, length);
  }

  /**
   * Cleartext into records into one parent write; the request completes
   * with it: inside the call (req.async false) when the parent took it all.
   * A queued request (`queued`) always completes through its callback.
   */
  private encrypt(req: WriteReq, data: Uint8Array, queued: boolean, length = data.byteLength): number {
    const s = this.ssl!;
    // SSL_write and the BIO_read of its records, in one call.
    const out = recordPump().mini_tls_write(s, data, length);
    // Read before sending: a stream parent's write may run another wrap's pump.
    this.outPending = out < OUT_POOL_SIZE ? pumpInfo[1]! : -1;
    if (length > 0) {
      const n = pumpInfo[2]!;
      if (n <= 0) {
        const err = sslError();
        this.failed = true;
        this.outPending = -1;
        this.encOut_();
        process.nextTick(() => this.onerror?.(err));
        if (!queued) return UV_EPIPE;
        this.completeWrite(req, UV_EPIPE);
        return 0;
      }
      this.bytesWritten += n;
    }
    const status = this.sendRecords(out, req);
    if (status < 0) {
      if (!queued) return status;
      this.completeWrite(req, status);
    } else if (status === QUEUED) {
      if (!queued) {
        req.async = true;
        req.start();
      }
    } else if (queued) {
      this.completeWrite(req, 0);
    }
    return 0;
  }

  private completeWrite(req: WriteReq, status: number): void {
    req.finish();
    req.oncomplete?.(status, this as never);
    drainTicks();
  }

  private flushPending(): void {
    if (this.pending.length === 0 || this.waitingCert) return;
    const list = this.pending;
    this.pending = [];
    for (const { req, chunks } of list) {
      for (const c of chunks) this.writeQueueSize -= c.byteLength;
      if (this.closed) {
        this.completeWrite(req, UV_ECANCELED);
        continue;
      }
      this.encrypt(req, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), true);
    }
  }

  shutdown(req: ShutdownReq): number {
    if (this.ssl === null || this.closed) return UV_ENOTCONN;
    req.start();
    const finish = (): void => {
      if (this.established && this.ssl !== null && !this.failed) {
        ssl.ERR_clear_error();
        ssl.SSL_shutdown(this.ssl);
        this.outPending = -1;
        this.encOut_();
      }
      const down = new ShutdownReq(this.loop);
      down.oncomplete = (status) => {
        req.finish();
        req.oncomplete?.(status, this as never);
        drainTicks();
      };
      const err = this.parent.shutdown(down);
      if (err < 0) {
        this.loop.queuePending(() => {
          req.finish();
          req.oncomplete?.(0, this as never);
          drainTicks();
        });
      }
    };
    if (this.pending.length > 0) {
      // After the queued cleartext: the close_notify follows the data.
      const last = this.pending[this.pending.length - 1]!.req;
      const prev = last.oncomplete;
      last.oncomplete = (status, handle, error) => {
        prev?.(status, handle, error);
        finish();
      };
      return 0;
    }
    finish();
    return 0;
  }

  close(cb?: () => void): void {
    if (this.closed) return;
    this.closed = true;
    const pending = this.pending;
    this.pending = [];
    for (const { req } of pending) {
      req.finish();
    }
    const free = (): void => {
      if (this.ssl !== null) {
        bySsl.delete(this.ssl);
        ssl.SSL_free(this.ssl);
        this.ssl = null;
      }
      cb?.();
    };
    if (this.parent.isClosing()) {
      this.loop.queuePending(free);
      return;
    }
    this.parent.close(free);
  }

  isClosing(): boolean {
    return this.closed;
  }

  ref(): void {
    this.parent.ref();
  }

  unref(): void {
    this.parent.unref();
  }

  // ---- what the connection agreed on -------------------------------------------

  getServername(): string | false {
    if (this.ssl === null) return false;
    return ssl.SSL_get_servername(this.ssl, TLSEXT_NAMETYPE_host_name) ?? false;
  }

  getALPNNegotiatedProtocol(): string | false {
    return this.ssl === null ? false : selectedAlpn(this.ssl);
  }

  getProtocol(): string | null {
    return this.ssl === null ? null : ssl.SSL_get_version(this.ssl);
  }

  getCipher(): { name: string; standardName: string; version: string } | undefined {
    if (this.ssl === null) return undefined;
    const c = ssl.SSL_get_current_cipher(this.ssl);
    if (c === null) return undefined;
    return {
      name: ssl.SSL_CIPHER_get_name(c) ?? '',
      standardName: ssl.SSL_CIPHER_standard_name(c) ?? '',
      version: ssl.SSL_CIPHER_get_version(c) ?? '',
    };
  }

  /** The current session, DER-encoded, if there is one. */
  getSession(): Buffer | undefined {
    if (this.ssl === null) return undefined;
    const session = ssl.SSL_get1_session(this.ssl);
    if (session === null) return undefined;
    const der = sessionDer(session);
    ssl.SSL_SESSION_free(session);
    return der.length > 0 ? der : undefined;
  }

  /** Resume `der` (a client, before start); one that does not parse is ignored, as Node does. */
  setSession(der: Buffer): void {
    if (this.ssl === null) return;
    const session = sessionFromDer(der);
    if (session === null) return;
    ssl.SSL_set_session(this.ssl, session);
    ssl.SSL_SESSION_free(session);
  }

  isSessionReused(): boolean {
    return this.ssl !== null && ssl.SSL_session_reused(this.ssl) === 1;
  }

  /** Node's verifyError(): undefined when the peer's chain verified. */
  verifyError(): VerifyError | undefined {
    if (this.ssl === null) return undefined;
    const peer = ssl.SSL_get1_peer_certificate(this.ssl);
    if (peer === null) return verifyError(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT);
    ssl.X509_free(peer);
    return verifyError(ssl.SSL_get_verify_result(this.ssl));
  }

  /** DER of the peer's certificate and the chain above it (verified chain when there is one), leaf first. */
  getPeerChain(): Buffer[] {
    if (this.ssl === null) return [];
    // A client's view of the chain the server sent: none on a resumed session, where Node shows {}.
    if (!this.isServer && stackItems(ssl.SSL_get_peer_cert_chain(this.ssl)).length === 0) return [];
    const peer = ssl.SSL_get1_peer_certificate(this.ssl);
    if (peer === null) return [];
    const leaf = x509Der(peer);
    ssl.X509_free(peer);
    let chain = stackItems(ssl.SSL_get0_verified_chain(this.ssl)).map(x509Der);
    if (chain.length === 0) chain = stackItems(ssl.SSL_get_peer_cert_chain(this.ssl)).map(x509Der);
    if (chain.length === 0 || !chain[0]!.equals(leaf)) chain.unshift(leaf);
    return chain;
  }

  /** DER of our own certificate, if the context has one. */
  getOwnCertificate(): Buffer | undefined {
    if (this.ssl === null) return undefined;
    const x = ssl.SSL_get_certificate(this.ssl);
    return x === null ? undefined : x509Der(x);
  }
}
