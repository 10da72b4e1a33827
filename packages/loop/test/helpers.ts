/**
 * Tests run inside promise jobs (vitest test bodies), where a nested
 * microtask checkpoint is refused. The loop must be entered from a host
 * macrotask, so every test that runs a loop goes through here.
 */
export function inMacrotask<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(fn());
      } catch (err) {
        reject(err);
      }
    });
  });
}
