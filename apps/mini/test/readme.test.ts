/**
 * The root README's examples, run as printed: a newcomer's first contact
 * must not fail.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

it("the README's import-a-package example runs from the checkout with plain node", () => {
  const block = /```js\n([\s\S]*?)```/.exec(readme);
  expect(block, 'a ```js example in README.md').not.toBeNull();
  const code = block![1]!;
  expect(code).toContain("require('@mini/timers')");
  // From the checkout's root, as a reader types it; the default export condition (dist/).
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('fired on mini\n');
});
