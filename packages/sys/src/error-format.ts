/**
 * How Node's error messages show the values they complain about. These are
 * the small pieces several rows of the error table share ("Received type
 * number (42)", "1_000_000_000_000", "a, b, or c"); each reproduces the
 * wording of Node 20 exactly, since programs and tests match on messages.
 */
import { inspect } from 'node:util';

/** "Received …" as Node describes a value of the wrong type: 'type number (42)', 'an instance of Map', 'null'. */
export function describeReceived(value: unknown): string {
  return `Received ${specificType(value)}`;
}

function specificType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      // String() would print -0 as '0'.
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return `type number (${String(value)})`;
    case 'boolean':
      return `type boolean (${String(value)})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      // Anonymous ones too: "Received function ".
      return `function ${value.name}`;
    case 'object': {
      // Any constructor with a `name` own or inherited counts, even ''.
      const ctor = (value as { constructor?: unknown }).constructor;
      if (ctor && (typeof ctor === 'object' || typeof ctor === 'function') && 'name' in ctor) {
        return `an instance of ${String((ctor as { name: unknown }).name)}`;
      }
      return inspect(value, { depth: -1 });
    }
    case 'string': {
      // Shortened before quoting; single quotes unless the text has one.
      const shown = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return shown.includes("'") ? `type string (${JSON.stringify(shown)})` : `type string ('${shown}')`;
    }
    default: {
      const shown = inspect(value, { colors: false });
      return `type ${typeof value} (${shown.length > 28 ? `${shown.slice(0, 25)}...` : shown})`;
    }
  }
}

/** 'a', 'a or b', 'a, b, or c': Node's list, Oxford comma included. */
export function formatList(items: readonly string[], last = 'and'): string {
  if (items.length <= 2) return items.join(` ${last} `);
  return `${items.slice(0, -1).join(', ')}, ${last} ${items[items.length - 1]}`;
}

/** 1_000_000_000_000: how ERR_OUT_OF_RANGE prints big integers. Integers only. */
export function addNumericalSeparator(digits: string): string {
  let res = '';
  let i = digits.length;
  const start = digits[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${digits.slice(i - 3, i)}${res}`;
  return `${digits.slice(0, i)}${res}`;
}

/** inspect(), cut at 128 characters as ERR_INVALID_ARG_VALUE shows a value. */
export function inspectShort(value: unknown): string {
  const shown = inspect(value);
  return shown.length > 128 ? `${shown.slice(0, 128)}...` : shown;
}
