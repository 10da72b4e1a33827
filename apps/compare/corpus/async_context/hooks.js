// async_hooks sees timers and immediates as its own resources: an init
// per setTimeout/setInterval/setImmediate with Node's type names, before
// and after around each run, and executionAsyncId() inside a callback is
// the id its init reported; triggerAsyncId() is where it was scheduled.
const ah = require('async_hooks');
const events = [];
const types = new Map();
const hook = ah.createHook({
  init(id, type, trigger) {
    if (type === 'Timeout' || type === 'Immediate') types.set(id, { type, trigger });
  },
  before(id) {
    if (types.has(id)) events.push(`before ${types.get(id).type}`);
  },
  after(id) {
    if (types.has(id)) events.push(`after ${types.get(id).type}`);
  },
});
hook.enable();
setTimeout(() => {
  const me = ah.executionAsyncId();
  events.push(`in timeout: own id ${types.get(me)?.type}`);
  setImmediate(() => {
    const imm = types.get(ah.executionAsyncId());
    events.push(`in immediate: own id ${imm?.type}, scheduled by the timeout ${imm?.trigger === me}`);
    let n = 0;
    const t = setInterval(() => {
      events.push(`interval run ${n}, same id ${types.get(ah.executionAsyncId())?.type}`);
      if (++n === 2) {
        clearInterval(t);
        hook.disable();
        console.log(events.join('\n'));
        console.log('inits', [...types.values()].map((v) => v.type).join(' '));
      }
    }, 1);
  });
}, 1);
