// Import attributes Node refuses, with its codes and messages.
import { show } from './fixtures/show.js';
const attempts = [
  ['json without type', () => import('./fixtures/data.json')],
  ['js with type json', () => import('./fixtures/no-default.js', { with: { type: 'json' } })],
  ['unsupported type', () => import('./fixtures/data.json', { with: { type: 'css' } })],
  ['unknown attribute', () => import('./fixtures/data.json', { with: { type: 'json', mode: 'x' } })],
];
for (const [label, attempt] of attempts) {
  try {
    await attempt();
    console.log(label, 'loaded');
  } catch (e) {
    show(label, e);
  }
}
