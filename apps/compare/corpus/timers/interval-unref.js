// An unref'd interval alone does not keep the process alive; ref() again
// makes it count.
let fired = 0;
const lone = setInterval(() => fired++, 1);
console.log('unref returns itself', lone.unref() === lone, 'hasRef', lone.hasRef());
let m = 0;
const held = setInterval(() => {
  m++;
  if (m === 1) console.log('held hasRef', held.hasRef());
  if (m === 3) {
    held.unref();
    console.log('unref from inside after', m, 'hasRef', held.hasRef());
  }
}, 5);
held.unref();
held.ref();
process.on('exit', () => {
  clearInterval(lone);
  console.log('held ran', m, 'lone fired at least', m > 0 && fired > 0 ? 'once' : 'never');
});
