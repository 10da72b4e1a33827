// A name the imported module does not export, left uncaught: node prints the
// import's line and caret above the SyntaxError, with no blank line between.
import { notThere } from './fixtures/no-default.js';
console.log(notThere);
