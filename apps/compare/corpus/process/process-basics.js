// Plain facts about the process object a script commonly reads.
console.log(typeof process.pid, typeof process.ppid, process.platform, process.arch);
console.log('version', process.version === `v${process.versions.node}`);
console.log('title type', typeof process.title);
console.log('env is object', typeof process.env, 'PATH set', typeof process.env.PATH);
process.env.MINI_COMPARE_X = 42;
console.log('env coerces', typeof process.env.MINI_COMPARE_X, process.env.MINI_COMPARE_X);
delete process.env.MINI_COMPARE_X;
console.log('deleted', process.env.MINI_COMPARE_X);
console.log('hrtime', Array.isArray(process.hrtime()), typeof process.hrtime.bigint());
console.log('uptime', typeof process.uptime(), 'memory', typeof process.memoryUsage().rss);
console.log('emitter', typeof process.on, typeof process.nextTick, process.exitCode);
