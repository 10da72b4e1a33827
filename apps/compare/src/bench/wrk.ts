import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { capture, type Capture } from '../capture.js';
import { failure, type Measure } from './measure.js';

/**
 * HTTP load from wrk against a server workload. The workload prints
 * `port=<n>` once listening and ends by itself on `GET /quit`, so a run that
 * does not exit 0 afterwards counts as a failure even if wrk was happy.
 */
export interface WrkOptions {
  connections: number;
  threads: number;
  durationS: number;
  /**
   * Seconds of the same load before the measured run, its figures dropped.
   * The server's first second is its JIT's warm-up (mini runs its loop,
   * sockets and http in JavaScript where node runs C++, so it has more to
   * warm: a cluster worker's first 4096 requests took 440 ms against
   * node's 305, the later ones as long as node's), and in a 3 s measure it
   * weighs more or less with the machine's load. Both runtimes get the
   * same warm-up, and the row then compares them warm.
   */
  warmupS?: number;
  /** The workload serves https (its certificate is not checked: the load is the point). */
  https?: boolean;
}

/** What one wrk run measured: requests per second and latency percentiles in ms. */
export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
}

const unitMs: Record<string, number> = { us: 1e-3, ms: 1, s: 1000, m: 60_000 };

/**
 * Parse `wrk --latency` output. Socket errors or non-2xx answers make the
 * run void: a server that drops requests would otherwise look fast.
 */
export function parseWrk(text: string): WrkResult {
  const percentile = (p: string): number => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(text);
    if (m === null) throw new Error(`wrk output has no ${p}% latency`);
    return Number(m[1]) * unitMs[m[2]!]!;
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  if (rps === null) throw new Error(`wrk output has no Requests/sec: ${JSON.stringify(text.slice(0, 200))}`);
  const errors = /^\s*Socket errors:.*$/m.exec(text);
  if (errors !== null) throw new Error(`wrk: ${errors[0].trim()}`);
  const non2xx = /^\s*Non-2xx or 3xx responses:.*$/m.exec(text);
  if (non2xx !== null) throw new Error(`wrk: ${non2xx[0].trim()}`);
  const requests = /^\s*(\d+) requests in /m.exec(text);
  if (requests === null || Number(requests[1]) === 0) throw new Error('wrk: no request completed');
  return { rps: Number(rps[1]), p50: percentile('50'), p99: percentile('99') };
}

function runWrk(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('error', (e) => reject(new Error(`wrk: ${e.message} (install it: apt-get install wrk)`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exit ${String(code)}: ${out.trim()}`))));
  });
}

/** `GET /quit` on a fresh connection; resolves whatever happens to it. */
function quit(port: number, https: boolean): Promise<void> {
  return new Promise((resolve) => {
    const request = 'GET /quit HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n';
    const s = https
      ? tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false }, () => s.end(request))
      : net.connect(port, '127.0.0.1', () => s.end(request));
    s.setTimeout(5000, () => s.destroy());
    s.on('error', () => resolve());
    s.on('close', () => resolve());
    s.resume();
  });
}

export function wrk(o: WrkOptions): Measure {
  return async (bin, script, args) => {
    let pid = 0;
    let seen = '';
    let onPort: (port: number) => void = () => {};
    const port = new Promise<number>((resolve) => (onPort = resolve));
    const run: Promise<Capture> = capture(bin, [script, ...args], {
      timeoutMs: (o.durationS + (o.warmupS ?? 0)) * 1000 + 30_000,
      onSpawn: (p) => (pid = p),
      onStdout: (chunk) => {
        seen += chunk;
        const m = /port=(\d+)/.exec(seen);
        if (m !== null) onPort(Number(m[1]));
      },
    });
    // The server may die before it ever listens: then the capture ends first.
    const first = await Promise.race([port, run]);
    if (typeof first !== 'number') {
      throw first.code === 0 && !first.timedOut ? new Error('the workload ended without printing port=') : failure(first);
    }
    let result: WrkResult | Error;
    try {
      const url = `${o.https ? 'https' : 'http'}://127.0.0.1:${first}/`;
      const load = [`-t${o.threads}`, `-c${o.connections}`, '--latency', url];
      // A warm-up that fails is the run's failure too: a server that drops requests is not warm.
      if (o.warmupS !== undefined && o.warmupS > 0) parseWrk(await runWrk([`-d${o.warmupS}s`, ...load]));
      result = parseWrk(await runWrk([`-d${o.durationS}s`, ...load]));
    } catch (e) {
      result = e instanceof Error ? e : new Error(String(e));
    }
    await quit(first, o.https === true);
    // A server that ignores /quit is not waited for.
    const late = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    const c = await run;
    clearTimeout(late);
    // The server's own failure says more than what wrk saw of it.
    if (c.code !== 0 || c.timedOut || c.spawnError !== undefined) throw failure(c);
    if (result instanceof Error) throw result;
    return { ...result };
  };
}
