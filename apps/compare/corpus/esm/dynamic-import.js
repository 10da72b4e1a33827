// import() of an ES module: one instance, namespace shared with the static import.
import * as staticNs from './fixtures/lib.js';
const first = await import('./fixtures/lib.js');
const second = await import('./fixtures/lib.js?');
const third = await import(new URL('./fixtures/lib.js', import.meta.url).href);
console.log(first === staticNs, third === staticNs, second === staticNs);
console.log(typeof first.default, first.count);
