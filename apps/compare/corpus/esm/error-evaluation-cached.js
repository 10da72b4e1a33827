// A module that threw stays failed: every import gets the same error, its body runs once.
let first;
try {
  await import('./fixtures/throws.js');
} catch (e) {
  first = e;
  console.log(e.name, e.message);
}
try {
  await import('./fixtures/throws.js');
} catch (e) {
  console.log('same error object:', e === first);
}
