/**
 * Helpers for dgram tests: waiting for events, and running one scenario
 * against both our dgram and the host's, to compare what each observes.
 */
import * as hostDgram from 'node:dgram';
import { dgram } from '../src/index.js';

export type DgramModule = Pick<typeof hostDgram, 'createSocket'>;

export const mini = dgram as unknown as DgramModule;
export const host = hostDgram as DgramModule;

/** Resolve with the first emission of `event` (its arguments), reject on 'error' unless that is the event. */
export function once<T extends unknown[] = unknown[]>(emitter: NodeJS.EventEmitter, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for '${event}'`)), ms);
    const onEvent = (...args: unknown[]) => {
      clearTimeout(timer);
      emitter.removeListener('error', onError);
      resolve(args as T);
    };
    const onError = (err: Error) => {
      clearTimeout(timer);
      emitter.removeListener(event, onEvent);
      reject(err);
    };
    emitter.once(event, onEvent);
    if (event !== 'error') emitter.once('error', onError);
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What a test compares of an error: its class, code and message (and address/port when present). */
export function errorShape(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { notAnError: String(err) };
  const e = err as Error & { code?: unknown; errno?: unknown; syscall?: unknown; address?: unknown; port?: unknown };
  const out: Record<string, unknown> = { name: e.name, code: e.code, message: e.message };
  if (e.errno !== undefined) out.errno = e.errno;
  if (e.syscall !== undefined) out.syscall = e.syscall;
  if ('address' in e) out.address = e.address;
  if ('port' in e) out.port = e.port;
  return out;
}

/** The outcome of a synchronous call: its value or its error's shape. */
export function attempt(fn: () => unknown): unknown {
  try {
    const v = fn();
    return { ok: v === undefined || typeof v !== 'object' ? v : 'object' };
  } catch (err) {
    return errorShape(err);
  }
}
