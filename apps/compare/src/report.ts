import type { CompareResult, Side } from './compare.js';

/** How a run ended, in one phrase: `exit 0`, `signal SIGKILL (timed out)`, `not started: …`. */
export function describeEnd(side: Side): string {
  if (side.spawnError !== undefined) return `not started: ${side.spawnError}`;
  const end = side.signal !== null ? `signal ${side.signal}` : `exit ${String(side.code)}`;
  return side.timedOut ? `${end} (timed out)` : end;
}

/** The human-readable report `mini compare` prints. */
export function formatReport(r: CompareResult): string {
  const out: string[] = [];
  const section = (name: string, diff: string[]): void => {
    if (diff.length === 0) return;
    out.push(`${name} differs:`, `--- node`, `+++ mini`, ...diff, '');
  };
  section('stdout', r.stdoutDiff);
  section('stderr', r.stderrDiff);
  if (!r.exitSame) out.push(`exit differs: node ${describeEnd(r.node)}, mini ${describeEnd(r.mini)}`, '');
  out.push(r.same ? `same output and ${describeEnd(r.node)}` : 'DIFFERENT');
  out.push(`node ${r.node.wallMs.toFixed(1)} ms, mini ${r.mini.wallMs.toFixed(1)} ms, mini/node ${r.ratio.toFixed(2)}`);
  return out.join('\n') + '\n';
}
