/**
 * A small line diff with unified-style output.
 *
 * Outputs compared here are short (a corpus script prints tens of lines), so
 * the classic longest-common-subsequence table is enough: the common prefix
 * and suffix are trimmed first, and only the middle gets the O(n·m) table.
 * Past `MAX_CELLS` the middle is reported as wholly replaced rather than
 * spending memory on a precise answer nobody will read.
 */

export type Edit = { op: ' ' | '-' | '+'; line: string };

const MAX_CELLS = 4_000_000;

export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const edits: Edit[] = [];
  for (let i = 0; i < start; i++) edits.push({ op: ' ', line: a[i]! });
  edits.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  for (let i = endA; i < a.length; i++) edits.push({ op: ' ', line: a[i]! });
  return edits;
}

function middle(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [...a.map((line): Edit => ({ op: '-', line })), ...b.map((line): Edit => ({ op: '+', line }))];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], flattened.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      edits.push({ op: ' ', line: a[i++]! });
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      edits.push({ op: '-', line: a[i++]! });
    } else {
      edits.push({ op: '+', line: b[j++]! });
    }
  }
  while (i < n) edits.push({ op: '-', line: a[i++]! });
  while (j < m) edits.push({ op: '+', line: b[j++]! });
  return edits;
}

/**
 * Render edits as unified-diff hunks (`@@ -l,n +l,n @@`) with `context`
 * unchanged lines around each change; returns [] when nothing changed.
 */
export function unified(edits: readonly Edit[], context = 2): string[] {
  const changed: number[] = [];
  edits.forEach((e, k) => {
    if (e.op !== ' ') changed.push(k);
  });
  if (changed.length === 0) return [];
  // Group changes whose context windows touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const k of changed) {
    const lo = Math.max(0, k - context);
    const hi = Math.min(edits.length, k + context + 1);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && lo <= last[1]) last[1] = hi;
    else hunks.push([lo, hi]);
  }
  // Line numbers on each side before every edit index.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const e of edits) {
    posA.push(la);
    posB.push(lb);
    if (e.op !== '+') la++;
    if (e.op !== '-') lb++;
  }
  const out: string[] = [];
  for (const [lo, hi] of hunks) {
    const slice = edits.slice(lo, hi);
    const countA = slice.filter((e) => e.op !== '+').length;
    const countB = slice.filter((e) => e.op !== '-').length;
    // As in `diff -u`, an empty side is numbered by the line before it.
    const startA = countA === 0 ? posA[lo]! - 1 : posA[lo]!;
    const startB = countB === 0 ? posB[lo]! - 1 : posB[lo]!;
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@`);
    for (const e of slice) out.push(e.op + e.line);
  }
  return out;
}
