/**
 * readdir's answers: names in the asked encoding, or the host's Dirent
 * objects (so `instanceof fs.Dirent` holds), and fs/promises' recursive
 * walk as Node 20 makes it.
 */
import { Dirent, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loop } from '@mini/loop';
import { encoded, pathText } from './args.js';
import * as req from './req.js';
import type { DirEntry, FsPath } from './req.js';

/** Node's Dirent(name, type, path): the class is the host's, its type a UV_DIRENT_* value. */
const DirentClass = Dirent as unknown as new (name: string | Buffer, type: number, path: string) => Dirent;

const UV_DIRENT_DIR = 2;

export function direntsOf(entries: readonly DirEntry[], encoding: unknown, parent: string): Dirent[] {
  return entries.map((e) => new DirentClass(encoded(e.name, encoding), e.type, parent));
}

export type Listing = (string | Buffer | Dirent)[];

function scandirPromise(loop: Loop, dir: string): Promise<DirEntry[]> {
  return new Promise((resolve, reject) => req.scandir(loop, dir, (err, entries) => (err !== null ? reject(err) : resolve(entries!))));
}

/**
 * fs/promises' readdir { recursive: true } as Node 20 walks: a stack of
 * listed folders, each folder listed (one scandir) as soon as it is met.
 * With file types only real folders are entered; plain names also enter
 * links to folders, found with a synchronous stat as Node's
 * internalModuleStat finds them.
 */
export async function readdirRecursive(loop: Loop, base: FsPath, encoding: unknown, withFileTypes: boolean): Promise<Listing> {
  const basePath = pathText(base);
  const out: Listing = [];
  const stack: [string, DirEntry[]][] = [[basePath, await scandirPromise(loop, basePath)]];
  while (stack.length > 0) {
    const [dir, entries] = stack.pop()!;
    for (const e of entries) {
      const full = join(dir, e.name.toString());
      if (withFileTypes) {
        out.push(new DirentClass(encoded(e.name, encoding), e.type, dir));
        if (e.type === UV_DIRENT_DIR) stack.push([full, await scandirPromise(loop, full)]);
      } else {
        out.push(relative(basePath, full));
        if (statSync(full, { throwIfNoEntry: false })?.isDirectory() === true) stack.push([full, await scandirPromise(loop, full)]);
      }
    }
  }
  return out;
}
