// A static import cycle: the binding in its TDZ throws, hoisted functions work.
import { a } from './fixtures/cycle-a.js';
import { b, readA } from './fixtures/cycle-b.js';
console.log('main', a, b, readA());
