// async functions interleaved with timers and immediates.
const log = (s) => console.log(s);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function worker(name, ms) {
  log(`${name} start`);
  await sleep(ms);
  log(`${name} woke`);
  await null;
  log(`${name} end`);
  return name;
}
Promise.all([worker('A', 10), worker('B', 2)]).then((r) => log('all ' + r.join(',')));
Promise.race([sleep(5).then(() => 'slow'), Promise.resolve('fast')]).then((v) => log('race ' + v));
Promise.allSettled([Promise.reject(new Error('no')), 1]).then((r) => log(JSON.stringify(r.map((x) => x.status))));
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch((e) => log(`${e.name} ${e.message} ${e.errors.length}`));
