// A transpiled module (__esModule): default is still module.exports, as in Node.
import def, * as ns from './fixtures/cjs-esmodule.cjs';
console.log(Object.keys(ns));
console.log(def.default, def.named, ns.named, ns.__esModule);
