// BroadcastChannel as node shapes it: the global is worker_threads' class, its name and
// inspect, Node's errors for a missing name or message, an uncloneable or closed
// post, a foreign this; a message's event and the values it clones.
const { BroadcastChannel: B } = require('worker_threads');
const util = require('util');
console.log(B === globalThis.BroadcastChannel, B.name, B.length);
try { new B(); } catch (e) { console.log(e.name, e.code, e.message); }
const b = new B(123);
console.log(b.name, typeof b.name, util.inspect(b), String(b), Object.prototype.toString.call(b));
console.log(Object.getOwnPropertyNames(B.prototype), b.onmessage, b.onmessageerror);
for (const k of Object.getOwnPropertyNames(B.prototype)) { const d = Object.getOwnPropertyDescriptor(B.prototype, k); console.log(k, d.enumerable, d.configurable); }
console.log(b.ref() === b, b.unref() === b, b instanceof EventTarget);
try { b.postMessage(); } catch (e) { console.log(e.name, e.code, e.message); }
try { b.postMessage(() => {}); } catch (e) { console.log(e.name, e.code, e.message, e.constructor.name); }
try { b.postMessage({ p: new (require('worker_threads').MessageChannel)().port1 }); } catch (e) { console.log(e.name, e.code, e.message, e.constructor.name); }
b.onmessage = 5; console.log(b.onmessage); b.onmessage = null; console.log(b.onmessage);
b.close(); b.close();
try { b.postMessage(1); } catch (e) { console.log(e.name, e.code, e.message, e.constructor.name); }
console.log(util.inspect(b), util.inspect({ a: { b } }, { depth: 1 }));
for (const f of ['close', 'postMessage', 'ref', 'unref']) { try { B.prototype[f].call({}, 1); console.log(f, 'ok'); } catch (e) { console.log(f, e.name, e.code, e.message); } }
try { Object.getOwnPropertyDescriptor(B.prototype, 'name').get.call({}); } catch (e) { console.log(e.name, e.code, e.message); }
try { Object.getOwnPropertyDescriptor(B.prototype, 'onmessage').get.call({}); } catch (e) { console.log(e.name, e.code, e.message); }
const c = new B('x'), d = new B('x');
console.log(Object.keys(c), JSON.stringify(c));
d.addEventListener('message', function (e) { console.log('d', e.data, this === d, e.target === d, e.type, e.origin, e.lastEventId, e.source, e.ports); c.close(); d.close(); });
c.postMessage({ big: 1n, date: new Date(0), map: new Map([[1, 2]]), buf: new Uint8Array([1, 2]) });
