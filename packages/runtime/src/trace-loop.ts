/**
 * --trace-loop: record this thread's loop from boot to exit and write the
 * trace when the process exits (Perfetto and chrome://tracing open it).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { startTracing, stopTracing, type TraceEvent } from '@mini/loop';

/** Events per write: one JSON.stringify of the whole trace could exceed V8's longest string. */
const CHUNK = 10_000;

function writeTrace(target: string, events: readonly TraceEvent[]): void {
  const fd = openSync(target, 'w');
  try {
    writeSync(fd, '{"displayTimeUnit":"ms","traceEvents":[\n');
    for (let i = 0; i < events.length; i += CHUNK) {
      const part = events
        .slice(i, i + CHUNK)
        .map((e) => JSON.stringify(e))
        .join(',\n');
      writeSync(fd, i + CHUNK < events.length ? part + ',\n' : part + '\n');
    }
    writeSync(fd, ']}\n');
  } finally {
    closeSync(fd);
  }
}

/** `file` as given on the command line ('' for the default name). */
export function traceLoopTo(file: string): void {
  const target = path.resolve(file === '' ? `mini-trace-${process.pid}.json` : file);
  startTracing();
  process.once('exit', () => {
    const trace = stopTracing();
    if (trace === undefined) return;
    try {
      writeTrace(target, trace.traceEvents);
    } catch (err) {
      process.stderr.write(`mini: cannot write the loop trace to ${target}: ${(err as Error).message}\n`);
    }
  });
}
