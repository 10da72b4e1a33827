import * as nodeFs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { createFs } from '../src/index.js';

const fs = createFs() as unknown as typeof nodeFs;
const dir = mkdtempSync(join(tmpdir(), 'mini-fs-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = Buffer.alloc(3 * 65536 + 1234);
for (let i = 0; i < data.length; i++) data[i] = (i * 11) & 0xff;
const src = join(dir, 'src');
writeFileSync(src, data);

/** Chunk sizes and events of a read stream, ours or node's. */
function trace(make: () => nodeFs.ReadStream): Promise<string[]> {
  return new Promise((resolve) => {
    const out: string[] = [];
    const rs = make();
    rs.on('open', () => out.push('open'));
    rs.on('ready', () => out.push('ready'));
    rs.on('data', (c: string | Buffer) => out.push(`data ${c.length}`));
    rs.on('end', () => out.push('end'));
    rs.on('error', (e: NodeJS.ErrnoException) => out.push(`error ${e.code}`));
    rs.on('close', () => resolve([...out, 'close']));
  });
}

describe('ReadStream and WriteStream on our pool', () => {
  it('read streams chunk and end as node’s do', async () => {
    for (const opts of [{}, { highWaterMark: 1000, start: 7, end: 5000 }, { start: data.length - 3 }, { end: 0 }]) {
      expect(await trace(() => fs.createReadStream(src, opts))).toEqual(await trace(() => nodeFs.createReadStream(src, opts)));
    }
    expect(await trace(() => fs.createReadStream(join(dir, 'missing')))).toEqual(['error ENOENT', 'close']);
    expect(fs.createReadStream(src).destroy()).toBeInstanceOf(fs.ReadStream);
  });

  it('a pipeline copies the bytes and closes both descriptors', async () => {
    const before = openFdCount();
    for (let i = 0; i < 20; i++)
      await pipeline(fs.createReadStream(src, { highWaterMark: 16384 }), fs.createWriteStream(join(dir, `copy${i}`)));
    expect(readFileSync(join(dir, 'copy19')).equals(data)).toBe(true);
    expect(openFdCount()).toBe(before);
  });

  it('write() signals backpressure and drain follows', async () => {
    const ws = fs.createWriteStream(join(dir, 'bp'), { highWaterMark: 100 });
    expect(ws.write(Buffer.alloc(150))).toBe(false);
    await new Promise<void>((r) => ws.once('drain', () => r()));
    ws.end('end');
    await new Promise<void>((r) => ws.on('close', () => r()));
    expect(ws.bytesWritten).toBe(153);
    expect(readFileSync(join(dir, 'bp')).length).toBe(153);
  });

  it('a destroyed stream waits for its read in flight before closing', async () => {
    const before = openFdCount();
    for (let i = 0; i < 50; i++) {
      const rs = fs.createReadStream(src);
      await new Promise<void>((res) => {
        rs.once('data', () => rs.destroy());
        rs.on('close', () => res());
      });
    }
    expect(openFdCount()).toBe(before);
  });
});

describe('stream constructors as code written for Node calls them', () => {
  it('apply to an object of a subclass, with a replaced open()', async () => {
    type Ctor = (this: unknown, ...args: unknown[]) => void;
    function Sub(this: nodeFs.ReadStream, ...args: unknown[]): void {
      (fs.ReadStream as unknown as Ctor).apply(this, args);
    }
    Sub.prototype = Object.create(fs.ReadStream.prototype) as object;
    let opened = 0;
    (Sub.prototype as { open: () => void }).open = function (this: nodeFs.ReadStream) {
      opened++;
      nodeFs.open(this.path, 'r', (err, fd) =>
        err ? this.emit('error', err) : (((this as unknown as { fd: number }).fd = fd), this.emit('open', fd)),
      );
    };
    const rs = new (Sub as unknown as new (p: string) => nodeFs.ReadStream)(src);
    let n = 0;
    rs.on('data', (c: string | Buffer) => (n += c.length));
    await new Promise<void>((r) => rs.on('close', () => r()));
    expect([opened, n, rs instanceof fs.ReadStream]).toEqual([1, data.length, true]);
  });
});
