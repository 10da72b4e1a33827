/**
 * `mini trace summary|svg FILE`: read a trace written by `mini --trace-loop`.
 * Loaded only for this command, never on a program's startup.
 */
import { readTrace } from './read.js';
import { summarize } from './summary.js';
import { drawSvg } from './svg.js';

const USAGE = `usage: mini trace summary [--top N] trace.json
       mini trace svg [--from ITERATION] [--count N] [--width PX] trace.json > loop.svg

summary prints time per phase, the slowest callbacks and the iterations
that waited longest; svg draws a stretch of iterations (phases as bands,
callbacks as labelled boxes, waits as gaps).
`;

function usage(problem?: string): number {
  process.stderr.write((problem === undefined ? '' : `mini trace: ${problem}\n`) + USAGE);
  return 2;
}

export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    if (command === undefined) return usage('which command? summary or svg');
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'summary' && command !== 'svg') return usage(`unknown command '${command}'`);
  const numbers: Record<string, number> = {};
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--top' || a === '--from' || a === '--count' || a === '--width') {
      const v = Number(rest[++i]);
      if (!Number.isInteger(v) || v <= 0) return usage(`${a} needs a positive whole number`);
      numbers[a.slice(2)] = v;
    } else if (a.startsWith('-')) {
      return usage(`unknown option '${a}'`);
    } else if (file === undefined) {
      file = a;
    } else {
      return usage('one trace file at a time');
    }
  }
  if (file === undefined) return usage('no trace file given');
  try {
    const trace = readTrace(file);
    if (command === 'summary') process.stdout.write(summarize(trace, { top: numbers['top'] }));
    else process.stdout.write(drawSvg(trace, { from: numbers['from'], count: numbers['count'], width: numbers['width'] }));
    return 0;
  } catch (err) {
    process.stderr.write(`mini trace: ${(err as Error).message}\n`);
    return 1;
  }
}
