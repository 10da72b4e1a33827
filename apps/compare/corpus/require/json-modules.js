// JSON modules: parsed once and cached; a syntax error names the file.
const data = require('./fixtures/rel/data.json');
console.log(data, data === require('./fixtures/rel/data'));
data.list.push(4);
console.log(require('./fixtures/rel/data.json').list.length);
try {
  require('./fixtures/rel/broken.json');
} catch (e) {
  console.log(e.name, e.message.split(__dirname).join('.'));
}
