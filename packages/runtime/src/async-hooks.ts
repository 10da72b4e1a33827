/**
 * node:async_hooks: the host's module, so contexts, hooks and promise
 * tracking are Node's own, plus what the host cannot know:
 *
 * - that a program now asks for async context, so our loop's operations
 *   start capturing theirs (@mini/loop's async-context.ts). Both ways of
 *   asking pass through here: an AsyncLocalStorage used for the first time
 *   (Node enables its hook in `_enable`, from run and enterWith) and a hook
 *   enabled with createHook().enable();
 * - which resources are our machinery's (the host immediates that switch
 *   between the loops, the carriers of close and pending callbacks): a
 *   program's hooks see the resources Node would show, not those.
 */
import * as host from 'node:async_hooks';
// The module's own exports: the namespace above also has the `default` an ES import adds.
import hostExports from 'node:async_hooks';
import { asyncContext, hiddenAsyncIds, trackAsyncContext } from '@mini/loop';

interface Enablable {
  _enable(): void;
}

/** Hooks enabled with a destroy callback: hidden ids are then forgotten at destroy, else after their run. */
let destroyWatchers = 0;

function filtered(callbacks: host.HookCallbacks): host.HookCallbacks {
  const { init, before, after, destroy, promiseResolve } = callbacks;
  const out: host.HookCallbacks = {};
  if (init !== undefined || destroy !== undefined) {
    out.init = function (id, type, trigger, resource) {
      if (asyncContext.hiding > 0) {
        hiddenAsyncIds.add(id);
        return;
      }
      if (init !== undefined) Reflect.apply(init, this, [id, type, trigger, resource]);
    };
  }
  if (before !== undefined) {
    out.before = function (id) {
      if (!hiddenAsyncIds.has(id)) Reflect.apply(before, this, [id]);
    };
  }
  out.after = function (id) {
    if (hiddenAsyncIds.has(id)) {
      // Each of our hidden resources runs once.
      if (destroyWatchers === 0) hiddenAsyncIds.delete(id);
      return;
    }
    if (after !== undefined) Reflect.apply(after, this, [id]);
  };
  if (destroy !== undefined) {
    out.destroy = function (id) {
      if (hiddenAsyncIds.delete(id)) return;
      Reflect.apply(destroy, this, [id]);
    };
  }
  if (promiseResolve !== undefined) out.promiseResolve = promiseResolve;
  return out;
}

export function createAsyncHooks(): typeof host {
  const HostStorage = host.AsyncLocalStorage as unknown as new () => Enablable;
  const hostEnable = (HostStorage.prototype as Enablable)._enable;

  class AsyncLocalStorage extends HostStorage {
    override _enable(): void {
      trackAsyncContext();
      hostEnable.call(this);
    }
  }
  // The host's statics (bind, snapshot) come with it through the prototype chain.
  Object.defineProperty(AsyncLocalStorage, 'name', { value: 'AsyncLocalStorage' });

  function createHook(callbacks: host.HookCallbacks): host.AsyncHook {
    // Node's own checks and errors first (ERR_ASYNC_CALLBACK for a non-function).
    host.createHook(callbacks);
    const hook = host.createHook(filtered(callbacks));
    const { enable, disable } = hook;
    const watchesDestroy = typeof callbacks.destroy === 'function';
    let enabled = false;
    hook.enable = function (this: host.AsyncHook) {
      trackAsyncContext();
      if (!enabled && watchesDestroy) destroyWatchers++;
      enabled = true;
      return enable.call(this);
    };
    hook.disable = function (this: host.AsyncHook) {
      if (enabled && watchesDestroy) destroyWatchers--;
      enabled = false;
      return disable.call(this);
    };
    return hook;
  }

  return { ...hostExports, AsyncLocalStorage: AsyncLocalStorage as unknown as typeof host.AsyncLocalStorage, createHook };
}
