import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A CA and certificates made now by openssl (the corpus's make.sh, run in a fresh folder). */
export function makePki(): { dir: string; read(name: string): Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mini-tls-'));
  copyFileSync(path.join(__dirname, '../../../apps/compare/corpus/tls/fixtures/make.sh'), path.join(dir, 'make.sh'));
  execFileSync('sh', [path.join(dir, 'make.sh')], { stdio: 'ignore' });
  return { dir, read: (name) => readFileSync(path.join(dir, name)) };
}
