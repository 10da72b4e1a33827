// An .mjs entry point: module scope, strict mode, no CommonJS globals.
import { rel } from './fixtures/show.js';
console.log('this at top level:', this);
console.log('typeof require, module, exports:', typeof require, typeof module, typeof exports);
console.log('url:', rel(import.meta.url));
console.log('strict:', (function () { return this === undefined; })());
