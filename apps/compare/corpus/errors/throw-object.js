// Throwing a plain object from a timer.
setTimeout(() => {
  throw { code: 'E_OBJ', detail: [1, 2] };
}, 1);
