/**
 * "name (file:line)" for a user function, as a trace labels the callback
 * that ran it. V8 knows where every function was defined, but only tells
 * the inspector; an in-process inspector session answers synchronously,
 * at ~0.1 ms a question, so each function is asked about once.
 *
 * Only ever loaded while tracing: the session enables the debugger, which
 * a program that is not being traced must not pay for.
 */
import type { Session } from 'node:inspector';
import path from 'node:path';

const SLOT = '__miniTraceFunction';
const cache = new WeakMap<object, string>();
let session: Session | null | undefined;
const scripts = new Map<string, string>();

function connect(): Session | null {
  try {
    const { Session: InspectorSession } = require('node:inspector') as typeof import('node:inspector');
    const s = new InspectorSession();
    s.connect();
    s.on('Debugger.scriptParsed', (m) => {
      scripts.set(m.params.scriptId, m.params.url);
    });
    s.post('Debugger.enable');
    return s;
  } catch {
    // No inspector in this build of node: names without places.
    return null;
  }
}

function location(fn: object): string {
  session ??= connect();
  const s = session;
  if (s === null) return '';
  let where = '';
  const g = globalThis as Record<string, unknown>;
  g[SLOT] = fn;
  try {
    s.post('Runtime.evaluate', { expression: `globalThis.${SLOT}`, objectGroup: 'mini-trace' }, (err, res) => {
      const id = err === null ? res.result.objectId : undefined;
      if (id === undefined) return;
      s.post('Runtime.getProperties', { objectId: id, ownProperties: true }, (err2, props) => {
        if (err2 !== null) return;
        const loc = props.internalProperties?.find((p) => p.name === '[[FunctionLocation]]')?.value?.value as
          { scriptId: string; lineNumber: number } | undefined;
        if (loc === undefined) return;
        const url = scripts.get(loc.scriptId) ?? '';
        if (url === '') return;
        const file = url.startsWith('file://') ? url.slice('file://'.length) : url;
        // Relative to the current folder when inside it, as a user would write it.
        const rel = path.relative(process.cwd(), file);
        where = `${rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file}:${loc.lineNumber + 1}`;
      });
    });
    s.post('Runtime.releaseObjectGroup', { objectGroup: 'mini-trace' });
  } finally {
    delete g[SLOT];
  }
  return where;
}

export function describeFunction(fn: object): string {
  let d = cache.get(fn);
  if (d === undefined) {
    const name = (fn as { name?: unknown }).name;
    const label = typeof name === 'string' && name !== '' ? name : '(anonymous)';
    const where = location(fn);
    d = where === '' ? label : `${label} (${where})`;
    cache.set(fn, d);
  }
  return d;
}
