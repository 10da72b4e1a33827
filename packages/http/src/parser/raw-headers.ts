/**
 * Header lines kept as positions in the bytes received, turned into strings
 * only when asked for.
 *
 * Building JS strings is most of what parsing a request costs once llhttp
 * has run, and a typical handler reads two or three headers, if any. So the
 * parser records, per line, the Buffer the name and the value arrived in
 * and their offsets:
 *
 *   spans: [buf, start, end,  buf, start, end,  ...]
 *           '-- name 0 ---'   '-- value 0 --'    name 1 ...
 *
 * A name or value split across two socket reads is joined into a fresh
 * Buffer (rare: only at read boundaries). `strings()` materialises the flat
 * [name, value, ...] array Node calls rawHeaders, once.
 */
import { ReflectApply } from '@mini/sys';

export class RawHeaders {
  /** Triples (Buffer, start, end); names at even triples, values at odd. */
  readonly spans: (Buffer | number)[] = [];
  /** Items pushed: names and values counted separately. */
  items = 0;
  private cached: string[] | null = null;

  /** Appends a new name (even item) or value (odd item). */
  push(buf: Buffer, start: number, end: number): void {
    this.spans.push(buf, start, end);
    this.items++;
  }

  /** Extends the last item with bytes from another read. */
  extend(buf: Buffer, start: number, end: number): void {
    const i = this.spans.length - 3;
    const prev = (this.spans[i] as Buffer).subarray(this.spans[i + 1] as number, this.spans[i + 2] as number);
    const joined = Buffer.concat([prev, buf.subarray(start, end)]);
    this.spans[i] = joined;
    this.spans[i + 1] = 0;
    this.spans[i + 2] = joined.length;
  }

  /** Number of complete lines (a name whose value is still to come counts once it has one). */
  get length(): number {
    return this.items >> 1;
  }

  item(i: number): string {
    const k = i * 3;
    const buf = this.spans[k] as Buffer;
    const start = this.spans[k + 1] as number;
    let end = this.spans[k + 2] as number;
    // llhttp drops the whitespace before a value but not after it; Node trims both.
    if ((i & 1) === 1) while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09)) end--;
    return latin1(buf, start, end);
  }

  /** Byte length of item `i`. */
  itemLength(i: number): number {
    const k = i * 3;
    return (this.spans[k + 2] as number) - (this.spans[k + 1] as number);
  }

  /** Whether item `i` equals `lower` ignoring ASCII case, without making a string. */
  itemIs(i: number, lower: string): boolean {
    const k = i * 3;
    const buf = this.spans[k] as Buffer;
    const start = this.spans[k + 1] as number;
    const len = (this.spans[k + 2] as number) - start;
    if (len !== lower.length) return false;
    for (let j = 0; j < len; j++) {
      if ((buf[start + j]! | 0x20) !== lower.charCodeAt(j)) return false;
    }
    return true;
  }

  /** The flat [name, value, ...] list, limited to `max` lines (0: no limit). */
  strings(max = 0): string[] {
    if (this.cached !== null) return this.cached;
    let n = this.items & ~1;
    if (max > 0 && n > max * 2) n = max * 2;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.item(i);
    this.cached = out;
    return out;
  }
}

type Latin1Slice = (this: Buffer, start: number, end: number) => string;
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice: Latin1Slice }).latin1Slice;

export function latin1(buf: Buffer, start: number, end: number): string {
  return ReflectApply(latin1Slice, buf, [start, end]);
}
