// Argument validation: codes and messages, and the delays Node coerces to
// 1 ms (negative, NaN, non-numbers, too large — the last with a warning).
// The default warning printer writes the pid, so it is replaced.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, JSON.stringify(w.message)));
const attempts = [
  ['setTimeout("x")', () => setTimeout('x')],
  ['setTimeout()', () => setTimeout()],
  ['setInterval(null)', () => setInterval(null)],
  ['setImmediate(1)', () => setImmediate(1)],
  ['setTimeout({})', () => setTimeout({})],
];
for (const [what, f] of attempts) {
  try {
    f();
    console.log(what, 'did not throw');
  } catch (e) {
    console.log(what, '->', e.name, e.code, e.message);
  }
}
const order = [];
setTimeout(() => order.push('-1'), -1);
setTimeout(() => order.push('NaN'), NaN);
setTimeout(() => order.push('"20"'), '20');
setTimeout(() => order.push('2**31'), 2 ** 31);
setTimeout(() => order.push('Infinity'), Infinity);
setTimeout(() => order.push('undefined'));
setTimeout(() => order.push('0.5'), 0.5);
setTimeout(() => console.log('fired in order:', order.join(' ')), 60);
