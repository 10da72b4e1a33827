/**
 * The Environment: everything one running program owns — its loop and the
 * driver that owns the thread for it, its builtin registry — created once
 * at boot and reachable from every part of the runtime.
 */
import { claimDefaultLoop, ownThread, type Driver, type Loop } from '@mini/loop';
import { BuiltinRegistry } from './registry.js';

export class Environment {
  readonly loop: Loop;
  readonly driver: Driver;
  readonly registry = new BuiltinRegistry();

  constructor() {
    // Claim this thread's default loop before anything else can hand it to
    // the host, so every package that uses defaultLoop() runs on ours.
    this.loop = claimDefaultLoop();
    this.driver = ownThread(this.loop);
  }
}
