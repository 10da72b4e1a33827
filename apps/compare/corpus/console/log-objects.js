// console.log formatting of common values.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
const circular = { name: 'loop' };
circular.self = circular;
console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: { h: 1 } } } } });
console.log([1, 'a', null, undefined, true, 10n, Symbol('s'), -0, NaN]);
console.log(new Map([['k', 1], [{ o: 1 }, [2]]]), new Set([1, 'x']));
console.log(new Point(1, 2), [new Point(3, 4)]);
console.log(circular);
console.log(Object.create(null), { [Symbol('key')]: 'sym' }, { 'needs quotes': 1, valid_id: 2 });
console.log(function named() {}, () => {}, class K {}, async function af() {});
console.log(Buffer.from('hi'), new Uint8Array([1, 2, 3]), new ArrayBuffer(2));
console.log(new Date(0).toISOString(), /re+g/gi, new Error('e').message);
console.log('a'.repeat(5), ['x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30)]);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log({ long: 'w'.repeat(100) }, [[[[['deep']]]]]);
console.log(Promise.resolve(5), Promise.reject(new Error('r')).catch(() => {}) && 'rejected handled');
console.log(new WeakMap(), Object.assign(Object.create({ inherited: 1 }), { own: 2 }));
console.log('%s|%d|%i|%f|%j|%o|%O|%%|%c.', 'str', 42.5, 42.5, '1.5', { j: 1 }, [1], { O: { deep: { er: 1 } } }, 'css');
console.log('%s', { toString() { return 'custom'; } }, 'extra', 3);
console.log('no format', '%d', 5);
console.log();
console.log('');
console.log(null, undefined, 'multi\nline');
