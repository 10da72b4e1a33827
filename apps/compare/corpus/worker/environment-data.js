// setEnvironmentData values are seen by workers started afterwards.
const { Worker, setEnvironmentData, getEnvironmentData, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  setEnvironmentData('greeting', { hello: 'world' });
  console.log('main sees', getEnvironmentData('greeting'));
  const w = new Worker(__filename);
  w.on('message', (m) => console.log('worker sees', m));
} else {
  parentPort.postMessage([getEnvironmentData('greeting'), getEnvironmentData('missing')]);
}
