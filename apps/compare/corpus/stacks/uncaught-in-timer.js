// An error thrown in a timer and left uncaught: node's header (the source
// line and caret), the stack on node's timer frames, and the trailer.
setTimeout(function fails() {
  throw new RangeError('out of range');
}, 1);
