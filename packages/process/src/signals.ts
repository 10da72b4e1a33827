/**
 * Signals on the `process` object, as Node wires them: adding the first
 * listener for a signal name starts an (unref'd) Signal handle, through the
 * emitter's 'newListener' hook; removing the last one closes it, so the
 * default action applies again. The handle emits `(name, number)`.
 *
 * The host's own hooks would start the host's uv_signal instead; they are
 * taken off first, so a signal has one owner.
 */
import type { EventEmitter } from 'node:events';
import { defaultLoop, type Loop } from '@mini/loop';
import { check, codedError, errnoException, invalidArgType, signal as sig } from '@mini/sys';
import { Signal } from './handles/signal.js';

let table: Record<string, number> | undefined;

/** Name → number, from node:os, loaded on first use: startup does not need it. */
function signals(): Record<string, number> {
  return (table ??= (require('node:os') as typeof import('node:os')).constants.signals as Record<string, number>);
}

/** 'SIGTERM' or 15 → 15; anything else is Node's ERR_UNKNOWN_SIGNAL. */
export function signalNumber(signal: string | number): number {
  if (typeof signal === 'number') {
    if (Object.values(signals()).includes(signal)) return signal;
    throw codedError('ERR_UNKNOWN_SIGNAL', signal);
  }
  const n = Object.prototype.hasOwnProperty.call(signals(), signal) ? signals()[signal] : undefined;
  if (n === undefined) throw codedError('ERR_UNKNOWN_SIGNAL', signal);
  return n;
}

/** 15 → 'SIGTERM'. */
export function signalName(signum: number): string | undefined {
  for (const name of Object.keys(signals())) if (signals()[name] === signum) return name;
  return undefined;
}

function isSignalName(type: unknown): type is string {
  return typeof type === 'string' && type.startsWith('SIG') && Object.prototype.hasOwnProperty.call(signals(), type);
}

/** `process.kill(pid, signal)`: Node's checks and errors; true on success. */
export function kill(pid: unknown, signal?: unknown): true {
  // Loose on purpose, as Node: '42' passes (and is sent to 42), 1.5 and null do not.
  if (pid != ((pid as number) | 0)) throw invalidArgType('pid', 'number', pid);
  const target = (pid as number) | 0;
  let signum: number;
  if (typeof signal === 'number' && signal === (signal | 0)) {
    signum = signal;
  } else {
    const name = signal || 'SIGTERM';
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(signals(), name)) throw codedError('ERR_UNKNOWN_SIGNAL', name);
    signum = signals()[name]!;
  }
  const r = check(sig.kill(target, signum));
  if (r < 0) throw errnoException(r, 'kill');
  return true;
}

/** Take over signal listening on `proc` (the host's process object), on `loop`. */
export function installSignals(proc: NodeJS.Process, loop: Loop = defaultLoop()): void {
  const emitter = proc as unknown as EventEmitter;
  for (const event of ['newListener', 'removeListener'] as const) {
    for (const fn of emitter.listeners(event)) {
      // The host's bootstrap hooks, found by name: startListeningIfSignal / stopListeningIfSignal.
      if (/ListeningIfSignal$/.test(fn.name)) emitter.removeListener(event, fn as (...args: unknown[]) => void);
    }
  }
  const handles = new Map<string, Signal>();
  emitter.on('newListener', (type: unknown) => {
    if (!isSignalName(type) || handles.has(type)) return;
    const h = new Signal(loop);
    // Listening for a signal never keeps the process alive, as in Node.
    h.unref();
    const r = h.start((signum) => emitter.emit(type, type, signum), signals()[type]!);
    if (r < 0) {
      h.close();
      throw errnoException(r, 'uv_signal_start');
    }
    handles.set(type, h);
  });
  emitter.on('removeListener', (type: unknown) => {
    if (!isSignalName(type) || emitter.listenerCount(type) > 0) return;
    const h = handles.get(type);
    if (h === undefined) return;
    handles.delete(type);
    h.close();
  });
  Object.defineProperty(proc, 'kill', { configurable: true, writable: true, enumerable: true, value: kill });
}
