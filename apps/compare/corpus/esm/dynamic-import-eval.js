// import() inside eval and new Function code of a module.
const viaEval = await eval("import('node:events')");
const viaFunction = await new Function("return import('node:events')")();
const { createRequire } = await import('node:module');
const require = createRequire(import.meta.url);
console.log(viaEval.default === require('events'), viaFunction.default === require('events'));
