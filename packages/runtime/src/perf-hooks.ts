/**
 * The two parts of node:perf_hooks that measure the event loop, on ours:
 * the host's would measure the host's loop, which from its side is busy
 * the whole time our loop owns the thread. Everything else in perf_hooks
 * is the host's (marks, measures, observers, histograms: no loop behind
 * them).
 *
 *   eventLoopUtilization()   idle = our loop's time in epoll_wait, active =
 *                            the rest since our loop first ran (Node's
 *                            formula, @mini/loop's metrics.ts)
 *   monitorEventLoopDelay()  a repeating timer on our loop records the time
 *                            between its runs into a host histogram, as
 *                            Node's uv timer does (so values start at the
 *                            resolution)
 */
import type { EventLoopUtilization, IntervalHistogram, RecordableHistogram } from 'node:perf_hooks';
import { Timer, defaultLoop, loopUtilization } from '@mini/loop';
import { validateInteger, validateObject } from '@mini/sys';

type Perf = typeof import('node:perf_hooks');

export function makeEventLoopUtilization() {
  return function eventLoopUtilization(util1?: EventLoopUtilization, util2?: EventLoopUtilization): EventLoopUtilization {
    const loop = defaultLoop();
    return loopUtilization(loop.idleTime, loop.loopStart, util1, util2);
  };
}

/** Put our eventLoopUtilization on the host's performance object (the global one too). */
export function patchPerformance(perf: Perf['performance']): void {
  if (Object.prototype.hasOwnProperty.call(perf, 'eventLoopUtilization')) return;
  Object.defineProperty(perf, 'eventLoopUtilization', {
    value: makeEventLoopUtilization(),
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

export function monitorEventLoopDelay(options?: { resolution?: number }): IntervalHistogram {
  const host = require('node:perf_hooks') as Perf;
  validateObject(options ?? {}, 'options');
  const resolution = options?.resolution ?? 10;
  validateInteger(resolution, 'options.resolution', 1);
  const histogram = host.createHistogram() as RecordableHistogram & { enable(): boolean; disable(): boolean };
  let timer: Timer | undefined;
  Object.defineProperty(histogram, 'enable', {
    value(): boolean {
      if (timer !== undefined) return false;
      timer = new Timer(defaultLoop());
      timer.unref();
      // The first run only sets the starting point, as Node's first delta does.
      histogram.recordDelta();
      timer.start(() => histogram.recordDelta(), resolution, resolution);
      return true;
    },
  });
  Object.defineProperty(histogram, 'disable', {
    value(): boolean {
      if (timer === undefined) return false;
      timer.close();
      timer = undefined;
      return true;
    },
  });
  return histogram as unknown as IntervalHistogram;
}

/** require('perf_hooks'): the host's module with our loop's two measures. */
export function createPerfHooks(): Record<string, unknown> {
  const host = require('node:perf_hooks') as Perf;
  patchPerformance(host.performance);
  const exports: Record<string, unknown> = {};
  for (const key of Object.keys(host)) exports[key] = (host as unknown as Record<string, unknown>)[key];
  exports['monitorEventLoopDelay'] = monitorEventLoopDelay;
  return exports;
}

/**
 * The global `performance` is the host's, made on first use: patched as
 * it is made, so a program that never touches it loads nothing.
 */
export function installPerformanceGlobal(): void {
  const g = globalThis as Record<string, unknown>;
  const desc = Object.getOwnPropertyDescriptor(g, 'performance');
  if (desc === undefined) return;
  const read = (): unknown => (desc.get !== undefined ? desc.get.call(g) : desc.value);
  Object.defineProperty(g, 'performance', {
    configurable: true,
    enumerable: desc.enumerable ?? true,
    get() {
      const perf = read() as Perf['performance'];
      patchPerformance(perf);
      return perf;
    },
    set(value: unknown) {
      Object.defineProperty(g, 'performance', { value, writable: true, configurable: true, enumerable: true });
    },
  });
}
