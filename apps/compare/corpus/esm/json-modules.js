// JSON modules need with { type: 'json' }; one instance for static and dynamic imports.
import data from './fixtures/data.json' with { type: 'json' };
const again = await import('./fixtures/data.json', { with: { type: 'json' } });
console.log(data.name, data.list, data.nested.ok, again.default === data, Object.keys(again));
