// A timer created inside a timer callback with the same duration as the
// running list does not fire in the same timers phase.
const log = (s) => console.log(s);
let depth = 0;
function schedule() {
  setTimeout(() => {
    log('depth ' + depth);
    if (++depth < 4) schedule();
  }, 2);
}
schedule();
setTimeout(() => log('sibling'), 2);
