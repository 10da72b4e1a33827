/**
 * Idle, prepare and check handles: a callback run once per iteration in
 * their phase while started. libuv keeps each phase as a queue; a handle
 * started during its own phase runs from the next iteration on.
 */
import { Handle } from './handle.js';
import type { Loop } from './loop.js';

export class PhaseQueue {
  private handles: PhaseHandle[] = [];

  add(h: PhaseHandle): void {
    this.handles.push(h);
  }

  remove(h: PhaseHandle): void {
    const i = this.handles.indexOf(h);
    if (i >= 0) this.handles.splice(i, 1);
  }

  get size(): number {
    return this.handles.length;
  }

  /**
   * The handles to run this phase: handles started by a callback wait for
   * the next iteration; the caller skips those a callback stopped.
   */
  snapshot(): readonly PhaseHandle[] {
    return this.handles.length === 0 ? NONE : this.handles.slice();
  }

  run(loop: Loop): void {
    for (const h of this.snapshot()) {
      if (h.isActive() && h.callback) loop.invoke(h.callback, h.traceLabel);
    }
  }
}

const NONE: readonly PhaseHandle[] = [];

abstract class PhaseHandle extends Handle {
  callback: (() => void) | undefined;
  /** Names its callback in a trace; null when the callback records what it runs (setImmediate's check handle). */
  traceLabel: string | null = this.typeName;
  protected abstract queue(): PhaseQueue;

  start(cb: () => void): void {
    this.callback = cb;
    if (this.isActive()) return;
    this.queue().add(this);
    this.activate();
  }

  stop(): void {
    if (!this.isActive()) return;
    this.queue().remove(this);
    this.deactivate();
  }

  protected onClose(): void {
    this.stop();
  }
}

/** Runs every iteration before prepare; while active, poll does not block. */
export class Idle extends PhaseHandle {
  protected queue(): PhaseQueue {
    return this.loop.idleHandles;
  }
}

/** Runs every iteration right before poll. */
export class Prepare extends PhaseHandle {
  protected queue(): PhaseQueue {
    return this.loop.prepareHandles;
  }
}

/** Runs every iteration right after poll (Node's setImmediate lives here). */
export class Check extends PhaseHandle {
  protected queue(): PhaseQueue {
    return this.loop.checkHandles;
  }
}
