// stdin: file fixtures/stdin/lines.txt
// for await over a stdin that is a file, decoded as UTF-8 (the é and € whole).
(async () => {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  console.log(JSON.stringify(text), text.length, process.stdin.readableEnded);
})();
