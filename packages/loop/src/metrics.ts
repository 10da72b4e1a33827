/**
 * Node's event loop utilization over a loop's metrics (libuv's
 * uv_metrics_idle_time and Node's loopStart): idle is the time spent
 * blocked in the poll phase, active the rest since the loop first ran.
 * Given earlier readings, the difference since them, as Node computes it.
 */
import { hrtime } from '@mini/sys';

export interface LoopUtilization {
  idle: number;
  active: number;
  utilization: number;
}

function utilization(idle: number, active: number): LoopUtilization {
  return { idle, active, utilization: idle + active === 0 ? 0 : active / (idle + active) };
}

/** `idle` and `loopStart` in ms (loopStart on process.hrtime's clock, -1 before the loop ran). */
export function loopUtilization(idle: number, loopStart: number, util1?: LoopUtilization, util2?: LoopUtilization): LoopUtilization {
  if (loopStart < 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2 !== undefined) return utilization(util1!.idle - util2.idle, util1!.active - util2.active);
  const [s, ns] = hrtime();
  const active = s * 1e3 + ns / 1e6 - loopStart - idle;
  if (util1 === undefined) return utilization(idle, active);
  return utilization(idle - util1.idle, active - util1.active);
}
