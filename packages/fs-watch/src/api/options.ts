import { codedError, validateAbortSignal } from '@mini/sys';

export interface WatchOptions {
  persistent?: unknown;
  recursive?: unknown;
  encoding?: unknown;
  signal?: unknown;
}

/** Node's getOptions for fs.watch: a string is the encoding; the encoding and signal are checked. */
export function watchOptions(options: unknown): WatchOptions {
  if (options === null || options === undefined || typeof options === 'function') return {};
  let opts: WatchOptions;
  if (typeof options === 'string') opts = { encoding: options };
  else if (typeof options === 'object') opts = { ...(options as WatchOptions) };
  else throw codedError('ERR_INVALID_ARG_TYPE', 'options', ['string', 'Object'], options);
  if (opts.encoding !== 'buffer') assertEncoding(opts.encoding);
  if (opts.signal !== undefined) validateAbortSignal(opts.signal, 'options.signal');
  return opts;
}

/** Node's assertEncoding: absent, or a name Buffer knows. */
export function assertEncoding(encoding: unknown): void {
  if (encoding && !Buffer.isEncoding(encoding as string)) {
    throw codedError('ERR_INVALID_ARG_VALUE', 'encoding', encoding, 'is invalid encoding');
  }
}

export type FilenameEncoding = BufferEncoding | 'buffer';

/** The encoding a watcher decodes names with: Node's ParseEncoding, utf8 when absent or unknown. */
export function filenameEncoding(encoding: unknown): FilenameEncoding {
  if (encoding === 'buffer') return 'buffer';
  if (typeof encoding === 'string' && Buffer.isEncoding(encoding)) return encoding;
  return 'utf8';
}

export function decodeFilename(name: Buffer | null, encoding: FilenameEncoding): string | Buffer | null {
  if (name === null) return null;
  return encoding === 'buffer' ? Buffer.from(name) : name.toString(encoding);
}
