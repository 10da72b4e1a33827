/**
 * package.json reading for the resolver.
 *
 * Only the fields that steer loading are kept: name, main, exports,
 * imports, type. Every file is read once per module system and remembered,
 * missing or not, as Node does: resolution asks for the same package.json
 * again and again (each require of a package, each .js file's scope).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageConfig {
  exists: boolean;
  /** Absolute path of the package.json, even when it does not exist. */
  pjsonPath: string;
  name?: string | undefined;
  main?: string | undefined;
  exports?: unknown;
  imports?: unknown;
  type: 'commonjs' | 'module' | 'none';
}

export interface PackageScope {
  /** Directory holding the package.json, without a trailing slash. */
  dir: string;
  config: PackageConfig;
}

interface PackageParseError extends SyntaxError {
  path: string;
}

export class PackageJsonReader {
  private readonly cache = new Map<string, PackageConfig>();

  /** The package.json in `dir`, parsed once. */
  read(dir: string): PackageConfig {
    const pjsonPath = path.resolve(dir, 'package.json');
    const cached = this.cache.get(pjsonPath);
    if (cached !== undefined) return cached;
    const config = parse(pjsonPath);
    this.cache.set(pjsonPath, config);
    return config;
  }

  /**
   * The nearest package.json above a file, the one whose "type" and
   * "exports" govern it. The walk stops at a node_modules directory: a file
   * inside node_modules/x never belongs to a package above it.
   */
  scope(filename: string): PackageScope | undefined {
    let dir = path.dirname(filename);
    for (;;) {
      if (path.basename(dir) === 'node_modules') return undefined;
      const config = this.read(dir);
      if (config.exists) return { dir, config };
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}

function parse(pjsonPath: string): PackageConfig {
  let text: string;
  try {
    text = fs.readFileSync(pjsonPath, 'utf8');
  } catch {
    return { exists: false, pjsonPath, type: 'none' };
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    const err = new SyntaxError(`Error parsing ${pjsonPath}: ${(cause as Error).message}`) as PackageParseError;
    err.path = pjsonPath;
    throw err;
  }
  if (raw === null || typeof raw !== 'object') raw = {};
  const type = raw.type === 'module' || raw.type === 'commonjs' ? raw.type : 'none';
  return {
    exists: true,
    pjsonPath,
    name: typeof raw.name === 'string' ? raw.name : undefined,
    main: typeof raw.main === 'string' ? raw.main : undefined,
    exports: raw.exports,
    imports: raw.imports,
    type,
  };
}
