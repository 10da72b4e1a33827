/** One line of the benchmark table: medians per side, or why a side failed. */
export interface Row {
  name: string;
  unit: string;
  reps: number;
  node: number;
  mini: number;
  /** The benchmark's name, when it yields several rows. */
  group?: string;
  nodeError?: string;
  miniError?: string;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function cell(value: number, unit: string, error: string | undefined): string {
  if (error !== undefined) return 'failed';
  return `${value.toFixed(value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0)} ${unit}`;
}

/** `name | node | mini | mini/node`, aligned, followed by the failures' reasons. */
export function renderTable(rows: readonly Row[], node: string, mini: string): string {
  const header = ['benchmark', 'node', 'mini', 'mini/node', 'reps'];
  const body = rows.map((r) => [
    r.name,
    cell(r.node, r.unit, r.nodeError),
    cell(r.mini, r.unit, r.miniError),
    r.nodeError === undefined && r.miniError === undefined ? (r.mini / r.node).toFixed(2) : '-',
    String(r.reps),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  const out = [`node: ${node}`, `mini: ${mini}`, '', line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
  // Rows of one multi-figure benchmark share a failure: say it once.
  const reasons = new Set<string>();
  for (const r of rows) {
    const base = r.group ?? r.name;
    if (r.nodeError !== undefined) reasons.add(`${base}: node failed: ${r.nodeError}`);
    if (r.miniError !== undefined) reasons.add(`${base}: mini failed: ${r.miniError}`);
  }
  out.push(...reasons);
  return out.join('\n') + '\n';
}
