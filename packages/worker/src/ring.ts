/**
 * A byte ring in shared memory, one per direction of a channel: the
 * sending end's thread writes records, the receiving end's thread reads
 * them (one producer, one consumer; an end that moves to another thread
 * takes its side of the ring with it).
 *
 *   header  [HEAD, TAIL, USED, SEQ_OUT, SEQ_IN]           Int32, shared
 *   record  [len, seq, kind, format, bytes… padded to 8]  a WRAP len skips to 0
 *
 * A number or a string (what most messages are) is written as itself: a
 * float64, or the string's UTF-16 code units, which is all the structured
 * clone of one holds; `undefined` (the payload of the runtime's own
 * envelopes, a worker's start among them) as nothing; anything else as
 * V8's serializer writes it (node:v8 loaded then: a worker whose messages
 * are all plain never loads it).
 *
 * Why a ring beside the host's port queue: a host MessagePort post also
 * wakes the receiving thread's *host* loop (uv_async), and our loop gives
 * the host a turn for each wakeup, measured at one host turn per message.
 * A plain message (no transfer list, cloneable by V8's serializer alone)
 * goes here instead and wakes only our eventfd; whatever the ring cannot
 * take (transfers, SharedArrayBuffers, host objects, a full ring, a large
 * message) goes through the host queue. Every message of a direction gets
 * the next number of SEQ_OUT, so the receiver takes them from either queue
 * in the order they were sent.
 */
type HostV8 = typeof import('node:v8');
let hostV8: HostV8 | undefined;
const v8 = (): HostV8 => (hostV8 ??= require('node:v8') as HostV8);

const HEAD = 0;
const TAIL = 1;
const USED = 2;
const SEQ_OUT = 3;
const SEQ_IN = 4;
export const RING_HEADER_BYTES = 32;
export const RING_BYTES = 32 * 1024;
const RECORD_HEADER = 16;
const WRAP = -1;
/** How a record's bytes hold its value. */
const FORMAT_V8 = 0;
const FORMAT_NUMBER = 1;
const FORMAT_STRING = 2;
const FORMAT_UNDEFINED = 3;
/** Strings longer than this go through the serializer (and, when large, the host queue). */
const MAX_PLAIN_STRING = 1024;
/** Larger messages go through the host queue, so one cannot fill the ring. */
const MAX_RECORD = RING_BYTES / 4;

export class Ring {
  private readonly header: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  /** The same bytes as a Buffer, for its UTF-16 codec (code units as they are, lone surrogates too). */
  private readonly text: Buffer;

  constructor(buffer: SharedArrayBuffer, offset: number) {
    this.header = new Int32Array(buffer, offset, RING_HEADER_BYTES / 4);
    this.bytes = new Uint8Array(buffer, offset + RING_HEADER_BYTES, RING_BYTES);
    this.view = new DataView(buffer, offset + RING_HEADER_BYTES, RING_BYTES);
    this.text = Buffer.from(buffer, offset + RING_HEADER_BYTES, RING_BYTES);
  }

  /** The sequence number of the next message of this direction (the sender's side). */
  nextSeq(): number {
    return Atomics.add(this.header, SEQ_OUT, 1);
  }

  /** A number taken for a message that was never sent (its host post threw). */
  returnSeq(): void {
    Atomics.sub(this.header, SEQ_OUT, 1);
  }

  /** The number the receiver takes next. */
  expected(): number {
    return Atomics.load(this.header, SEQ_IN);
  }

  taken(): void {
    Atomics.add(this.header, SEQ_IN, 1);
  }

  /** Serialize `value` into a record; false when the ring cannot take it (then the host queue does). */
  write(kind: number, value: unknown, seq: number): boolean {
    let format = FORMAT_V8;
    let data: Buffer | undefined;
    let length: number;
    if (typeof value === 'number') {
      format = FORMAT_NUMBER;
      length = 8;
    } else if (typeof value === 'string' && value.length <= MAX_PLAIN_STRING) {
      format = FORMAT_STRING;
      length = value.length * 2;
    } else if (value === undefined) {
      format = FORMAT_UNDEFINED;
      length = 0;
    } else {
      try {
        const s = new (v8().Serializer)();
        s.writeHeader();
        s.writeValue(value);
        data = s.releaseBuffer();
      } catch {
        // Something only the host's serializer handles (or rejects with Node's DataCloneError).
        return false;
      }
      length = data.length;
    }
    // Records stay 8-byte aligned, so a number's float64 is too.
    const need = (RECORD_HEADER + length + 7) & ~7;
    if (need > MAX_RECORD) return false;
    const h = this.header;
    let tail = Atomics.load(h, TAIL);
    const used = Atomics.load(h, USED);
    let waste = 0;
    if (tail + need > RING_BYTES) waste = RING_BYTES - tail;
    if (used + waste + need > RING_BYTES) return false;
    if (waste > 0) {
      this.view.setInt32(tail, WRAP, true);
      tail = 0;
    }
    const view = this.view;
    view.setInt32(tail, length, true);
    view.setInt32(tail + 4, seq, true);
    view.setInt32(tail + 8, kind, true);
    view.setInt32(tail + 12, format, true);
    const at = tail + RECORD_HEADER;
    if (format === FORMAT_NUMBER) view.setFloat64(at, value as number, true);
    else if (format === FORMAT_STRING) this.text.write(value as string, at, length, 'utf16le');
    else if (format === FORMAT_V8) this.bytes.set(data!, at);
    Atomics.store(h, TAIL, (tail + need) % RING_BYTES);
    Atomics.add(h, USED, waste + need);
    return true;
  }

  /** Sequence number of the first record, or -1 when empty. */
  peekSeq(): number {
    const h = this.header;
    if (Atomics.load(h, USED) === 0) return -1;
    let head = Atomics.load(h, HEAD);
    if (this.view.getInt32(head, true) === WRAP) {
      Atomics.sub(h, USED, RING_BYTES - head);
      head = 0;
      Atomics.store(h, HEAD, 0);
    }
    return this.view.getInt32(head + 4, true);
  }

  /** Take the first record (peekSeq said there is one): its kind and value. */
  take(): [number, unknown] {
    const h = this.header;
    const view = this.view;
    const head = Atomics.load(h, HEAD);
    const len = view.getInt32(head, true);
    const kind = view.getInt32(head + 8, true);
    const format = view.getInt32(head + 12, true);
    const at = head + RECORD_HEADER;
    let value: unknown;
    if (format === FORMAT_NUMBER) value = view.getFloat64(at, true);
    else if (format === FORMAT_STRING) value = this.text.toString('utf16le', at, at + len);
    else if (format === FORMAT_V8) {
      // A copy: the space is the sender's again once released.
      const d = new (v8().Deserializer)(this.bytes.slice(at, at + len));
      d.readHeader();
      value = d.readValue();
    }
    const need = (RECORD_HEADER + len + 7) & ~7;
    Atomics.store(h, HEAD, (head + need) % RING_BYTES);
    Atomics.sub(h, USED, need);
    return [kind, value];
  }
}
