// require(esm) inside async functions and promise callbacks: synchronous even there.
async function main() {
  await null;
  const ns = require('./fixtures/with-default.js');
  console.log('after await:', ns.named);
  await new Promise((resolve) => setTimeout(resolve, 1));
  console.log('after timer:', require('./fixtures/lib.js').default('async'));
}
Promise.resolve().then(() => console.log('in then:', require('./fixtures/no-default.js').two));
main().then(() => console.log('done'));
