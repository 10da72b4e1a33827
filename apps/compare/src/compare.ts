import * as path from 'node:path';
import { capture, type Capture } from './capture.js';
import type { StdinSpec } from './corpus.js';
import { diffLines, unified } from './diff.js';
import { normalizeLines } from './normalize.js';
import { miniBin, nodeBin } from './paths.js';

export interface CompareOptions {
  /** Directory both runs start in; defaults to the current one. */
  cwd?: string;
  /** Environment for both runs; defaults to ours. */
  env?: NodeJS.ProcessEnv;
  /** Path of the mini command; defaults to `MINI_BIN` or `apps/mini/bin/mini`. */
  mini?: string;
  /** Path of node; defaults to `NODE_BIN` or the node running us. */
  node?: string;
  /** Kill a run that takes longer (ms); default 30 s. */
  timeoutMs?: number;
  /** Unchanged lines shown around each difference; default 2. */
  context?: number;
  /** What both runs read on stdin; /dev/null without it. */
  stdin?: StdinSpec;
}

/** One side's run, as reported. */
export interface Side extends Capture {
  bin: string;
}

export interface CompareResult {
  script: string;
  args: string[];
  same: boolean;
  node: Side;
  mini: Side;
  /** Unified diff lines (node = `-`, mini = `+`) of the normalised stdout; empty if equal. */
  stdoutDiff: string[];
  stderrDiff: string[];
  /** True when exit code and terminating signal agree. */
  exitSame: boolean;
  /** mini wall time / node wall time. */
  ratio: number;
}

/**
 * Run `script args…` under node, then under mini — one after the other, so
 * that neither steals the CPU from the other's timers — with the same cwd,
 * env and closed stdin, and compare what they printed and how they ended.
 */
export async function compare(script: string, args: readonly string[] = [], opts: CompareOptions = {}): Promise<CompareResult> {
  const cwd = opts.cwd ?? process.cwd();
  const scriptPath = path.resolve(cwd, script);
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const node = nodeBin(opts.node);
  const mini = miniBin(opts.mini);
  const argv = [scriptPath, ...args];
  const stdin = opts.stdin;
  const nodeRun: Side = { bin: node, ...(await capture(node, argv, { cwd, env, timeoutMs, stdin })) };
  const miniRun: Side = { bin: mini, ...(await capture(mini, argv, { cwd, env, timeoutMs, stdin })) };
  const context = opts.context ?? 2;
  const stdoutDiff = unified(diffLines(normalizeLines(nodeRun.stdout), normalizeLines(miniRun.stdout)), context);
  const stderrDiff = unified(diffLines(normalizeLines(nodeRun.stderr), normalizeLines(miniRun.stderr)), context);
  const exitSame =
    nodeRun.code === miniRun.code &&
    nodeRun.signal === miniRun.signal &&
    !nodeRun.timedOut &&
    !miniRun.timedOut &&
    nodeRun.spawnError === undefined &&
    miniRun.spawnError === undefined;
  return {
    script: scriptPath,
    args: [...args],
    same: exitSame && stdoutDiff.length === 0 && stderrDiff.length === 0,
    node: nodeRun,
    mini: miniRun,
    stdoutDiff,
    stderrDiff,
    exitSame,
    ratio: miniRun.wallMs / nodeRun.wallMs,
  };
}
