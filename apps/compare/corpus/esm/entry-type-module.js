// A .js entry under "type": "module" is an ES module.
import { rel } from './fixtures/show.js';
console.log('filename:', rel(import.meta.filename), 'dirname:', rel(import.meta.dirname + '/'));
console.log('typeof __filename:', typeof __filename);
const keys = Object.keys(import.meta);
console.log('import.meta keys:', keys.join(','), Object.getPrototypeOf(import.meta));
