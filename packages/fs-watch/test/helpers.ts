import type * as nodeFs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFs } from '@mini/fs';
import { installWatch } from '../src/index.js';

/** node:fs as mini's runtime builds it: @mini/fs with the watch functions installed. */
export const fs = installWatch(createFs()) as unknown as typeof nodeFs;

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mini-watch-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `pred` holds, polling every few ms; rejects after `ms`. */
export async function until(pred: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The inotify fds of process `pid` and the number of watches on each (`inotify wd:` lines of fdinfo). */
export function inotifyWatches(pid: number | 'self' = 'self'): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${name}`);
    } catch {
      continue;
    }
    if (target !== 'anon_inode:inotify') continue;
    const info = readFileSync(`/proc/${pid}/fdinfo/${name}`, 'utf8');
    out.set(Number(name), info.split('\n').filter((l) => l.startsWith('inotify wd:')).length);
  }
  return out;
}

export function totalWatches(pid: number | 'self' = 'self'): number {
  let n = 0;
  for (const count of inotifyWatches(pid).values()) n += count;
  return n;
}
