/**
 * readdir's answers: names in the asked encoding, or the host's Dirent
 * objects (so `instanceof fs.Dirent` holds), and the recursive walk as Node
 * 20 makes it: one scandir per folder, breadth first.
 */
import { Dirent, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loop } from '@mini/loop';
import type { SystemError } from '@mini/sys';
import { encoded, pathText } from './args.js';
import * as req from './req.js';
import type { DirEntry, FsPath } from './req.js';

/** Node's Dirent(name, type, path): the class is the host's, its type a UV_DIRENT_* value. */
const DirentClass = Dirent as unknown as new (name: string | Buffer, type: number, path: string) => Dirent;

const UV_DIRENT_DIR = 2;

export function direntsOf(entries: readonly DirEntry[], encoding: unknown, parent: string): Dirent[] {
  return entries.map((e) => new DirentClass(encoded(e.name, encoding), e.type, parent));
}

type Listing = (string | Buffer | Dirent)[];

/**
 * Node 20's readdir { recursive: true }: folders queue up in the order they
 * are listed. With file types only real folders are entered; plain names
 * also enter links to folders, found with a synchronous stat as Node's
 * internalModuleStat finds them.
 */
export function readdirRecursive(
  loop: Loop,
  base: FsPath,
  encoding: unknown,
  withFileTypes: boolean,
  cb: (err: SystemError | null, list?: Listing) => void,
): void {
  const basePath = pathText(base);
  const queue = [basePath];
  const out: Listing = [];
  let next = 0;
  const readOne = (dir: string) => {
    req.scandir(loop, dir, (err, entries) => {
      if (err !== null) return cb(err);
      for (const e of entries!) {
        const name = encoded(e.name, encoding);
        const full = join(dir, e.name.toString());
        if (withFileTypes) {
          out.push(new DirentClass(name, e.type, dir));
          if (e.type === UV_DIRENT_DIR) queue.push(full);
        } else {
          out.push(relative(basePath, full));
          if (statSync(full, { throwIfNoEntry: false })?.isDirectory() === true) queue.push(full);
        }
      }
      if (next < queue.length) readOne(queue[next++]!);
      else cb(null, out);
    });
  };
  readOne(queue[next++]!);
}
