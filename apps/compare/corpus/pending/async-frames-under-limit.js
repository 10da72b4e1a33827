// A promise job's async frames ("at async outer") at the default
// Error.stackTraceLimit. Node runs the job from native code, with nothing
// of its own below it; ours runs from our loop's JavaScript, whose frames
// V8 counts against the limit before the async frames, so they are cut off
// (V8 reads the limit as a plain data property of Error, so it cannot be
// raised for the capture alone without every program reading the raised value).
async function outer() {
  await inner();
}
async function inner() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  console.log(new Error('a').stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | '));
}
outer();
