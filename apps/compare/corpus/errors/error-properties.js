// Error objects built by the runtime: names, codes, instanceof.
const errs = [];
try { require('node:this-does-not-exist'); } catch (e) { errs.push(e); }
try { setTimeout(5); } catch (e) { errs.push(e); }
try { process.chdir(42); } catch (e) { errs.push(e); }
try { Buffer.alloc(-1); } catch (e) { errs.push(e); }
for (const e of errs) console.log(e.name, e.code, e instanceof Error, e.message);
console.log(Object.prototype.toString.call(errs[1]), Object.keys(errs[1]));
