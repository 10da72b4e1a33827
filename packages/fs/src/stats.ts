/**
 * `struct statx` → Node's fs.Stats, field for field as libuv fills its
 * uv_stat_t from statx on Linux.
 *
 *   offset  field                 offset  field
 *   0       stx_mask      u32     64      stx_atime  {i64 sec, u32 nsec}
 *   4       stx_blksize   u32     80      stx_btime
 *   16      stx_nlink     u32     96      stx_ctime
 *   20      stx_uid       u32     112     stx_mtime
 *   24      stx_gid       u32     128     stx_rdev_major, stx_rdev_minor  u32
 *   28      stx_mode      u16     136     stx_dev_major,  stx_dev_minor   u32
 *   32      stx_ino       u64
 *   40      stx_size      u64
 *   48      stx_blocks    u64
 *
 * The class is the host's `fs.Stats` (pure JavaScript: its `isFile()`,
 * lazily built Date fields and `instanceof` are Node's own).
 */
import { Stats, statSync, statfsSync, type BigIntStats, type StatsFs } from 'node:fs';

/** glibc's makedev: major and minor split across the 64-bit dev_t. */
function makedev(major: number, minor: number): number {
  return (major & 0xfffff000) * 2 ** 32 + (minor & 0xffffff00) * 2 ** 12 + (((major & 0xfff) << 8) | (minor & 0xff));
}

function u64(v: DataView, offset: number): number {
  return v.getUint32(offset + 4, true) * 4294967296 + v.getUint32(offset, true);
}

/** Node's msFromTimeSpec: milliseconds, fractional part from the nanoseconds. */
function ms(v: DataView, offset: number): number {
  const sec = v.getUint32(offset + 4, true) * 4294967296 + v.getUint32(offset, true);
  const signedSec = v.getInt32(offset + 4, true) < 0 ? sec - 2 ** 64 : sec;
  return signedSec * 1e3 + v.getUint32(offset + 8, true) / 1e6;
}

/** Node's Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs). */
const StatsClass = Stats as unknown as new (...fields: number[]) => Stats;

export function statsFromStatx(buf: Uint8Array): Stats {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dev = makedev(v.getUint32(136, true), v.getUint32(140, true));
  const rdev = makedev(v.getUint32(128, true), v.getUint32(132, true));
  return new StatsClass(
    dev,
    v.getUint16(28, true),
    v.getUint32(16, true),
    v.getUint32(20, true),
    v.getUint32(24, true),
    rdev,
    v.getUint32(4, true),
    u64(v, 32),
    u64(v, 40),
    u64(v, 48),
    ms(v, 64),
    ms(v, 112),
    ms(v, 96),
    ms(v, 80),
  );
}

/** stx_size alone, for readFile. */
export function statxSize(buf: Uint8Array): number {
  return u64(new DataView(buf.buffer, buf.byteOffset, buf.byteLength), 40);
}

/** Whether stx_mode says regular file (S_IFREG). */
export function statxIsFile(buf: Uint8Array): boolean {
  return ((buf[28]! | (buf[29]! << 8)) & 0o170000) === 0o100000;
}

function u64n(v: DataView, offset: number): bigint {
  return v.getBigUint64(offset, true);
}

/** Nanoseconds since the epoch, as Node's BigIntStats keeps them. */
function ns(v: DataView, offset: number): bigint {
  return v.getBigInt64(offset, true) * 1_000_000_000n + BigInt(v.getUint32(offset + 8, true));
}

function makedevn(major: number, minor: number): bigint {
  const M = BigInt(major);
  const m = BigInt(minor);
  return ((M & 0xfffff000n) << 32n) | ((M & 0xfffn) << 8n) | ((m & 0xffffff00n) << 12n) | (m & 0xffn);
}

type BigIntStatsClass = new (...fields: bigint[]) => BigIntStats;
let BigIntStatsCtor: BigIntStatsClass | undefined;

/**
 * The host's BigIntStats class (pure JavaScript, but not exported): taken
 * from one synchronous stat the first time it is needed.
 */
function bigIntStatsClass(): BigIntStatsClass {
  return (BigIntStatsCtor ??= Object.getPrototypeOf(statSync('/', { bigint: true })).constructor as BigIntStatsClass);
}

/** `struct statx` → BigIntStats, for `{ bigint: true }`. */
export function bigIntStatsFromStatx(buf: Uint8Array): BigIntStats {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const Ctor = bigIntStatsClass();
  return new Ctor(
    makedevn(v.getUint32(136, true), v.getUint32(140, true)),
    BigInt(v.getUint16(28, true)),
    BigInt(v.getUint32(16, true)),
    BigInt(v.getUint32(20, true)),
    BigInt(v.getUint32(24, true)),
    makedevn(v.getUint32(128, true), v.getUint32(132, true)),
    BigInt(v.getUint32(4, true)),
    u64n(v, 32),
    u64n(v, 40),
    u64n(v, 48),
    ns(v, 64),
    ns(v, 112),
    ns(v, 96),
    ns(v, 80),
  );
}

/** Whether stx_mode says folder (S_IFDIR). */
export function statxIsDir(buf: Uint8Array): boolean {
  return ((buf[28]! | (buf[29]! << 8)) & 0o170000) === 0o040000;
}

type StatFsClass = new (...fields: (number | bigint)[]) => StatsFs;
let StatFsCtor: StatFsClass | undefined;

/**
 * `struct statfs` → Node's StatFs (the host's class, not exported: taken
 * from one synchronous statfs the first time). Its fields are the struct's
 * first seven words: type, bsize, blocks, bfree, bavail, files, ffree.
 */
export function statFsFromStruct(buf: Uint8Array, bigint: boolean): StatsFs {
  StatFsCtor ??= Object.getPrototypeOf(statfsSync('/')).constructor as StatFsClass;
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const fields: (number | bigint)[] = [];
  for (let i = 0; i < 7; i++) fields.push(bigint ? v.getBigInt64(i * 8, true) : u64(v, i * 8));
  return new StatFsCtor(...fields);
}
