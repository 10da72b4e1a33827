// Installs the corpus's fixture packages: each folder under
// corpus/<area>/fixtures/packages/ is copied to corpus/<area>/node_modules/,
// where the area's scripts find them by bare name as they would an npm
// package. The copies are build output (ignored by git); the sources stay
// beside the other fixtures.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');
for (const area of readdirSync(corpus, { withFileTypes: true })) {
  if (!area.isDirectory()) continue;
  const packages = join(corpus, area.name, 'fixtures', 'packages');
  if (!existsSync(packages)) continue;
  const target = join(corpus, area.name, 'node_modules');
  rmSync(target, { recursive: true, force: true });
  cpSync(packages, target, { recursive: true });
}
