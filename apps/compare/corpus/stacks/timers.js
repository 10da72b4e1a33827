// A stack taken in a timer, an interval and an immediate shows node's own
// dispatch frames below the callback, and nothing of the runtime's loop.
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

setTimeout(function inTimeout() {
  show('timeout', new Error('t'));
  const interval = setInterval(() => {
    clearInterval(interval);
    show('interval', new Error('i'));
    setImmediate(function inImmediate() {
      show('immediate', new Error('m'));
    });
  }, 1);
}, 1);
