/**
 * The only normalisation applied before two outputs are compared.
 *
 * Stack-frame lines (whitespace, then `at `) are dropped on both sides: the
 * frames below user code are the runtime's own and necessarily differ.
 * Everything else is compared as printed — the `file:line`, source line and
 * `^` marker heading an uncaught error, the error text, and the
 * `Node.js v20.x` trailer must all match.
 */
const STACK_FRAME = /^\s+at \S/;

export function isStackFrame(line: string): boolean {
  return STACK_FRAME.test(line);
}

/** Marks output that does not end in a newline, as `diff` does, so that difference stays visible. */
export const NO_FINAL_NEWLINE = '\\ No newline at end of output';

/** Split into lines (a final newline does not make an empty last line) minus stack frames. */
export function normalizeLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines.push(NO_FINAL_NEWLINE);
  return lines.filter((l) => !isStackFrame(l));
}
