// The Timeout object: its class, hasRef, ref/unref chaining, the numeric id
// from Symbol.toPrimitive, and clearTimeout by that number or a string of it.
const t1 = setTimeout(() => console.log('t1 must not fire'), 5);
console.log(t1.constructor.name, typeof t1, typeof t1[Symbol.toPrimitive]);
console.log('hasRef', t1.hasRef(), 'unref', t1.unref() === t1, t1.hasRef(), 'ref', t1.ref() === t1, t1.hasRef());
const id = +t1;
console.log('id is integer', Number.isInteger(id), 'stable', id === +t1, 'primitive', typeof `${t1}`);
clearTimeout(id);
const t2 = setTimeout(() => console.log('t2 must not fire'), 5);
clearTimeout(String(+t2));
const t3 = setTimeout(() => console.log('t3 fires'), 5);
console.log('distinct ids', +t3 !== id);
const t4 = setTimeout(() => console.log('t4 cleared by clearInterval'), 5);
clearInterval(t4);
const i1 = setInterval(() => console.log('i1 cleared by clearTimeout'), 5);
clearTimeout(i1);
clearTimeout(undefined);
clearTimeout(null);
clearTimeout({});
clearTimeout(123456789);
console.log('clearing nonsense is silent');
const t5 = setTimeout(() => {}, 1);
setTimeout(() => {
  console.log('after firing hasRef', t5.hasRef());
}, 20);
