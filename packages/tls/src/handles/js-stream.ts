/**
 * JSStreamHandle: any Duplex (a PassThrough, an HTTP/2 stream, a proxy's
 * CONNECT tunnel) seen as a stream handle, so a TLSWrap can run over it
 * (Node's JSStreamSocket). Reads are the stream's 'data' events, writes
 * its write() with the completion as the callback, shutdown its end(),
 * close its destroy(). Completions that Node reports from the loop come
 * from our pending phase, never from inside the call that started them.
 */
import type { Duplex } from 'node:stream';
import { defaultLoop, drainTicks, type Loop } from '@mini/loop';
import { UV_ECONNRESET, UV_EOF, UV_EPIPE } from '@mini/sys';
import type { ShutdownReq, WriteReq } from '@mini/net';

export class JSStreamHandle {
  readonly loop: Loop = defaultLoop();
  readonly stream: Duplex;
  onread: ((nread: number, buf?: Buffer) => void) | undefined;
  owner: unknown;
  reading = false;
  private closing = false;
  private listening = false;

  constructor(stream: Duplex) {
    this.stream = stream;
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const s = this.stream;
    s.on('data', (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (buf.length > 0) this.onread?.(buf.length, buf);
      drainTicks();
    });
    s.once('end', () => {
      this.onread?.(UV_EOF);
    });
    s.once('error', () => {
      this.onread?.(UV_ECONNRESET);
    });
  }

  readStart(): number {
    this.listen();
    this.reading = true;
    this.stream.resume();
    return 0;
  }

  readStop(): number {
    this.reading = false;
    this.stream.pause();
    return 0;
  }

  writev(req: WriteReq, chunks: Uint8Array[]): number {
    if (this.closing || this.stream.destroyed) return UV_EPIPE;
    req.async = true;
    req.start();
    const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    this.stream.write(data, (err?: Error | null) => {
      this.loop.queuePending(() => {
        req.finish();
        req.oncomplete?.(err ? UV_EPIPE : 0, this as never);
      });
    });
    return 0;
  }

  /** The stream keeps what it is given until it is written: a copy of the caller's bytes. */
  writeTransient(req: WriteReq, data: Uint8Array, length: number): number {
    return this.writev(req, [Buffer.from(data.subarray(0, length))]);
  }

  shutdown(req: ShutdownReq): number {
    req.start();
    this.stream.end(() => {
      this.loop.queuePending(() => {
        req.finish();
        req.oncomplete?.(0, this as never);
      });
    });
    return 0;
  }

  close(cb?: () => void): void {
    if (this.closing) return;
    this.closing = true;
    this.stream.destroy();
    this.loop.queuePending(() => cb?.());
  }

  isClosing(): boolean {
    return this.closing;
  }

  ref(): void {}
  unref(): void {}
}
