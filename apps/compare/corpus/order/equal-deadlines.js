// Timers with the same duration created in the same tick fire in creation
// order; a shorter duration created later still fires first.
const log = (s) => console.log(s);
for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => log(name), 10);
setTimeout(() => log('short'), 1);
setTimeout(() => log('e'), 10);
setTimeout(() => log('long'), 40);
