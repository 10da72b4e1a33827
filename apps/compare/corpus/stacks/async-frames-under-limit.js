// A promise job's async frames ("at async outer") at the default
// Error.stackTraceLimit. Node runs the job from native code, with nothing
// of its own below it; V8 counts the frames below the job against the
// limit before it appends the async frames, so the runtime's loop must
// leave few frames of its own there for them to show.
async function outer() {
  await inner();
}
async function inner() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  console.log(new Error('a').stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | '));
}
outer();
