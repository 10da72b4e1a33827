import { compare, type CompareOptions } from './compare.js';
import { formatReport } from './report.js';

const USAGE = `usage: mini compare [--json] [--mini PATH] [--node PATH] [--timeout MS] script.js [args...]

Runs the script under node and under mini (same cwd, env, stdin closed) and
shows how stdout, stderr and the exit status differ, with both wall times.
Stack-frame lines ("    at ...") are ignored on both sides; nothing else is.
Exit status: 0 same, 1 different, 2 usage error.
`;

interface Parsed {
  json: boolean;
  opts: CompareOptions;
  script: string;
  args: string[];
}

/** What to print instead of running: help (status 0) or a usage error (status 2). */
interface Refusal {
  text: string;
  status: number;
}

const refuse = (problem: string): Refusal => ({ text: `${problem}\n${USAGE}`, status: 2 });

/** Options come before the script; everything after it belongs to the script. */
function parse(argv: readonly string[]): Parsed | Refusal {
  const opts: CompareOptions = {};
  let json = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    const value = (): string | undefined => argv[++i];
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') return { text: USAGE, status: 0 };
    else if (a === '--mini' || a === '--node') {
      const v = value();
      if (v === undefined) return refuse(`${a} needs a path`);
      if (a === '--mini') opts.mini = v;
      else opts.node = v;
    } else if (a === '--timeout') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) return refuse('--timeout needs milliseconds');
      opts.timeoutMs = v;
    } else return refuse(`unknown option ${a}`);
  }
  const script = argv[i];
  if (script === undefined) return refuse('no script given');
  return { json, opts, script, args: argv.slice(i + 1) };
}

/**
 * `mini compare …` — `argv` is what follows `compare`. Resolves to the exit
 * status rather than exiting, so the caller decides when the process ends.
 */
export async function main(
  argv: readonly string[],
  out: Pick<NodeJS.WritableStream, 'write'> = process.stdout,
  err: Pick<NodeJS.WritableStream, 'write'> = process.stderr,
): Promise<number> {
  const parsed = parse(argv);
  if ('status' in parsed) {
    (parsed.status === 0 ? out : err).write(parsed.text);
    return parsed.status;
  }
  const result = await compare(parsed.script, parsed.args, parsed.opts);
  out.write(parsed.json ? JSON.stringify(result, null, 2) + '\n' : formatReport(result));
  return result.same ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
