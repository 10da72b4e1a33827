// performance.eventLoopUtilization() counts a callback's work as active even
// when the callback read the loop's clock first: setTimeout brings the
// loop's time up to date, and the 100 ms that follow are not idle time.
const { performance } = require('perf_hooks');
setTimeout(() => {
  const before = performance.eventLoopUtilization();
  setTimeout(() => {
    const elu = performance.eventLoopUtilization(before);
    console.log('the busy 100 ms counted as active:', elu.active >= 90);
    console.log('the wait counted as idle:', elu.idle >= 150);
  }, 300);
  const start = Date.now();
  while (Date.now() - start < 100);
}, 10);
