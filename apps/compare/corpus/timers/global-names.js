// The timer globals carry node's names and arities before anything requires 'timers'.
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
  console.log(name, globalThis[name].name, globalThis[name].length);
}
console.log(globalThis.setTimeout === require('timers').setTimeout);
