// A worker file that does not exist: 'error' with MODULE_NOT_FOUND, then exit 1.
const { Worker } = require('worker_threads');
const path = require('path');
const w = new Worker(path.join(__dirname, 'no-such-worker-file.js'));
w.on('error', (e) => console.log('error', e.code, e.message.split('\n')[0].replace(__dirname, '<dir>')));
w.on('exit', (code) => console.log('exit', code));
