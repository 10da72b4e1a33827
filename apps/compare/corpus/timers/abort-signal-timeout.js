// AbortSignal.timeout keeps no process alive (its timer is unref'd), but it
// fires on time while other timers do, and its reason is a TimeoutError.
const order = [];
const signal = AbortSignal.timeout(60);
signal.addEventListener('abort', () => {
  order.push('abort');
  console.log('aborted:', signal.aborted, signal.reason.name, signal.reason.code, signal.reason.message);
});
setTimeout(() => order.push('timer 10'), 10);
setTimeout(() => {
  order.push('timer 400');
  console.log(order.join(' -> '));
  const any = AbortSignal.any([AbortSignal.timeout(20), new AbortController().signal]);
  any.onabort = () => console.log('any aborted by', any.reason.name);
  setTimeout(() => console.log('any.aborted at 300:', any.aborted), 300);
}, 400);
