/**
 * fs.realpath (not .native): Node's walk in JavaScript, which the request
 * sequence follows. Component by component from the root: an lstat each;
 * a link is checked with a stat and read with a readlink (once per link,
 * remembered by device and inode), and the walk restarts from its target.
 * Components known to be no link are not asked again.
 */
import { resolve } from 'node:path';
import { defaultLoop } from '@mini/loop';
import type { SystemError } from '@mini/sys';
import * as req from './req.js';
import { bigIntStatsFromStatx } from './stats.js';

export function realpathWalk(path: string, cb: (err: SystemError | null, resolved?: string) => void): void {
  const loop = defaultLoop();
  const knownHard = new Set<string>();
  const seenLinks = new Map<string, string>();
  let p = resolve(path);
  let pos = 1;
  let current = '/';
  let base = '/';
  let previous = '/';

  const step = (): void => {
    if (pos >= p.length) return cb(null, p);
    const slash = p.indexOf('/', pos);
    previous = current;
    if (slash === -1) {
      const last = p.slice(pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += p.slice(pos, slash + 1);
      base = previous + p.slice(pos, slash);
      pos = slash + 1;
    }
    if (knownHard.has(base)) return process.nextTick(step);
    const at = base;
    req.statPath(loop, at, true, (err, stx) => {
      if (err !== null) return cb(err);
      const st = bigIntStatsFromStatx(stx);
      if (!st.isSymbolicLink()) {
        knownHard.add(at);
        return process.nextTick(step);
      }
      const id = `${st.dev.toString(32)}:${st.ino.toString(32)}`;
      const seen = seenLinks.get(id);
      if (seen !== undefined) return follow(seen);
      req.statPath(loop, at, false, (statErr) => {
        if (statErr !== null) return cb(statErr);
        req.readlink(loop, at, (linkErr, target) => {
          if (linkErr !== null) return cb(linkErr);
          const t = target!.toString();
          seenLinks.set(id, t);
          follow(t);
        });
      });
    });
  };

  const follow = (target: string): void => {
    p = resolve(resolve(previous, target), p.slice(pos));
    current = base = '/';
    pos = 1;
    process.nextTick(step);
  };

  process.nextTick(step);
}
