// A "type": "module" package: its .js files are ES modules.
import typeofRequire, { typed } from 'typed-pkg';
console.log(typed, typeofRequire);
