/**
 * mini --trace-loop on a real program: the trace file parses, each
 * iteration's phases come in libuv's order, and every callback sits in the
 * phase Node runs it in. Then the two readers of a trace, summary and svg.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTrace, type LoopTrace } from '../src/trace/read.js';

const MINI = resolve(__dirname, '..', 'bin', 'mini');
const APP = resolve(__dirname, 'fixtures', 'trace-app.js');
const ORDER = ['pending', 'idle', 'prepare', 'poll (waiting)', 'poll (dispatching)', 'pending', 'check', 'closing', 'timers'];

let dir: string;
let file: string;
let trace: LoopTrace;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mini-trace-'));
  file = join(dir, 'loop.json');
  const r = spawnSync(MINI, [`--trace-loop=${file}`, APP], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  trace = readTrace(file);
});

/** Is `phases` (names, in order) a subsequence of libuv's order? */
function inOrder(phases: string[]): boolean {
  let at = 0;
  for (const p of phases) {
    while (at < ORDER.length && ORDER[at] !== p) at++;
    if (at === ORDER.length) return false;
    at++;
  }
  return true;
}

function callback(name: string) {
  const found = trace.callbacks.filter((c) => c.slice.name.includes(name));
  expect(found, `a callback named ${name}`).toHaveLength(1);
  return found[0]!;
}

describe('mini --trace-loop', () => {
  it('writes the Trace Event Format, with the loop thread and the pool threads named', () => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: { ph: string; name: string; args?: { name?: string } }[] };
    const names = raw.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args?.name);
    expect(names).toContain('loop');
    expect(names).toContain('pool thread 1');
    expect(trace.pool.map((s) => s.name)).toContain('fs.stat');
    expect(raw.traceEvents.some((e) => e.ph === 'C' && e.name === 'loop')).toBe(true);
  });

  it('runs every iteration through the phases in libuv order', () => {
    expect(trace.iterations.length).toBeGreaterThanOrEqual(3);
    for (const it of trace.iterations) {
      const names = it.phases.map((p) => p.name);
      expect(inOrder(names), `iteration ${it.index}: ${names.join(', ')}`).toBe(true);
      for (const p of ['pending', 'idle', 'prepare', 'poll (waiting)', 'check', 'closing', 'timers']) expect(names).toContain(p);
      // Phases lie inside their iteration.
      for (const p of it.phases) {
        expect(p.ts).toBeGreaterThanOrEqual(it.slice.ts);
        expect(p.ts + p.dur).toBeLessThanOrEqual(it.slice.ts + it.slice.dur + 0.01);
      }
      expect(typeof it.wait?.args['reason']).toBe('string');
    }
  });

  it('puts each callback in the phase Node runs it in', () => {
    expect(callback('firstTimeout').phase).toBe('timers');
    expect(callback('immediateFromTimer').phase).toBe('check');
    const stat = trace.callbacks.find((c) => c.slice.name === 'fs.stat')!;
    expect(stat.phase).toBe('poll (dispatching)');
    const fromIo = callback('immediateFromIo');
    expect(fromIo.phase).toBe('check');
    expect(fromIo.iteration).toBe(stat.iteration);
    const timeoutFromIo = callback('timeoutFromIo');
    expect(timeoutFromIo.phase).toBe('timers');
    expect(timeoutFromIo.iteration).toBeGreaterThanOrEqual(stat.iteration);
    expect(timeoutFromIo.slice.ts).toBeGreaterThan(fromIo.slice.ts);
    const reads = trace.callbacks.filter((c) => c.slice.name === 'TCP read');
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.phase).toBe('poll (dispatching)');
    const exits = trace.callbacks.filter((c) => c.slice.name === 'child exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]!.phase).toBe('poll (dispatching)');
    expect(trace.children.map((c) => c.file)).toEqual(['true']);
    const closes = trace.callbacks.filter((c) => c.slice.name === 'TCP close');
    expect(closes.length).toBeGreaterThan(0);
    for (const c of closes) expect(c.phase).toBe('closing');
    // The user's functions are named with their place in the file.
    expect(callback('firstTimeout').slice.name).toMatch(/^Timeout: firstTimeout \(.*trace-app\.js:10\)$/);
  });

  it('summarizes and draws the trace', () => {
    const summary = spawnSync(MINI, ['trace', 'summary', file], { encoding: 'utf8' });
    expect(summary.status).toBe(0);
    expect(summary.stdout).toContain('Time per phase');
    expect(summary.stdout).toMatch(/Slowest callbacks[\s\S]*fs\.stat/);
    expect(summary.stdout).toContain('Iterations that blocked longest in poll');
    expect(summary.stdout).toMatch(/Child processes \(1\)[\s\S]*true/);
    const svg = spawnSync(MINI, ['trace', 'svg', '--count', '3', file], { encoding: 'utf8' });
    expect(svg.status).toBe(0);
    expect(svg.stdout.startsWith('<svg ')).toBe(true);
    expect(svg.stdout).toContain('Timeout: firstTimeout');
    expect(svg.stdout.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('writes mini-trace-<pid>.json in the current folder by default, and nothing without the flag', () => {
    const here = mkdtempSync(join(tmpdir(), 'mini-trace-default-'));
    const r = spawnSync(MINI, ['--trace-loop', '-e', 'setTimeout(() => console.log(process.pid), 1)'], { encoding: 'utf8', cwd: here });
    expect(r.status).toBe(0);
    expect(existsSync(join(here, `mini-trace-${r.stdout.trim()}.json`))).toBe(true);
    const plain = spawnSync(MINI, ['-e', 'setTimeout(() => console.log(process.pid), 1)'], { encoding: 'utf8', cwd: here });
    expect(existsSync(join(here, `mini-trace-${plain.stdout.trim()}.json`))).toBe(false);
  });

  it('answers a bad trace command with usage, status 2', () => {
    const r = spawnSync(MINI, ['trace', 'draw', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'draw'");
    const missing = spawnSync(MINI, ['trace', 'summary', join(dir, 'nope.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
  });
});
